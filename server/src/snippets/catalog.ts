/**
 * The hardened snippets: configuration blocks that pass every rule of the catalogue (a unit test inserts
 * each one and runs the whole engine on it). Plain data; rendering, secrets and context matching live in
 * render.ts. Bodies use LSP snippet syntax (`${1:default}`, `${1|a,b|}`, `$0`); a secret appears as
 * `@@name@@` inside a tabstop and is replaced by a fresh value (completion) or by a hint (static snippets).
 */
import type { EmqxVersion, SystemdSection } from '../schema/types';

export type SnippetFileKind = 'emqx-conf' | 'vmargs' | 'sysctl' | 'systemd';

/**
 * Where a snippet is offered.
 * - `hocon`: inside the object at this config path (`*` = any name; `[]` = the top level).
 * - `line`: at the start of a line of a line-based file (vm.args, sysctl).
 * - `section`: inside a systemd section; `none` = before any section header (an empty unit or drop-in).
 */
export type SnippetContext =
  | { kind: 'hocon'; path: string[] }
  | { kind: 'line' }
  | { kind: 'section'; section: SystemdSection | 'none' };

export type SecretKind = 'cookie' | 'password';

export interface SnippetSecret {
  /** The placeholder in the body: `@@<name>@@`. */
  name: string;
  kind: SecretKind;
}

export interface HardenedSnippet {
  id: string;
  fileKind: SnippetFileKind;
  /** The first context is the one the body is written for; the static snippet uses it too. */
  contexts: SnippetContext[];
  /** Short title shown in the completion list. */
  label: string;
  /** Prefix of the static VS Code snippet. */
  prefix: string;
  /** What the snippet sets up and why, in one or two sentences (markdown). */
  description: string;
  /**
   * HOCON only: the key path of the block the body fills, from the top level. In a deeper context the
   * leading segments that the context already supplies are dropped (`listeners.ssl.x {` becomes `x {`
   * inside `listeners.ssl`); when the context is the block itself, the body's fields are inserted bare.
   */
  block?: string[];
  /** LSP snippet text: the block's fields (with `block`) or the whole insertion. */
  body: string;
  secrets: SnippetSecret[];
  /** EMQX versions the snippet is valid for (absent = every version of its file kind). */
  versions?: EmqxVersion[];
  /** Rules the snippet satisfies, for the documentation of the completion item. */
  ruleIds: string[];
  /** Other snippets it is meant to be combined with (cluster TLS needs RPC TLS); the test inserts them together. */
  pairsWith?: string[];
}

const lines = (...text: string[]) => text.join('\n');

/** ECDHE key exchange with AEAD ciphers only (TLS 1.3 suites first). */
const AEAD_CIPHERS = [
  'TLS_AES_256_GCM_SHA384',
  'TLS_AES_128_GCM_SHA256',
  'TLS_CHACHA20_POLY1305_SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
];

function ciphersField(indent: string): string {
  return [`${indent}ciphers = [`, ...AEAD_CIPHERS.map((c, i) => `${indent}  "${c}"${i < AEAD_CIPHERS.length - 1 ? ',' : ''}`), `${indent}]`].join('\n');
}

/** Server-side TLS options of an MQTT ssl listener, tabstops from `first`. */
function serverTlsOptions(first: number): string {
  const n = (k: number) => first + k;
  return lines(
    `certfile = "\${${n(0)}:/etc/emqx/certs/server-cert.pem}"`,
    `keyfile = "\${${n(1)}:/etc/emqx/certs/server-key.pem}"`,
    '# CA bundle that signed the client certificates',
    `cacertfile = "\${${n(2)}:/etc/emqx/certs/client-ca.pem}"`,
    'versions = [tlsv1.3, tlsv1.2]',
    ciphersField(''),
    'honor_cipher_order = true',
    '# Mutual TLS: a client without a valid certificate cannot connect',
    'verify = verify_peer',
    'fail_if_no_peer_cert = true',
    'secure_renegotiate = true',
    'client_renegotiation = false',
    'enable_crl_check = true',
    'ocsp {',
    '  enable_ocsp_stapling = true',
    `  responder_url = "\${${n(3)}:http://ocsp.example.com}"`,
    `  issuer_pem = "\${${n(4)}:/etc/emqx/certs/server-issuer.pem}"`,
    '  refresh_interval = 5m',
    '  refresh_http_timeout = 15s',
    '}',
  );
}

const indent = (text: string, by = '  ') => text.split('\n').map((l) => (l ? by + l : l)).join('\n');

const LISTENER_TYPES = ['tcp', 'ssl', 'ws', 'wss'];

export const SNIPPETS: readonly HardenedSnippet[] = [
  {
    id: 'emqx-node',
    fileKind: 'emqx-conf',
    contexts: [{ kind: 'hocon', path: [] }],
    label: 'node (hardened, generated cookie)',
    prefix: 'emqx-node-hardened',
    description: 'Node name on a private address and a freshly generated 48-character Erlang cookie. Every node of the cluster needs the same cookie.',
    block: ['node'],
    body: lines(
      'name = "${1:emqx}@${2:10.0.1.5}"',
      '# Generated for this node; copy the same value to every node of the cluster',
      'cookie = "${3:@@cookie@@}"',
      'data_dir = "${4:data}"',
    ),
    secrets: [{ name: 'cookie', kind: 'cookie' }],
    ruleIds: ['erlang/weak-cookie'],
  },
  {
    id: 'emqx-listener-tls',
    fileKind: 'emqx-conf',
    contexts: [{ kind: 'hocon', path: [] }, { kind: 'hocon', path: ['listeners'] }, { kind: 'hocon', path: ['listeners', 'ssl'] }],
    label: 'TLS listener (mutual TLS, CRL, OCSP, limits)',
    prefix: 'emqx-listener-tls',
    description: 'An MQTT over TLS listener that offers only TLS 1.3 and 1.2 with AEAD ciphers, requires client certificates, checks revocation (CRL) and staples OCSP responses, and limits connections and rates. Named `default`, it replaces the listener that uses the bundled demo certificate.',
    block: ['listeners', 'ssl', '${1:default}'],
    body: lines(
      'bind = "${2:0.0.0.0}:${3:8883}"',
      'max_connections = ${4:1000000}',
      'max_conn_rate = "${5:1000/s}"',
      'messages_rate = "${6:1000/s}"',
      'bytes_rate = "${7:10MB/s}"',
      'ssl_options {',
      indent(serverTlsOptions(8)),
      '}',
    ),
    secrets: [],
    versions: ['5', '6'],
    ruleIds: ['tls/legacy-version', 'tls/weak-cipher', 'tls/peer-cert-not-required', 'tls/crl-disabled', 'tls/ocsp-disabled', 'tls/default-certificate', 'mqtt/no-connection-limit', 'mqtt/no-rate-limit'],
  },
  {
    id: 'emqx-ssl-options',
    fileKind: 'emqx-conf',
    contexts: [{ kind: 'hocon', path: ['listeners', 'ssl', '*', 'ssl_options'] }, { kind: 'hocon', path: ['listeners', 'ssl', '*'] }],
    label: 'ssl_options (mutual TLS, CRL, OCSP)',
    prefix: 'emqx-ssl-options',
    description: 'TLS options for an MQTT ssl listener: TLS 1.3 and 1.2 only, AEAD ciphers, client certificates required, CRL checks and OCSP stapling.',
    block: ['listeners', 'ssl', '*', 'ssl_options'],
    body: serverTlsOptions(1),
    secrets: [],
    ruleIds: ['tls/legacy-version', 'tls/weak-cipher', 'tls/peer-cert-not-required', 'tls/crl-disabled', 'tls/ocsp-disabled', 'tls/default-certificate'],
  },
  {
    id: 'emqx-listener-tcp-internal',
    fileKind: 'emqx-conf',
    contexts: [{ kind: 'hocon', path: [] }, { kind: 'hocon', path: ['listeners'] }, { kind: 'hocon', path: ['listeners', 'tcp'] }],
    label: 'internal-only TCP listener (loopback)',
    prefix: 'emqx-listener-tcp-internal',
    description: 'Keeps cleartext MQTT on the loopback interface (or a private address) for local tools and sidecars. Named `default`, it replaces the listener EMQX otherwise opens on 0.0.0.0:1883.',
    block: ['listeners', 'tcp', '${1:default}'],
    body: lines('bind = "${2:127.0.0.1}:${3:1883}"', 'max_connections = ${4:10000}'),
    secrets: [],
    ruleIds: ['mqtt/cleartext-listener-exposed'],
  },
  {
    id: 'emqx-listeners-ws-off',
    fileKind: 'emqx-conf',
    contexts: [{ kind: 'hocon', path: [] }, { kind: 'hocon', path: ['listeners'] }],
    label: 'turn off the default WebSocket listeners',
    prefix: 'emqx-listeners-ws-off',
    description: 'EMQX opens WebSocket listeners on 0.0.0.0:8083 (cleartext) and 0.0.0.0:8084 (bundled demo certificate) unless told otherwise; this turns both off.',
    block: ['listeners'],
    body: lines('ws.default.enable = false', 'wss.default.enable = false'),
    secrets: [],
    ruleIds: ['mqtt/cleartext-listener-exposed', 'tls/default-certificate'],
  },
  {
    id: 'emqx-listener-limits',
    fileKind: 'emqx-conf',
    contexts: LISTENER_TYPES.map((t) => ({ kind: 'hocon' as const, path: ['listeners', t, '*'] })),
    label: 'listener connection and rate limits',
    prefix: 'emqx-listener-limits',
    description: 'Caps the connections of one listener and the rate of new connections, messages and bytes per client.',
    body: lines('max_connections = ${1:100000}', 'max_conn_rate = "${2:1000/s}"', 'messages_rate = "${3:1000/s}"', 'bytes_rate = "${4:10MB/s}"'),
    secrets: [],
    versions: ['5', '6'],
    ruleIds: ['mqtt/no-connection-limit', 'mqtt/no-rate-limit'],
  },
  {
    id: 'emqx-authentication',
    fileKind: 'emqx-conf',
    contexts: [{ kind: 'hocon', path: [] }],
    label: 'authentication (built-in database, PBKDF2)',
    prefix: 'emqx-authentication',
    description: 'Password authentication against EMQX\'s built-in database with salted PBKDF2-SHA256 hashes; clients without credentials are refused.',
    body: lines(
      'authentication = [',
      '  {',
      '    mechanism = password_based',
      '    backend = built_in_database',
      '    user_id_type = ${1|username,clientid|}',
      '    password_hash_algorithm {',
      '      name = pbkdf2',
      '      mac_fun = sha256',
      '      iterations = ${2:100000}',
      '      dk_length = 32',
      '    }',
      '  }',
      ']',
    ),
    secrets: [],
    ruleIds: ['mqtt/anonymous-access', 'mqtt/weak-password-hash'],
  },
  {
    id: 'emqx-authorization',
    fileKind: 'emqx-conf',
    contexts: [{ kind: 'hocon', path: [] }],
    label: 'authorization (deny by default, disconnect)',
    prefix: 'emqx-authorization',
    description: 'Denies every publish and subscribe that no rule allows and disconnects the client that tries; rules live in the built-in database (managed from the dashboard or the REST API).',
    block: ['authorization'],
    body: lines(
      'no_match = deny',
      'deny_action = disconnect',
      'sources = [',
      '  {',
      '    type = built_in_database',
      '    enable = true',
      '  }',
      ']',
    ),
    secrets: [],
    ruleIds: ['mqtt/authz-allow-by-default', 'mqtt/authz-deny-action-ignore'],
  },
  {
    id: 'emqx-dashboard',
    fileKind: 'emqx-conf',
    contexts: [{ kind: 'hocon', path: [] }],
    label: 'dashboard (HTTPS, loopback HTTP, generated password)',
    prefix: 'emqx-dashboard',
    description: 'Serves the dashboard over HTTPS on a private address, keeps plain HTTP on loopback, and replaces the `public` default password with a freshly generated one.',
    block: ['dashboard'],
    body: lines(
      'listeners.http.bind = "127.0.0.1:18083"',
      'listeners.https {',
      '  bind = "${1:10.0.1.5}:${2:18084}"',
      '  ssl_options {',
      '    certfile = "${3:/etc/emqx/certs/dashboard-cert.pem}"',
      '    keyfile = "${4:/etc/emqx/certs/dashboard-key.pem}"',
      '    versions = [tlsv1.3, tlsv1.2]',
      indent(ciphersField(''), '    '),
      '  }',
      '}',
      'default_username = "${5:admin}"',
      '# Applies only until the admin user exists; EMQX_DASHBOARD__DEFAULT_PASSWORD in a',
      '# mode-600 EnvironmentFile keeps it out of this file',
      'default_password = "${6:@@password@@}"',
    ),
    secrets: [{ name: 'password', kind: 'password' }],
    versions: ['5', '6'],
    ruleIds: ['dashboard/default-password', 'dashboard/exposed-http', 'dashboard/no-https'],
  },
  {
    id: 'emqx-mqtt-limits',
    fileKind: 'emqx-conf',
    contexts: [{ kind: 'hocon', path: [] }],
    label: 'MQTT limits (packet size, topic levels, client ids)',
    prefix: 'emqx-mqtt-limits',
    description: 'Tight protocol limits: 1MB packets, 10 topic levels, bounded client ids and subscriptions. Per-listener connection and message rates are in the listener limits snippet.',
    block: ['mqtt'],
    body: lines(
      'max_packet_size = ${1:1MB}',
      'max_topic_levels = ${2:10}',
      'max_clientid_len = ${3:256}',
      'max_subscriptions = ${4:100}',
      'max_inflight = 32',
      'max_awaiting_rel = 100',
      'idle_timeout = 15s',
    ),
    secrets: [],
    ruleIds: ['mqtt/max-packet-size', 'mqtt/max-topic-levels'],
  },
  {
    id: 'emqx-flapping-detect',
    fileKind: 'emqx-conf',
    contexts: [{ kind: 'hocon', path: [] }],
    label: 'flapping detection',
    prefix: 'emqx-flapping-detect',
    description: 'Bans a client id that connects and disconnects too often within a window.',
    block: ['flapping_detect'],
    body: lines('enable = true', 'max_count = ${1:15}', 'window_time = ${2:1m}', 'ban_time = ${3:5m}'),
    secrets: [],
    ruleIds: ['mqtt/flapping-detect-disabled'],
  },
  {
    id: 'emqx-force-shutdown',
    fileKind: 'emqx-conf',
    contexts: [{ kind: 'hocon', path: [] }],
    label: 'force shutdown of runaway connections',
    prefix: 'emqx-force-shutdown',
    description: 'Closes a connection whose process queue or heap grows past a bound, so one client cannot exhaust the node\'s memory.',
    block: ['force_shutdown'],
    body: lines('enable = true', 'max_mailbox_size = ${1:1000}', 'max_heap_size = ${2:32MB}'),
    secrets: [],
    ruleIds: ['mqtt/force-shutdown-disabled'],
  },
  {
    id: 'emqx-overload-protection',
    fileKind: 'emqx-conf',
    contexts: [{ kind: 'hocon', path: [] }],
    label: 'overload protection',
    prefix: 'emqx-overload-protection',
    description: 'When the node is overloaded, delays work, hibernates idle connections and refuses new ones instead of falling over.',
    block: ['overload_protection'],
    body: lines('enable = true', 'backoff_delay = ${1:1}', 'backoff_gc = false', 'backoff_hibernation = true', 'backoff_new_conn = true'),
    secrets: [],
    ruleIds: ['mqtt/overload-protection-disabled'],
  },
  {
    id: 'emqx-rpc-tls',
    fileKind: 'emqx-conf',
    contexts: [{ kind: 'hocon', path: [] }],
    label: 'RPC over TLS on a private address',
    prefix: 'emqx-rpc-tls',
    description: 'Node-to-node RPC (gen_rpc) over TLS 1.3/1.2, listening only on the node\'s private address, with no fallback to cleartext.',
    block: ['rpc'],
    body: lines(
      'protocol = ssl',
      'certfile = "${1:/etc/emqx/certs/rpc-cert.pem}"',
      'keyfile = "${2:/etc/emqx/certs/rpc-key.pem}"',
      'cacertfile = "${3:/etc/emqx/certs/rpc-ca.pem}"',
      'listen_address = "${4:10.0.1.5}"',
      'tls_versions = [tlsv1.3, tlsv1.2]',
      ciphersField(''),
      'insecure_fallback = false',
    ),
    secrets: [],
    ruleIds: ['erlang/rpc-cleartext', 'erlang/rpc-ssl-incomplete', 'erlang/rpc-listen-all'],
  },
  {
    id: 'emqx-cluster-tls',
    fileKind: 'emqx-conf',
    contexts: [{ kind: 'hocon', path: [] }],
    label: 'cluster over TLS (static seeds)',
    prefix: 'emqx-cluster-tls',
    description: 'A static cluster whose Erlang distribution runs over TLS. EMQX then reads `etc/ssl_dist.conf`: point it at this node\'s certificate, key and CA with `verify_peer`. Combine with the RPC over TLS snippet.',
    block: ['cluster'],
    body: lines(
      'name = ${1:emqxcl}',
      'discovery_strategy = static',
      'static.seeds = ["${2:emqx@10.0.1.5}", "${3:emqx@10.0.1.6}"]',
      '# Distribution over TLS; certificates come from etc/ssl_dist.conf',
      'proto_dist = inet_tls',
    ),
    secrets: [],
    ruleIds: ['erlang/dist-cleartext'],
    pairsWith: ['emqx-rpc-tls'],
  },
  {
    id: 'vmargs-dist-interface',
    fileKind: 'vmargs',
    contexts: [{ kind: 'line' }],
    label: 'pin Erlang distribution to a private interface',
    prefix: 'vmargs-dist-interface',
    description: 'Binds the Erlang distribution listener to one private address (as an Erlang tuple), so the cluster port is not reachable from every network.',
    body: lines('## Erlang distribution listens only on this private address', '-kernel inet_dist_use_interface {${1:10},${2:0},${3:1},${4:5}}'),
    secrets: [],
    ruleIds: ['erlang/dist-interface-unbound', 'erlang/dist-interface-syntax'],
  },
  {
    id: 'sysctl-tuned',
    fileKind: 'sysctl',
    contexts: [{ kind: 'line' }],
    label: 'kernel tuning for a million MQTT connections',
    prefix: 'sysctl-emqx-tuned',
    description: 'File handles, accept queues, SYN cookies, socket buffers, port range and connection tracking sized for about one million connections. Conntrack lines start with `-` so they are skipped where the module is not loaded.',
    body: lines(
      '# File handles: at least twice the target connection count',
      'fs.file-max = 2097152',
      'fs.nr_open = 2097152',
      '# Accept queues and SYN flood protection',
      'net.core.somaxconn = 32768',
      'net.ipv4.tcp_max_syn_backlog = 16384',
      'net.core.netdev_max_backlog = 16384',
      'net.ipv4.tcp_syncookies = 1',
      'net.ipv4.ip_local_port_range = 1024 65535',
      '# Socket buffers: small minimums keep idle clients cheap',
      'net.core.rmem_default = 262144',
      'net.core.wmem_default = 262144',
      'net.core.rmem_max = 16777216',
      'net.core.wmem_max = 16777216',
      'net.core.optmem_max = 16777216',
      'net.ipv4.tcp_rmem = 1024 4096 16777216',
      'net.ipv4.tcp_wmem = 1024 4096 16777216',
      '# TIME_WAIT handling (never tcp_tw_recycle)',
      'net.ipv4.tcp_max_tw_buckets = 1048576',
      'net.ipv4.tcp_fin_timeout = 15',
      '# Connection tracking, when the nf_conntrack module is loaded',
      '-net.netfilter.nf_conntrack_max = 1000000',
      '-net.netfilter.nf_conntrack_tcp_timeout_time_wait = 30',
      '-net.netfilter.nf_conntrack_tcp_timeout_established = ${1:86400}',
    ),
    secrets: [],
    ruleIds: ['sysctl/file-max-low', 'sysctl/nr-open-low', 'sysctl/syncookies-disabled', 'sysctl/conntrack-max-low', 'sysctl/conntrack-established-timeout', 'sysctl/syn-backlog-low'],
  },
  {
    id: 'systemd-emqx-service',
    fileKind: 'systemd',
    contexts: [{ kind: 'section', section: 'none' }],
    label: 'hardened emqx.service',
    prefix: 'systemd-emqx-service',
    description: 'A complete unit: runs EMQX in the foreground as the unprivileged emqx user with 2097152 file descriptors, restarts it on failure, and sandboxes it (read-only system, private /tmp, no privilege gain, no capabilities).',
    body: lines(
      '[Unit]',
      'Description=EMQX MQTT broker',
      'Wants=network-online.target',
      'After=network-online.target',
      '',
      '[Service]',
      'Type=simple',
      'User=${1:emqx}',
      'Group=${2:emqx}',
      'Environment=HOME=/var/lib/emqx',
      'ExecStart=${3:/usr/bin/emqx} foreground',
      'LimitNOFILE=${4:2097152}',
      'Restart=on-failure',
      'RestartSec=120s',
      'TimeoutStopSec=120s',
      'UMask=0027',
      '# Sandboxing: EMQX writes only to its data and log directories',
      'NoNewPrivileges=true',
      'ProtectSystem=strict',
      'ReadWritePaths=${5:/var/lib/emqx /var/log/emqx}',
      'ProtectHome=true',
      'PrivateTmp=true',
      'PrivateDevices=true',
      'ProtectKernelTunables=true',
      'ProtectKernelModules=true',
      'ProtectKernelLogs=true',
      'ProtectControlGroups=true',
      'ProtectClock=true',
      'ProtectHostname=true',
      'RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX AF_NETLINK',
      'RestrictNamespaces=true',
      'RestrictRealtime=true',
      'RestrictSUIDSGID=true',
      'LockPersonality=true',
      'SystemCallArchitectures=native',
      'CapabilityBoundingSet=',
      '',
      '[Install]',
      'WantedBy=multi-user.target',
    ),
    secrets: [],
    ruleIds: ['systemd/runs-as-root', 'systemd/limit-nofile-low', 'systemd/no-sandboxing'],
  },
  {
    id: 'systemd-limit-nofile-dropin',
    fileKind: 'systemd',
    contexts: [{ kind: 'section', section: 'none' }],
    label: 'LimitNOFILE drop-in',
    prefix: 'systemd-limit-nofile-dropin',
    description: 'A drop-in (`emqx.service.d/limits.conf`) that raises the service\'s file-descriptor limit without editing the packaged unit.',
    body: lines('[Service]', 'LimitNOFILE=${1:2097152}'),
    secrets: [],
    ruleIds: ['systemd/limit-nofile-low'],
  },
  {
    id: 'systemd-sandboxing',
    fileKind: 'systemd',
    contexts: [{ kind: 'section', section: 'Service' }],
    label: 'sandboxing directives for EMQX',
    prefix: 'systemd-sandboxing',
    description: 'The sandboxing lines of the hardened unit, for an existing `[Service]` section.',
    body: lines(
      'NoNewPrivileges=true',
      'ProtectSystem=strict',
      'ReadWritePaths=${1:/var/lib/emqx /var/log/emqx}',
      'ProtectHome=true',
      'PrivateTmp=true',
      'PrivateDevices=true',
      'ProtectKernelTunables=true',
      'ProtectKernelModules=true',
      'ProtectControlGroups=true',
      'RestrictSUIDSGID=true',
      'LockPersonality=true',
      'CapabilityBoundingSet=',
    ),
    secrets: [],
    ruleIds: ['systemd/no-sandboxing'],
  },
];
