/** A hardened EMQX 5.x configuration shared by the emqx/* rule tests: every key known, every value valid. */
export const HARDENED = `node {
  name = "emqx1@10.0.1.5"
  cookie = "Vb7TqkL2mXw9RzH4pNc8sJd3FgY6aKe5Q1uBnZrWtMhx0oPi"
  data_dir = "/var/lib/emqx"
}
cluster {
  discovery_strategy = static
  static.seeds = ["emqx1@10.0.1.5", "emqx2@10.0.1.6"]
  proto_dist = inet_tls
}
rpc {
  protocol = ssl
  listen_address = "10.0.1.5"
  certfile = "/etc/emqx/certs/rpc.pem"
  keyfile = "/etc/emqx/certs/rpc.key"
  cacertfile = "/etc/emqx/certs/ca.pem"
}
listeners.tcp.default {
  bind = "127.0.0.1:1883"
  max_connections = 100000
  max_conn_rate = "1000/s"
}
listeners.ssl.default {
  bind = "0.0.0.0:8883"
  max_connections = 500000
  ssl_options {
    certfile = "/etc/emqx/certs/server.pem"
    keyfile = "/etc/emqx/certs/server.key"
    cacertfile = "/etc/emqx/certs/ca.pem"
    versions = [tlsv1.3, tlsv1.2]
    verify = verify_peer
    fail_if_no_peer_cert = true
    enable_crl_check = true
    secure_renegotiate = true
  }
}
authentication = [
  {
    mechanism = password_based
    backend = built_in_database
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
  idle_timeout = 15s
}
dashboard {
  default_password = "\${DASHBOARD_PASSWORD}"
  listeners.http.bind = "127.0.0.1:18083"
}
force_shutdown { enable = true, max_heap_size = 32MB }
flapping_detect { enable = true, max_count = 15, window_time = 1m, ban_time = 5m }
overload_protection.enable = true
`;
