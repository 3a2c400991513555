/** MQTT listeners: `listeners.{tcp,ssl,ws,wss,quic}.<name>` (emqx_schema base_listener, mqtt_listener...). */
import type { KeyInfo } from '../types';
import { alias, dAll, key, obj, onlyIn, opaque, under, V5_PLUS, V6 } from './build';
import { serverSsl } from './ssl';

type ListenerKind = 'tcp' | 'ssl' | 'ws' | 'wss' | 'quic';

const DEFAULT_BIND: Record<ListenerKind, string> = {
  tcp: '0.0.0.0:1883',
  ssl: '0.0.0.0:8883',
  ws: '0.0.0.0:8083',
  wss: '0.0.0.0:8084',
  quic: '0.0.0.0:14567',
};

const CLEARTEXT: ListenerKind[] = ['tcp', 'ws'];

function rateKeys(): KeyInfo[] {
  const perClient = 'per client connection';
  const rate = (name: string, what: string, extra: Partial<KeyInfo> = {}) =>
    key(name, 'rate', what, { ruleIds: ['mqtt/no-rate-limit'], specials: ['infinity'], versions: V5_PLUS, ...extra });
  return [
    rate('max_conn_rate', 'Highest rate of new connections this listener accepts, e.g. "1000/s"; `infinity` means no limit.', {
      defaults: { '5': 'infinity', '6': 'infinity' },
      securityNote: 'Without a connection rate limit a reconnect storm or SYN-level abuse reaches the broker unthrottled.',
    }),
    rate('messages_rate', `Highest rate of PUBLISH packets accepted ${perClient}, e.g. "1000/s".`),
    rate('bytes_rate', `Highest inbound payload volume ${perClient}, e.g. "1MB/s".`),
    ...onlyIn(V6, [
      rate('max_conn_burst', 'Extra connections the listener may accept in a burst above max_conn_rate, e.g. "10000/60m".'),
      rate('messages_burst', `Extra messages allowed in a burst above messages_rate, ${perClient}.`),
      rate('bytes_burst', `Extra bytes allowed in a burst above bytes_rate, ${perClient}.`),
      rate('subscribes_rate', `Highest rate of SUBSCRIBE packets ${perClient}.`, { ruleIds: [] }),
      rate('subscribes_burst', `Extra SUBSCRIBE packets allowed in a burst ${perClient}.`, { ruleIds: [] }),
      rate('delivery_messages_rate', 'Highest rate at which messages are delivered to one subscriber.', { ruleIds: [] }),
      rate('delivery_messages_burst', 'Extra deliveries allowed in a burst above delivery_messages_rate.', { ruleIds: [] }),
      rate('delivery_bytes_rate', 'Highest volume delivered to one subscriber per time unit.', { ruleIds: [] }),
      rate('delivery_bytes_burst', 'Extra bytes delivered in a burst above delivery_bytes_rate.', { ruleIds: [] }),
    ]),
  ];
}

function baseKeys(kind: ListenerKind): KeyInfo[] {
  const cleartext = CLEARTEXT.includes(kind);
  const enable = key('enable', 'boolean', 'Starts this listener; false keeps the definition but opens no port.', {
    defaults: dAll(true),
    ruleIds: [cleartext ? 'mqtt/cleartext-listener-exposed' : 'tls/default-certificate', 'ports/conflict'],
  });
  return [
    enable,
    alias('enabled', enable),
    key('bind', 'ip_port', 'Address and port to listen on: "IP:port", or a bare port for every interface.', {
      defaults: dAll(DEFAULT_BIND[kind]),
      ruleIds: [
        ...(cleartext ? ['mqtt/cleartext-listener-exposed'] : []),
        'ports/listener-protocol-mismatch', 'ports/conflict', 'ports/reserved',
      ],
      securityNote: cleartext
        ? 'A cleartext listener on all interfaces exposes credentials and payloads to the network.'
        : undefined,
    }),
    key('acceptors', 'integer', 'Number of processes accepting new connections in parallel.', { defaults: dAll(16), min: 1 }),
    key('max_connections', 'integer', 'Most concurrent connections this listener holds; `infinity` means no limit.', {
      specials: ['infinity'],
      defaults: dAll('infinity'),
      min: 1,
      ruleIds: ['mqtt/no-connection-limit', 'cross/connections-exceed-nofile'],
      securityNote: 'An unbounded listener lets a connection flood exhaust file descriptors and memory.',
    }),
    key('mountpoint', 'string', 'Prefix added to every topic of clients on this listener, e.g. "${clientid}/" to isolate them.', {
      defaults: dAll(''),
    }),
    key('zone', 'atom', 'Zone whose mqtt, flapping and force_shutdown overrides apply to this listener.', { defaults: dAll('default') }),
    opaque('limiter', 'EMQX 5.0 style per-listener rate limiter buckets; from 5.1 use max_conn_rate, messages_rate and bytes_rate.', {
      ruleIds: ['mqtt/no-rate-limit'],
    }),
    key('enable_authn', 'enum', 'Whether clients on this listener go through authentication; quick_deny_anonymous also rejects clients without a username at once.', {
      enum: ['true', 'false', 'quick_deny_anonymous'],
      defaults: dAll('true'),
      ruleIds: ['mqtt/anonymous-access'],
      securityNote: 'false lets every client on this listener in without credentials.',
    }),
    opaque('authentication', 'Authenticators for this listener only, replacing the global chain.', { ruleIds: ['mqtt/anonymous-access'] }, 'array'),
    ...rateKeys(),
  ];
}

function mqttKeys(): KeyInfo[] {
  return [
    key('access_rules', 'array', 'Ordered allow/deny rules by client address, e.g. ["allow 10.0.0.0/8", "deny all"].', {
      defaults: dAll(['allow all']),
      ruleIds: ['mqtt/proxy-protocol-unrestricted'],
    }),
    key('proxy_protocol', 'boolean', 'Expects a PROXY protocol v1/v2 header from a load balancer before MQTT.', {
      defaults: dAll(false),
      ruleIds: ['mqtt/proxy-protocol-unrestricted'],
      securityNote: 'Anyone who can reach the port can forge the PROXY header, so restrict access_rules to the load balancer.',
    }),
    key('proxy_protocol_timeout', 'duration', 'Time allowed for the PROXY protocol header to arrive.', { defaults: dAll('3s') }),
  ];
}

function tcpOptions(): KeyInfo[] {
  return [
    obj('tcp_options', 'Socket options of the underlying TCP connections.'),
    ...under('tcp_options', [
      key('active_n', 'integer', 'Packets read from the socket before the connection process is woken up again.', {
        defaults: { '5.0': 100, '5': 100, '6': 10 },
        min: 0,
      }),
      key('backlog', 'integer', 'Length of the queue of connections waiting to be accepted (capped by net.core.somaxconn).', {
        defaults: dAll(1024),
        min: 1,
      }),
      key('send_timeout', 'duration', 'How long a write may block before it counts as failed.', { defaults: dAll('15s') }),
      key('send_timeout_close', 'boolean', 'Closes the connection when a write times out.', { defaults: dAll(true) }),
      key('recbuf', 'bytesize', 'Kernel receive buffer per connection.'),
      key('sndbuf', 'bytesize', 'Kernel send buffer per connection.'),
      key('buffer', 'bytesize', 'User-space buffer of the socket driver.', { defaults: { '5': '4KB', '6': '4KB' } }),
      key('high_watermark', 'bytesize', 'Queued outgoing data at which the socket is marked busy.', { defaults: dAll('1MB') }),
      key('nodelay', 'boolean', 'Sets TCP_NODELAY so small packets go out at once.', { defaults: { '5': true, '6': true } }),
      key('nolinger', 'boolean', 'Drops unsent data and resets the connection on close.', { defaults: dAll(false) }),
      key('reuseaddr', 'boolean', 'Sets SO_REUSEADDR so the port can be reused right after a restart.', { defaults: dAll(true) }),
      key('keepalive', 'string', 'TCP keepalive as "Idle,Interval,Probes" in seconds, or "none".', { defaults: dAll('none') }),
    ]),
  ];
}

function websocketOptions(): KeyInfo[] {
  return [
    obj('websocket', 'WebSocket options of this listener.'),
    ...under('websocket', [
      key('mqtt_path', 'string', 'HTTP path clients connect to, e.g. "/mqtt".', { defaults: dAll('/mqtt') }),
      key('mqtt_piggyback', 'enum', 'Whether one WebSocket frame may carry several MQTT packets.', {
        enum: ['single', 'multiple'],
        defaults: dAll('multiple'),
      }),
      key('compress', 'boolean', 'Compresses WebSocket frames with zlib (permessage-deflate).', { defaults: dAll(false) }),
      key('idle_timeout', 'duration', 'Closes connections that send no CONNECT within this time.', { defaults: { '5': '7200s', '6': '7200s' } }),
      key('max_frame_size', 'integer', 'Largest WebSocket frame accepted; `infinity` means no limit.', {
        specials: ['infinity'],
        defaults: dAll('infinity'),
        min: 1,
      }),
      key('fail_if_no_subprotocol', 'boolean', 'Rejects clients that do not ask for an MQTT subprotocol.', { defaults: dAll(true) }),
      key('supported_subprotocols', 'array', 'Accepted Sec-WebSocket-Protocol values, as a list or comma-separated string.', {
        defaults: dAll('mqtt, mqtt-v3, mqtt-v3.1.1, mqtt-v5'),
      }),
      key('check_origin_enable', 'boolean', 'Checks the Origin header against check_origins.', { defaults: dAll(false) }),
      key('allow_origin_absence', 'boolean', 'With origin checks on, still admits requests without an Origin header.', { defaults: dAll(true) }),
      key('check_origins', 'array', 'Allowed Origin values, as a list or comma-separated string.'),
      key('proxy_address_header', 'string', 'HTTP header that carries the real client address behind a proxy.', { defaults: dAll('x-forwarded-for') }),
      key('proxy_port_header', 'string', 'HTTP header that carries the real client port behind a proxy.', { defaults: dAll('x-forwarded-port') }),
      key('validate_utf8', 'boolean', 'Checks that text frames are valid UTF-8.', { versions: V5_PLUS }),
      obj('deflate_opts', 'zlib settings used when compress is on.'),
      ...under('deflate_opts', [
        key('level', 'enum', 'Compression level.', { enum: ['none', 'default', 'best_compression', 'best_speed'] }),
        key('mem_level', 'integer', 'Memory zlib may use, 1 (least) to 9.', { min: 1, max: 9, defaults: dAll(8) }),
        key('strategy', 'enum', 'zlib compression strategy.', { enum: ['default', 'filtered', 'huffman_only', 'rle'] }),
        key('server_context_takeover', 'enum', 'Whether the server keeps its compression context between messages.', { enum: ['takeover', 'no_takeover'] }),
        key('client_context_takeover', 'enum', 'Whether the client keeps its compression context between messages.', { enum: ['takeover', 'no_takeover'] }),
        key('server_max_window_bits', 'integer', 'Server LZ77 window size as a power of two.', { min: 8, max: 15, defaults: dAll(15) }),
        key('client_max_window_bits', 'integer', 'Client LZ77 window size as a power of two.', { min: 8, max: 15, defaults: dAll(15) }),
      ]),
    ]),
  ];
}

function sslOptions(kind: 'ssl' | 'wss'): KeyInfo[] {
  return [
    obj('ssl_options', 'TLS settings of this listener.', { ruleIds: ['tls/default-certificate'] }),
    ...under('ssl_options', serverSsl({ withOcspCrl: kind === 'ssl', demoCertDefaults: true })),
  ];
}

function quicKeys(): KeyInfo[] {
  const quicSsl = serverSsl({ withOcspCrl: false, demoCertDefaults: false });
  const uint = (name: string, description: string) => key(name, 'integer', description, { min: 0 });
  const certfile = key('certfile', 'path', 'Certificate file of the QUIC listener (old place).', {
    deprecated: { replacedBy: 'ssl_options.certfile', since: '5.1.0' },
    ruleIds: ['emqx/deprecated-key'],
  });
  return [
    certfile,
    key('keyfile', 'path', 'Private key file of the QUIC listener (old place).', {
      deprecated: { replacedBy: 'ssl_options.keyfile', since: '5.1.0' },
      ruleIds: ['emqx/deprecated-key'],
    }),
    key('ciphers', 'array', 'TLS 1.3 cipher suites offered over QUIC.', {
      defaults: dAll(['TLS_AES_256_GCM_SHA384', 'TLS_AES_128_GCM_SHA256', 'TLS_CHACHA20_POLY1305_SHA256']),
      ruleIds: ['tls/weak-cipher'],
    }),
    key('idle_timeout', 'duration', 'Idle timeout of QUIC connections (old form).', {
      deprecated: { replacedBy: 'idle_timeout_ms', since: '5.1.0' },
      ruleIds: ['emqx/deprecated-key'],
    }),
    key('handshake_idle_timeout', 'duration', 'Handshake idle timeout (old form).', {
      deprecated: { replacedBy: 'handshake_idle_timeout_ms', since: '5.1.0' },
      ruleIds: ['emqx/deprecated-key'],
    }),
    key('keep_alive_interval', 'duration', 'Interval of QUIC keep-alive frames; 0 turns them off.'),
    uint('idle_timeout_ms', 'Idle timeout of QUIC connections in milliseconds.'),
    uint('handshake_idle_timeout_ms', 'Handshake idle timeout in milliseconds.'),
    uint('keep_alive_interval_ms', 'Interval of QUIC keep-alive frames in milliseconds.'),
    ...[
      'max_bytes_per_key', 'tls_server_max_send_buffer', 'stream_recv_window_default', 'stream_recv_buffer_default',
      'conn_flow_control_window', 'max_stateless_operations', 'initial_window_packets', 'send_idle_timeout_ms',
      'initial_rtt_ms', 'max_ack_delay_ms', 'disconnect_timeout_ms', 'peer_bidi_stream_count', 'peer_unidi_stream_count',
      'retry_memory_limit', 'load_balancing_mode', 'max_operations_per_drain', 'server_resumption_level', 'minimum_mtu',
      'maximum_mtu', 'mtu_discovery_search_complete_timeout_us', 'mtu_discovery_missing_probe_count',
      'max_binding_stateless_operations', 'stateless_operation_expiration_ms',
    ].map((name) => uint(name, 'Low-level msquic tuning knob; leave the default unless EMQX support advises otherwise.')),
    ...['send_buffering_enabled', 'pacing_enabled', 'migration_enabled', 'datagram_receive_enabled'].map((name) =>
      key(name, 'boolean', 'Low-level msquic feature switch (true/false or 1/0).'),
    ),
    obj('ssl_options', 'TLS settings of the QUIC listener; only certificate, key, CA, verify and password take effect.'),
    ...under('ssl_options', quicSsl),
  ];
}

function listenerKeys(kind: ListenerKind): KeyInfo[] {
  const keys = [...baseKeys(kind)];
  if (kind !== 'quic') keys.push(...mqttKeys(), ...tcpOptions());
  if (kind === 'tcp' || kind === 'ssl') {
    keys.push(key('parse_unit', 'enum', 'Whether incoming data is parsed in chunks or whole frames.', { enum: ['chunk', 'frame'], defaults: { '6': 'chunk' } }));
    keys.push(key('tcp_backend', 'string', 'Socket implementation of the listener (6.0+ experimental `socket` backend).', { versions: V6 }));
  }
  if (kind === 'ws' || kind === 'wss') keys.push(...websocketOptions());
  if (kind === 'ssl' || kind === 'wss') keys.push(...sslOptions(kind));
  if (kind === 'quic') keys.push(...quicKeys());
  return keys;
}

const KIND_TITLE: Record<ListenerKind, string> = {
  tcp: 'MQTT over plain TCP (cleartext, 1883 by convention)',
  ssl: 'MQTT over TLS (8883 by convention)',
  ws: 'MQTT over cleartext WebSocket (8083 by convention)',
  wss: 'MQTT over WebSocket with TLS (8084 by convention)',
  quic: 'MQTT over QUIC (UDP, 14567 by convention)',
};

/** Every `listeners.*` entry. */
export const LISTENER_KEYS: KeyInfo[] = [
  obj('listeners', 'MQTT listeners by transport and name; a `default` tcp, ssl, ws and wss listener exists unless configured otherwise.'),
  ...(['tcp', 'ssl', 'ws', 'wss', 'quic'] as ListenerKind[]).flatMap((kind) => [
    obj(`listeners.${kind}`, `Named listeners for ${KIND_TITLE[kind]}.`),
    obj(`listeners.${kind}.*`, `One listener for ${KIND_TITLE[kind]}; set the value to \`marked_for_deletion\` to remove a default one.`, {
      ruleIds: CLEARTEXT.includes(kind) ? ['mqtt/cleartext-listener-exposed'] : [],
      specials: ['marked_for_deletion'],
    }),
    ...under(`listeners.${kind}.*`, listenerKeys(kind)),
  ]),
];
