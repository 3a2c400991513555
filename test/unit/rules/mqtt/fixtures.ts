/** Configurations shared by the mqtt/, dashboard/, secrets/ and log/ rule tests. */

/** A hardened EMQX 5.x emqx.conf: none of the mqtt/, dashboard/, secrets/ or log/ rules may fire on it. */
export const HARDENED = `node {
  name = "emqx1@10.0.1.5"
  cookie = "Vb7TqkL2mXw9RzH4pNc8sJd3FgY6aKe5Q1uBnZrWtMhx0oPi"
  data_dir = "data"
}

listeners.tcp.default {
  bind = "127.0.0.1:1883"
}
listeners.ws.default.enable = false
listeners.wss.default.enable = false

listeners.ssl.default {
  bind = "0.0.0.0:8883"
  max_connections = 1000000
  max_conn_rate = "1000/s"
  messages_rate = "1000/s"
  bytes_rate = "1MB/s"
  ssl_options {
    certfile = "/etc/emqx/certs/broker.pem"
    keyfile = "/etc/emqx/certs/broker.key"
    cacertfile = "/etc/emqx/certs/plant-ca.pem"
    versions = [tlsv1.3, tlsv1.2]
    verify = verify_peer
    fail_if_no_peer_cert = true
  }
}

authentication = [
  {
    mechanism = password_based
    backend = built_in_database
    user_id_type = username
    password_hash_algorithm { name = pbkdf2, mac_fun = sha256, iterations = 100000 }
  }
]

authorization {
  no_match = deny
  deny_action = disconnect
}

mqtt {
  max_packet_size = 1MB
  max_topic_levels = 10
}

flapping_detect.enable = true
overload_protection.enable = true
force_shutdown.enable = true
log.audit.enable = true

dashboard {
  listeners.http.bind = "127.0.0.1:18083"
  listeners.https {
    bind = 18084
    ssl_options {
      certfile = "/etc/emqx/certs/dashboard.pem"
      keyfile = "/etc/emqx/certs/dashboard.key"
    }
  }
}
`;

/** The service unit of the hardened deployment: the dashboard password comes from an owner-only environment file. */
export const HARDENED_UNIT = `[Unit]
Description=EMQX

[Service]
User=emqx
Group=emqx
EnvironmentFile=/deploy/emqx.env
ExecStart=/usr/bin/emqx foreground
LimitNOFILE=2097152
`;

/** The environment file the hardened unit names. */
export const HARDENED_ENV = 'EMQX_DASHBOARD__DEFAULT_PASSWORD=Tq8vLw2Xn5Rk9Hb4Zc7Md3Fp\n';

/** A unit that sets a strong dashboard password through Environment= (enough for the dashboard rule). */
export const UNIT_WITH_PASSWORD = `[Service]
User=emqx
Environment="EMQX_DASHBOARD__DEFAULT_PASSWORD=Tq8vLw2Xn5Rk9Hb4Zc7Md3Fp"
ExecStart=/usr/bin/emqx foreground
`;

/** The shipped EMQX 4.4 emqx.conf lines the 4.x cases start from. */
export const EMQX4 = `node.name = emqx@127.0.0.1
node.cookie = emqxsecretcookie
allow_anonymous = true
acl_nomatch = allow
acl_deny_action = ignore
mqtt.max_packet_size = 1MB
mqtt.max_topic_levels = 128
zone.external.enable_flapping_detect = off
listener.tcp.external = 0.0.0.0:1883
listener.tcp.external.max_connections = 1024000
listener.tcp.external.max_conn_rate = 1000
listener.tcp.external.zone = external
listener.tcp.external.access.1 = allow all
listener.tcp.internal = 127.0.0.1:11883
listener.tcp.internal.zone = internal
`;
