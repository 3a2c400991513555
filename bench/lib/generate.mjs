// Generated inputs of the editor and workspace benchmarks: a large emqx.conf shaped like a real
// deployment's, and folders holding many small deployments. Deterministic: the same arguments write the
// same bytes, so figures of different runs compare.
import * as fs from 'node:fs';
import * as path from 'node:path';

const KINDS = ['tcp', 'ssl', 'ws', 'wss'];

/** The sections a production emqx.conf starts with (node, cluster, rpc, log, mqtt, access control, dashboard). */
function head() {
  return `## EMQX 5 configuration of a large deployment (generated for benchmarks).

node {
  name = "emqx@10.0.1.5"
  cookie = "Vq9sKc3x0LwR7pT2mYhN4bJd8fGzA6eU"
  data_dir = "/var/lib/emqx"
  process_limit = 2097152
  max_ports = 1048576
  dist_buffer_size = 8MB
  max_ets_tables = 262144
}

cluster {
  name = telemetry
  discovery_strategy = static
  static.seeds = ["emqx@10.0.1.5", "emqx@10.0.1.6", "emqx@10.0.1.7"]
  autoclean = 24h
  autoheal = true
}

rpc {
  port_discovery = stateless
  protocol = ssl
  certfile = "/etc/emqx/certs/rpc.pem"
  keyfile = "/etc/emqx/certs/rpc.key"
  cacertfile = "/etc/emqx/certs/ca.pem"
}

log {
  console { enable = false }
  file {
    enable = true
    level = warning
    path = "/var/log/emqx/emqx.log"
    rotation_count = 10
    rotation_size = 50MB
  }
}

mqtt {
  max_packet_size = 1MB
  max_clientid_len = 65535
  max_topic_levels = 16
  max_qos_allowed = 2
  max_topic_alias = 65535
  retain_available = true
  wildcard_subscription = true
  shared_subscription = true
  max_inflight = 32
  max_awaiting_rel = 100
  max_mqueue_len = 1000
  session_expiry_interval = 2h
  idle_timeout = 15s
}

authentication = [
  {
    mechanism = password_based
    backend = built_in_database
    user_id_type = username
    password_hash_algorithm { name = sha256, salt_position = suffix }
  }
]

authorization {
  no_match = deny
  deny_action = disconnect
  cache { enable = true, max_size = 32, ttl = 1m }
  sources = [
    { type = file, enable = true, path = "/etc/emqx/acl.conf" }
  ]
}

dashboard {
  listeners.https {
    bind = "127.0.0.1:18084"
    ssl_options {
      certfile = "/etc/emqx/certs/dashboard.pem"
      keyfile = "/etc/emqx/certs/dashboard.key"
    }
  }
  default_username = ops
  default_password = "s7Gf!2qLx#9vRb0T"
}

force_shutdown {
  enable = true
  max_mailbox_size = 1000
  max_heap_size = 32MB
}

flapping_detect {
  enable = true
  max_count = 15
  window_time = 1m
  ban_time = 5m
}
`;
}

/** One listener of `kind`, numbered `i`: bind, limits, rate limits and (for TLS kinds) ssl_options. */
function listener(kind, i) {
  const lines = [
    `listeners.${kind}.l${i} {`,
    `  ## listener ${i} for site ${i % 97}`,
    `  enable = true`,
    `  bind = "10.0.${(i >> 8) & 255}.${i & 255}:${20000 + i}"`,
    `  max_connections = ${100000 + i}`,
    `  acceptors = 16`,
    `  proxy_protocol = false`,
    `  enable_authn = true`,
    `  mountpoint = "site/${i}/"`,
    `  max_conn_rate = "1000/s"`,
    `  messages_rate = "500/s"`,
    `  bytes_rate = "1MB/s"`,
    `  tcp_options {`,
    `    active_n = 100`,
    `    backlog = 1024`,
    `    send_timeout = 15s`,
    `    nodelay = true`,
    `  }`,
  ];
  if (kind === 'ssl' || kind === 'wss') {
    lines.push(
      `  ssl_options {`,
      `    certfile = "/etc/emqx/certs/site${i}.pem"`,
      `    keyfile = "/etc/emqx/certs/site${i}.key"`,
      `    cacertfile = "/etc/emqx/certs/ca.pem"`,
      `    versions = ["tlsv1.3", "tlsv1.2"]`,
      `    verify = verify_peer`,
      `    fail_if_no_peer_cert = true`,
      `    depth = 10`,
      `  }`,
    );
  }
  if (kind === 'ws' || kind === 'wss') lines.push(`  websocket.mqtt_path = "/mqtt"`);
  lines.push(`}`, ``, ``);
  return lines.join('\n');
}

/**
 * An emqx.conf of at least `lines` lines (no more than one listener block over): the usual sections
 * followed by numbered tcp, ssl, ws and wss listeners, each with its own address and port. The text is
 * valid HOCON; it does draw findings (cleartext listeners, for one), as real configurations do.
 */
export function largeEmqxConf(lines) {
  const parts = [head()];
  let count = parts[0].split('\n').length - 1;
  for (let i = 0; count < lines; i++) {
    const block = listener(KINDS[i % KINDS.length], i);
    parts.push(block);
    count += block.split('\n').length - 1;
  }
  return parts.join('');
}

/** The four files of deployment `i`; each differs a little so no two parse alike. */
function deploymentFiles(i) {
  const host = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  return {
    'emqx.conf': `## deployment ${i}
node {
  name = "emqx@${host}"
  cookie = "cookie-${i}-Vq9sKc3x0LwR7pT2mYhN4bJd"
  data_dir = "/var/lib/emqx"
}

cluster {
  name = site${i}
  discovery_strategy = static
  static.seeds = ["emqx@${host}"]
}

listeners.tcp.default {
  bind = "${host}:1883"
  max_connections = ${100000 + i}
}

listeners.ssl.default {
  bind = "0.0.0.0:8883"
  ssl_options {
    certfile = "/etc/emqx/certs/broker.pem"
    keyfile = "/etc/emqx/certs/broker.key"
    cacertfile = "/etc/emqx/certs/ca.pem"
    versions = [tlsv1.3, tlsv1.2]
    verify = verify_peer
  }
}

mqtt {
  max_packet_size = 1MB
  max_topic_levels = ${8 + (i % 16)}
}

authorization {
  no_match = ${i % 3 === 0 ? 'allow' : 'deny'}
  deny_action = disconnect
}

dashboard {
  listeners.http.bind = "127.0.0.1:18083"
  default_password = "pw-${i}-s7Gf2qLx9vRb0T"
}
`,
    'vm.args': `## deployment ${i}
-name emqx@${host}
-setcookie cookie-${i}-Vq9sKc3x0LwR7pT2mYhN4bJd
+P 2097152
+Q 1048576
-kernel inet_dist_listen_min 6369
-kernel inet_dist_listen_max 6369
`,
    'sysctl.conf': `# deployment ${i}
fs.file-max = ${2097152 + i}
fs.nr_open = 2097152
net.core.somaxconn = 32768
net.ipv4.tcp_max_syn_backlog = 16384
net.ipv4.tcp_syncookies = 1
net.ipv4.ip_local_port_range = 1024 65535
`,
    'emqx.service': `[Unit]
Description=EMQX MQTT broker (deployment ${i})
After=network-online.target

[Service]
Type=simple
User=emqx
ExecStart=/opt/emqx/bin/emqx foreground
LimitNOFILE=${1048576 + i}
Restart=on-failure
RestartSec=5s
NoNewPrivileges=true

[Install]
WantedBy=multi-user.target
`,
  };
}

/**
 * Writes `files` deployment files under `dir`: deployments d00000, d00001, ... with emqx.conf, vm.args,
 * sysctl.conf and emqx.service each (the last deployment holds fewer when `files` is not a multiple of 4).
 */
export function writeDeployments(dir, files) {
  let written = 0;
  for (let i = 0; written < files; i++) {
    const folder = path.join(dir, `d${String(i).padStart(5, '0')}`);
    fs.mkdirSync(folder, { recursive: true });
    for (const [name, text] of Object.entries(deploymentFiles(i))) {
      if (written === files) break;
      fs.writeFileSync(path.join(folder, name), text);
      written++;
    }
  }
  return written;
}
