/** `node`, `cluster` and `rpc` (emqx_conf_schema). */
import type { KeyInfo } from '../types';
import { alias, dAll, key, obj, opaque, under, V5_PLUS, V6 } from './build';
import { clientSsl } from './ssl';

const cookie = key('cookie', 'secret', 'Shared secret Erlang nodes present to each other; every node of one cluster needs the same value.', {
  defaults: { '5.0': 'emqxsecretcookie' },
  sensitive: true,
  ruleIds: ['erlang/weak-cookie', 'erlang/cookie-mismatch', 'secrets/plaintext', 'files/secret-permissions'],
  securityNote: 'Whoever knows the cookie and reaches the distribution port can run any code on the node.',
});

const role = key('role', 'enum', 'Database role of the node: core nodes hold the data, replicants serve clients (Enterprise).', {
  enum: ['core', 'replicant'],
  defaults: dAll('core'),
});

const NODE: KeyInfo[] = [
  key('name', 'string', 'Erlang node name as name@host; the trailing number of the name part shifts the distribution and RPC ports.', {
    defaults: dAll('emqx@127.0.0.1'),
    ruleIds: ['ports/dist-port-mismatch', 'ports/reserved', 'ports/conflict'],
  }),
  cookie,
  key('process_limit', 'integer', 'Old cap on Erlang processes; EMQX now derives it as twice max_ports.', {
    min: 1024,
    max: 134217727,
    deprecated: { replacedBy: 'max_ports' },
    ruleIds: ['emqx/deprecated-key'],
  }),
  key('max_ports', 'integer', 'Most ports (sockets and files) the Erlang VM may open at once; needs a matching LimitNOFILE.', {
    defaults: dAll(1048576),
    min: 1024,
    max: 134217727,
  }),
  key('dist_buffer_size', 'integer', 'Erlang distribution buffer busy limit in kilobytes.', { defaults: dAll(8192), min: 1, max: 2097151 }),
  key('max_ets_tables', 'integer', 'Most ETS tables the VM may create.', { defaults: dAll(262144), min: 1 }),
  key('data_dir', 'path', 'Directory for persistent data (Mnesia, cluster.hocon, certificates uploaded at runtime); must be the same path on all nodes.'),
  key('config_files', 'array', 'Configuration files EMQX read at boot; set by the start script.'),
  key('global_gc_interval', 'duration', 'How often every process is garbage-collected; `disabled` turns it off.', {
    specials: ['disabled'],
    defaults: dAll('15m'),
  }),
  key('crash_dump_file', 'path', 'Where the VM writes its crash dump.'),
  key('crash_dump_seconds', 'duration', 'Time the VM may spend writing a crash dump.', { defaults: dAll('30s') }),
  key('crash_dump_bytes', 'bytesize', 'Largest crash dump file.', { defaults: dAll('100MB') }),
  key('dist_net_ticktime', 'duration', 'Heartbeat period of Erlang distribution; a peer silent for about this long is considered down.', {
    defaults: { '5.0': '2m', '5': '2m', '6': '1m' },
  }),
  key('backtrace_depth', 'integer', 'Stack frames kept in error reports.', { defaults: dAll(23) }),
  key('applications', 'array', 'Extra Erlang applications to start with the node.'),
  key('etc_dir', 'path', 'Unused since 5.0.8; the etc directory comes from the start script.'),
  obj('cluster_call', 'Retry and history settings of cluster-wide configuration changes.'),
  key('cluster_call.retry_interval', 'duration', 'Delay before a failed cluster-wide change is retried.', { defaults: dAll('1m') }),
  key('cluster_call.max_history', 'integer', 'Completed cluster-wide changes kept for catching up nodes.', { defaults: dAll(1024), min: 100, max: 10240 }),
  key('cluster_call.cleanup_interval', 'duration', 'How often old change records are removed.', { defaults: dAll('24h') }),
  key('db_backend', 'enum', 'Database backend; rlog lets replicant nodes exist.', { enum: ['mnesia', 'rlog'], defaults: dAll('rlog') }),
  role,
  alias('db_role', role),
  key('rpc_module', 'enum', 'Transport for database replication calls.', { enum: ['gen_rpc', 'rpc'], defaults: dAll('rpc') }),
  key('tlog_push_mode', 'enum', 'How transactions are pushed to replicants; no effect since 5.2.', { enum: ['sync', 'async'] }),
  key('default_shard_transport', 'enum', 'Transport used to replicate database shards.', { enum: ['gen_rpc', 'distr'], defaults: dAll('distr') }),
  opaque('shard_transports', 'Per-shard override of the replication transport.'),
  key('default_bootstrap_batch_size', 'integer', 'Records per batch when a replicant copies a shard at start.', { defaults: dAll(500), min: 1 }),
  key('broker_pool_size', 'integer', 'Size of the broker worker pool (defaults to twice the schedulers).', { min: 1 }),
  key('generic_pool_size', 'integer', 'Size of the generic worker pool (defaults to the scheduler count).', { min: 1 }),
  key('channel_cleanup_batch_size', 'integer', 'Channels cleaned per batch when a node goes down.', { min: 1 }),
  key('dist_bind_address', 'string', 'IP address the Erlang distribution listener binds to (6.2+); replaces -kernel inet_dist_use_interface in vm.args.', {
    versions: V6,
    ruleIds: ['erlang/dist-interface-unbound'],
    securityNote: 'Bound to all interfaces, the distribution port (remote code execution with the cookie) is reachable from every network the host is on.',
  }),
];

const CLUSTER: KeyInfo[] = [
  key('name', 'atom', 'Cluster name; nodes only join peers with the same name.', { defaults: dAll('emqxcl') }),
  key('discovery_strategy', 'enum', 'How nodes find each other: manual (emqx ctl cluster join), static seeds, DNS, etcd, Kubernetes, or singleton.', {
    enum: ['manual', 'static', 'singleton', 'dns', 'etcd', 'k8s'],
    defaults: dAll('manual'),
    ruleIds: ['erlang/dist-cleartext', 'erlang/rpc-cleartext'],
  }),
  key('autoclean', 'duration', 'Time after which a node that stayed down is removed from the cluster.', { defaults: dAll('24h') }),
  key('autoheal', 'boolean', 'Heals network partitions automatically.', { defaults: dAll(true) }),
  key('proto_dist', 'enum', 'Carrier of Erlang distribution between nodes: cleartext TCP or TLS (inet_tls needs etc/ssl_dist.conf).', {
    enum: ['inet_tcp', 'inet6_tcp', 'inet_tls', 'inet6_tls'],
    defaults: dAll('inet_tcp'),
    ruleIds: ['erlang/dist-cleartext'],
    securityNote: 'Cleartext distribution exposes the cookie handshake and all replicated data to anyone on the path.',
  }),
  key('quic_lb_mode', 'integer', 'QUIC load-balancing mode of the node (internal).', { defaults: dAll(0) }),
  obj('static', 'Settings of the static discovery strategy.'),
  key('static.seeds', 'array', 'Node names to join, e.g. ["emqx1@10.0.0.1", "emqx2@10.0.0.2"].', {
    defaults: dAll([]),
    ruleIds: ['erlang/dist-cleartext', 'erlang/rpc-cleartext'],
  }),
  obj('dns', 'Settings of the DNS discovery strategy.'),
  key('dns.name', 'string', 'Domain whose records list the peer nodes.', { defaults: dAll('localhost') }),
  key('dns.record_type', 'enum', 'Record type to look up.', { enum: ['a', 'aaaa', 'srv'], defaults: dAll('a') }),
  obj('etcd', 'Settings of the etcd discovery strategy.'),
  key('etcd.server', 'string', 'Comma-separated etcd endpoint URLs.'),
  key('etcd.prefix', 'string', 'Key prefix for the node entries in etcd.', { defaults: dAll('emqxcl') }),
  key('etcd.node_ttl', 'duration', 'Lifetime of a node\'s etcd entry.', { defaults: dAll('1m') }),
  obj('etcd.ssl_options', 'TLS settings for the connection to etcd.', { ruleIds: ['tls/client-verify-none'] }),
  ...under('etcd.ssl_options', clientSsl()),
  obj('k8s', 'Settings of the Kubernetes discovery strategy.'),
  key('k8s.apiserver', 'string', 'URL of the Kubernetes API server.', { defaults: dAll('https://kubernetes.default.svc:443') }),
  key('k8s.service_name', 'string', 'Kubernetes service whose endpoints are the EMQX pods.', { defaults: dAll('emqx') }),
  key('k8s.address_type', 'enum', 'Form of the discovered peer address.', { enum: ['ip', 'dns', 'hostname'], defaults: dAll('ip') }),
  key('k8s.namespace', 'string', 'Kubernetes namespace of the service.', { defaults: dAll('default') }),
  key('k8s.suffix', 'string', 'Domain suffix appended to dns/hostname addresses.', { defaults: dAll('pod.local') }),
  key('prevent_overlapping_partitions', 'boolean', 'Erlang kernel guard against overlapping network partitions.', { defaults: dAll(false) }),
  opaque('links', 'Cluster linking to remote EMQX clusters (Enterprise).', { versions: V5_PLUS }, 'array'),
];

// etcd accepts `ssl` as the old name of `ssl_options`; the index resolves keys below it through the alias.
const ETCD_SSL_ALIAS: KeyInfo[] = [
  obj('etcd.ssl', 'Older name of etcd.ssl_options, still accepted.', {
    deprecated: { replacedBy: 'etcd.ssl_options', alias: true },
    ruleIds: ['emqx/deprecated-key', 'tls/client-verify-none'],
  }),
];

const protocol = key('protocol', 'enum', 'Transport of inter-node RPC: tcp (cleartext) or ssl (needs certfile, keyfile and cacertfile).', {
  enum: ['tcp', 'ssl'],
  defaults: dAll('tcp'),
  ruleIds: ['erlang/rpc-cleartext', 'erlang/rpc-ssl-incomplete'],
  securityNote: 'Cleartext RPC carries session and message data between nodes unencrypted.',
});
const serverPort = key('server_port', 'integer', 'RPC listening port; used only with port_discovery = manual (stateless derives 5370 + node number).', {
  defaults: dAll(5369),
  min: 1,
  max: 65535,
  ruleIds: ['ports/reserved', 'ports/conflict'],
});
const clientNum = key('client_num', 'integer', 'Parallel RPC connections to each peer node.', { defaults: dAll(10), min: 1, max: 256 });
const rpcFile = (name: string, what: string) =>
  key(name, 'path', what, { ruleIds: ['erlang/rpc-ssl-incomplete', ...(name === 'keyfile' ? ['files/secret-permissions'] : [])] });

const RPC: KeyInfo[] = [
  key('mode', 'enum', 'Whether RPC calls wait for each other (sync) or are batched (async).', { enum: ['sync', 'async'], defaults: dAll('async') }),
  protocol,
  alias('driver', protocol),
  key('async_batch_size', 'integer', 'Messages sent in one async RPC batch.', { defaults: dAll(256) }),
  key('port_discovery', 'enum', 'stateless derives the RPC port from the node name (5370 + N); manual uses server_port.', {
    enum: ['manual', 'stateless'],
    defaults: dAll('stateless'),
    ruleIds: ['ports/reserved', 'ports/conflict'],
  }),
  serverPort,
  alias('tcp_server_port', serverPort),
  alias('ssl_server_port', serverPort),
  clientNum,
  alias('tcp_client_num', clientNum),
  key('connect_timeout', 'duration', 'Timeout for opening an RPC connection.', { defaults: dAll('5s') }),
  rpcFile('certfile', 'PEM certificate this node presents on RPC over TLS.'),
  rpcFile('keyfile', 'PEM private key for the RPC certificate.'),
  rpcFile('cacertfile', 'PEM CA bundle used to check peer nodes on RPC over TLS.'),
  key('send_timeout', 'duration', 'Timeout for sending one RPC message.', { defaults: dAll('5s') }),
  key('authentication_timeout', 'duration', 'Timeout for the RPC handshake.', { defaults: dAll('5s') }),
  key('call_receive_timeout', 'duration', 'Timeout waiting for the reply to a synchronous RPC call.', { defaults: dAll('15s') }),
  key('socket_keepalive_idle', 'duration', 'Idle time before TCP keepalive probes start on RPC sockets.', { defaults: dAll('15m') }),
  key('socket_keepalive_interval', 'duration', 'Interval between keepalive probes on RPC sockets.', { defaults: dAll('75s') }),
  key('socket_keepalive_count', 'integer', 'Unanswered keepalive probes before an RPC socket is closed.', { defaults: dAll(9) }),
  key('socket_sndbuf', 'bytesize', 'Kernel send buffer of RPC sockets.', { defaults: dAll('1MB') }),
  key('socket_recbuf', 'bytesize', 'Kernel receive buffer of RPC sockets.', { defaults: dAll('1MB') }),
  key('socket_buffer', 'bytesize', 'User-space buffer of RPC sockets.', { defaults: dAll('1MB') }),
  key('insecure_fallback', 'boolean', 'Lets this node talk to peers that run an older RPC authentication scheme.', { defaults: dAll(true) }),
  key('ciphers', 'array', 'Cipher suites for RPC over TLS.', { ruleIds: ['tls/weak-cipher'] }),
  key('tls_versions', 'array', 'TLS versions for RPC over TLS.', {
    itemEnum: ['tlsv1.3', 'tlsv1.2', 'tlsv1.1', 'tlsv1'],
    defaults: { '5.0': ['tlsv1.3', 'tlsv1.2', 'tlsv1.1', 'tlsv1'], '5': ['tlsv1.3', 'tlsv1.2'], '6': ['tlsv1.3', 'tlsv1.2'] },
    ruleIds: ['tls/legacy-version', 'tls/version-gap'],
  }),
  key('listen_address', 'string', 'IP address the RPC server listens on, e.g. "10.0.1.5".', {
    defaults: dAll('0.0.0.0'),
    ruleIds: ['erlang/rpc-listen-all'],
    securityNote: 'On 0.0.0.0 the RPC port is reachable from every network the host is on.',
  }),
  key('ipv6_only', 'boolean', 'Listens on IPv6 only.', { defaults: dAll(false) }),
];

export const NODE_KEYS: KeyInfo[] = [
  obj('node', 'Identity and Erlang VM settings of this node; read once at boot.'),
  ...under('node', NODE),
  obj('cluster', 'How this node forms a cluster with others.'),
  ...under('cluster', [...CLUSTER, ...ETCD_SSL_ALIAS]),
  obj('rpc', 'Inter-node RPC (gen_rpc) used to forward sessions and messages between nodes.'),
  ...under('rpc', RPC),
];
