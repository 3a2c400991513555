/**
 * EMQX 4.x flat ("cuttlefish") keys that the rules read, from v4.4.19 etc/emqx.conf and the plugin
 * confs. Not a full catalogue: 4.x sections are never treated as known, so nothing here drives
 * unknown-key reports. Listener names are `*` (the shipped ones are `external` and `internal`).
 */
import type { KeyInfo } from './types';
import { key } from './emqx/build';

const V4 = { versions: ['4' as const] };
const d4 = (value: string | number | boolean | string[]) => ({ defaults: { '4': value } });
const ONOFF = ['on', 'off', 'true', 'false'];

/** cuttlefish flags accept on/off as well as true/false. */
function as4(info: KeyInfo): KeyInfo {
  const flag = info.type === 'boolean' ? { type: 'enum' as const, enum: ONOFF } : {};
  return { ...info, ...flag, ...V4 };
}

function listener(kind: 'tcp' | 'ssl' | 'ws' | 'wss', port: string): KeyInfo[] {
  const p = `listener.${kind}.*`;
  const cleartext = kind === 'tcp' || kind === 'ws';
  const keys: KeyInfo[] = [
    key(p, 'ip_port', `Address of a 4.x ${kind} listener: "IP:port" or a bare port (all interfaces).`, {
      ...d4(port),
      ruleIds: [...(cleartext ? ['mqtt/cleartext-listener-exposed'] : []), 'ports/listener-protocol-mismatch', 'ports/conflict', 'ports/reserved'],
    }),
    key(`${p}.acceptors`, 'integer', 'Processes accepting connections.', { min: 1 }),
    key(`${p}.max_connections`, 'integer', 'Most concurrent connections on this listener.', {
      min: 1,
      ruleIds: ['mqtt/no-connection-limit', 'cross/connections-exceed-nofile'],
    }),
    key(`${p}.max_conn_rate`, 'integer', 'Most new connections per second.', { ruleIds: ['mqtt/no-rate-limit'] }),
    key(`${p}.active_n`, 'integer', 'Packets read before the connection process is woken again.'),
    key(`${p}.zone`, 'string', 'Zone whose settings apply to this listener.'),
    key(`${p}.access.*`, 'string', 'Numbered allow/deny rule by client address, e.g. "allow 10.0.0.0/8".', { ruleIds: ['mqtt/proxy-protocol-unrestricted'] }),
    key(`${p}.proxy_protocol`, 'enum', 'Expects a PROXY protocol header from a load balancer.', { enum: ONOFF, ruleIds: ['mqtt/proxy-protocol-unrestricted'] }),
    key(`${p}.backlog`, 'integer', 'Queue length of connections waiting to be accepted.'),
    key(`${p}.send_timeout`, 'duration', 'Timeout of one socket write.'),
  ];
  if (kind === 'ssl' || kind === 'wss') {
    keys.push(
      key(`${p}.tls_versions`, 'string', 'Comma-separated TLS versions, e.g. "tlsv1.3,tlsv1.2".', { ruleIds: ['tls/legacy-version', 'tls/version-gap'] }),
      key(`${p}.ciphers`, 'string', 'Comma-separated cipher suites; the shipped list still contains CBC and 3DES suites.', { ruleIds: ['tls/weak-cipher'] }),
      key(`${p}.verify`, 'enum', 'verify_peer makes clients present a certificate that is checked against cacertfile.', {
        enum: ['verify_peer', 'verify_none'],
        ruleIds: ['tls/peer-cert-not-required', 'tls/fail-if-no-peer-cert-without-verify', 'mqtt/peer-cert-identity-unverified'],
      }),
      key(`${p}.fail_if_no_peer_cert`, 'boolean', 'With verify_peer, refuses clients that send no certificate.', {
        ruleIds: ['tls/peer-cert-not-required', 'tls/fail-if-no-peer-cert-without-verify', 'mqtt/peer-cert-identity-unverified'],
      }),
      key(`${p}.certfile`, 'path', 'Server certificate chain.', { ruleIds: ['tls/default-certificate'] }),
      key(`${p}.keyfile`, 'path', 'Server private key.', { ruleIds: ['tls/default-certificate', 'files/secret-permissions'] }),
      key(`${p}.cacertfile`, 'path', 'CA bundle for client certificates.', { ruleIds: ['tls/default-certificate'] }),
      key(`${p}.secure_renegotiate`, 'enum', 'Allows only secure renegotiation.', { enum: ONOFF, ruleIds: ['tls/insecure-renegotiation'] }),
      key(`${p}.enable_crl_check`, 'boolean', 'Checks client certificates against revocation lists.', { ruleIds: ['tls/crl-without-verify', 'tls/crl-disabled'] }),
      key(`${p}.enable_ocsp_stapling`, 'boolean', 'Staples OCSP responses in the handshake.', { ruleIds: ['tls/ocsp-incomplete', 'tls/ocsp-disabled'] }),
      key(`${p}.handshake_timeout`, 'duration', 'Time allowed for the TLS handshake.'),
      key(`${p}.depth`, 'integer', 'Intermediate CAs allowed in the client chain.'),
    );
  }
  if (kind === 'ws' || kind === 'wss') keys.push(key(`${p}.mqtt_path`, 'string', 'HTTP path of the WebSocket endpoint.'));
  return keys.map(as4);
}

export const EMQX4_KEYS: readonly KeyInfo[] = [
  ...[
    key('node.name', 'string', 'Erlang node name as name@host.', { ...d4('emqx@127.0.0.1'), ruleIds: ['ports/dist-port-mismatch'] }),
    key('node.cookie', 'secret', 'Shared secret of the Erlang cluster.', {
      ...d4('emqxsecretcookie'),
      sensitive: true,
      ruleIds: ['erlang/weak-cookie', 'erlang/cookie-mismatch', 'secrets/plaintext'],
      securityNote: 'Whoever knows the cookie and reaches the distribution port can run any code on the node.',
    }),
    key('node.data_dir', 'path', 'Directory of persistent data.'),
    key('node.dist_use_interface', 'string', 'IP address Erlang distribution listens on.', {
      ...d4('0.0.0.0'),
      ruleIds: ['erlang/dist-interface-unbound'],
    }),
    key('node.dist_listen_min', 'integer', 'Lowest port of the distribution listener.', { ...d4(6369), ruleIds: ['ports/dist-port-mismatch', 'ports/reserved'] }),
    key('node.dist_listen_max', 'integer', 'Highest port of the distribution listener.', { ...d4(6369), ruleIds: ['ports/dist-port-mismatch', 'ports/reserved'] }),
    key('node.process_limit', 'integer', 'Most Erlang processes.'),
    key('node.max_ports', 'integer', 'Most open ports (sockets, files).'),
    key('cluster.name', 'string', 'Cluster name.', d4('emqxcl')),
    key('cluster.discovery', 'enum', 'How nodes find each other.', {
      enum: ['manual', 'static', 'mcast', 'dns', 'etcd', 'k8s'],
      ...d4('manual'),
      ruleIds: ['erlang/dist-cleartext', 'erlang/rpc-cleartext'],
    }),
    key('cluster.static.seeds', 'string', 'Comma-separated node names to join.', { ruleIds: ['erlang/dist-cleartext'] }),
    key('cluster.proto_dist', 'enum', 'Carrier of Erlang distribution: cleartext TCP or TLS.', {
      enum: ['inet_tcp', 'inet6_tcp', 'inet_tls'],
      ...d4('inet_tcp'),
      ruleIds: ['erlang/dist-cleartext'],
    }),
    key('rpc.mode', 'enum', 'Synchronous or batched RPC.', { enum: ['sync', 'async'], ...d4('async') }),
    key('rpc.port_discovery', 'enum', 'How the RPC port is found.', { enum: ['manual', 'stateless'], ...d4('stateless') }),
    key('rpc.tcp_server_port', 'integer', 'RPC port with manual discovery.', { ruleIds: ['ports/reserved'] }),
    key('allow_anonymous', 'boolean', 'Lets clients connect without credentials when no auth plugin decides.', {
      ...d4(true),
      ruleIds: ['mqtt/anonymous-access'],
      securityNote: 'true admits any client that no authentication plugin rejects.',
    }),
    key('acl_nomatch', 'enum', 'Decision when no ACL rule matches.', { enum: ['allow', 'deny'], ...d4('allow'), ruleIds: ['mqtt/authz-allow-by-default'] }),
    key('acl_deny_action', 'enum', 'What happens on a denied request.', { enum: ['ignore', 'disconnect'], ...d4('ignore'), ruleIds: ['mqtt/authz-deny-action-ignore'] }),
    key('acl_file', 'path', 'ACL rules file.'),
    key('mqtt.max_packet_size', 'bytesize', 'Largest MQTT packet accepted.', { ...d4('1MB'), ruleIds: ['mqtt/max-packet-size'] }),
    key('mqtt.max_clientid_len', 'integer', 'Longest client ID.', d4(65535)),
    key('mqtt.max_topic_levels', 'integer', 'Most topic levels; 0 means no limit.', { ...d4(128), ruleIds: ['mqtt/max-topic-levels'] }),
    key('mqtt.peer_cert_as_username', 'enum', 'Takes the username from the client certificate.', {
      enum: ['cn', 'dn', 'crt', 'pem', 'md5'],
      ruleIds: ['mqtt/peer-cert-identity-unverified'],
    }),
    key('mqtt.peer_cert_as_clientid', 'enum', 'Takes the client ID from the client certificate.', {
      enum: ['cn', 'dn', 'crt', 'pem', 'md5'],
      ruleIds: ['mqtt/peer-cert-identity-unverified'],
    }),
    key('zone.*.force_shutdown_policy', 'string', 'Mailbox and heap limits of a zone, e.g. "32000|64MB".', { ruleIds: ['mqtt/force-shutdown-disabled'] }),
    key('zone.*.enable_flapping_detect', 'enum', 'Flapping detection for a zone.', { enum: ONOFF, ruleIds: ['mqtt/flapping-detect-disabled'] }),
    key('zone.*.allow_anonymous', 'boolean', 'Anonymous access for a zone.', { ruleIds: ['mqtt/anonymous-access'] }),
    key('zone.*.acl_nomatch', 'enum', 'No-match ACL decision for a zone.', { enum: ['allow', 'deny'], ruleIds: ['mqtt/authz-allow-by-default'] }),
    key('dashboard.default_user.login', 'string', 'Name of the dashboard administrator.', d4('admin')),
    key('dashboard.default_user.password', 'secret', 'Initial password of the dashboard administrator.', {
      ...d4('public'),
      sensitive: true,
      ruleIds: ['dashboard/default-password', 'secrets/plaintext'],
    }),
    key('dashboard.listener.http', 'ip_port', 'Address of the dashboard over HTTP.', { ...d4(18083), ruleIds: ['dashboard/exposed-http', 'dashboard/no-https', 'ports/conflict'] }),
    key('dashboard.listener.https', 'ip_port', 'Address of the dashboard over HTTPS.', { ruleIds: ['dashboard/no-https', 'ports/conflict'] }),
    key('dashboard.listener.https.certfile', 'path', 'Dashboard HTTPS certificate.', { ruleIds: ['tls/default-certificate'] }),
    key('dashboard.listener.https.keyfile', 'path', 'Dashboard HTTPS private key.', { ruleIds: ['tls/default-certificate'] }),
    key('dashboard.listener.https.tls_versions', 'string', 'Dashboard HTTPS TLS versions.', { ruleIds: ['tls/legacy-version'] }),
    key('dashboard.listener.https.ciphers', 'string', 'Dashboard HTTPS cipher suites.', { ruleIds: ['tls/weak-cipher'] }),
    key('management.default_application.id', 'string', 'ID of the default REST API application.', d4('admin')),
    key('management.default_application.secret', 'secret', 'Secret of the default REST API application.', {
      ...d4('public'),
      sensitive: true,
      ruleIds: ['dashboard/default-password', 'secrets/plaintext'],
      securityNote: 'The shipped secret `public` opens the whole REST API.',
    }),
    key('management.listener.http', 'ip_port', 'Address of the REST API over HTTP.', { ...d4(8081), ruleIds: ['ports/conflict'] }),
    key('log.level', 'enum', 'Lowest severity logged.', { enum: ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'] }),
  ].map(as4),
  ...listener('tcp', '0.0.0.0:1883'),
  ...listener('ssl', '8883'),
  ...listener('ws', '8083'),
  ...listener('wss', '8084'),
];
