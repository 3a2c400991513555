/** The global `mqtt` section (emqx_schema mqtt_general + mqtt_session). */
import type { KeyInfo } from '../types';
import { dAll, key, obj, opaque, under, V5_PLUS, V6 } from './build';

const PEER_CERT_AS = ['disabled', 'cn', 'dn', 'crt', 'pem', 'md5'];
const SHARED_STRATEGIES = ['random', 'round_robin', 'round_robin_per_group', 'sticky', 'local', 'hash_topic', 'hash_clientid'];

const MQTT: KeyInfo[] = [
  key('idle_timeout', 'duration', 'Closes a connection whose CONNECT packet does not arrive within this time; `infinity` waits forever.', {
    specials: ['infinity'],
    defaults: dAll('15s'),
  }),
  key('max_packet_size', 'bytesize', 'Largest MQTT packet accepted (up to 256MB); larger packets close the connection.', {
    defaults: dAll('1MB'),
    ruleIds: ['mqtt/max-packet-size'],
    securityNote: 'Large packets let one client tie up memory and bandwidth; keep it as small as the payloads allow.',
  }),
  key('max_clientid_len', 'integer', 'Longest client ID accepted.', { defaults: dAll(65535), min: 23, max: 65535 }),
  key('max_topic_levels', 'integer', 'Most levels (slash-separated parts) a topic may have.', {
    defaults: dAll(128),
    min: 1,
    max: 65535,
    ruleIds: ['mqtt/max-topic-levels'],
    securityNote: 'Deep topics make wildcard matching costly; a low limit blunts topic-tree abuse.',
  }),
  key('max_topic_alias', 'integer', 'Most topic aliases a client may set up (MQTT 5); 0 turns aliases off.', { defaults: dAll(65535), min: 0, max: 65535 }),
  key('retain_available', 'boolean', 'Whether retained messages are supported.', { defaults: dAll(true) }),
  key('wildcard_subscription', 'boolean', 'Whether clients may subscribe with + and # wildcards.', { defaults: dAll(true) }),
  key('shared_subscription', 'boolean', 'Whether $share/ group subscriptions are supported.', { defaults: dAll(true) }),
  key('shared_subscription_strategy', 'enum', 'How messages are spread over the members of a shared subscription group.', {
    enum: SHARED_STRATEGIES,
    defaults: { '5': 'round_robin', '6': 'round_robin' },
    versions: V5_PLUS,
  }),
  key('shared_subscription_initial_sticky_pick', 'enum', 'How the sticky strategy picks its first subscriber.', {
    enum: ['random', 'local', 'hash_topic', 'hash_clientid'],
    defaults: { '5': 'random', '6': 'random' },
    versions: V5_PLUS,
  }),
  key('exclusive_subscription', 'boolean', 'Whether $exclusive/ subscriptions (one subscriber per topic) are supported.', { defaults: dAll(false) }),
  key('ignore_loop_deliver', 'boolean', 'Stops MQTT 3.x clients from receiving their own publications.', { defaults: dAll(false) }),
  key('strict_mode', 'boolean', 'Parses packets strictly, e.g. disconnects on invalid UTF-8 in topics and client IDs.', { defaults: dAll(false) }),
  key('response_information', 'string', 'Response Information returned to MQTT 5 clients that ask for it.', { defaults: dAll('') }),
  key('server_keepalive', 'integer', 'Keep alive the broker imposes on MQTT 5 clients, in seconds; `disabled` accepts the client\'s value.', {
    specials: ['disabled'],
    defaults: dAll('disabled'),
    min: 1,
  }),
  key('keepalive_backoff', 'number', 'Old form of keepalive_multiplier (half of it); superseded.', {
    deprecated: { replacedBy: 'keepalive_multiplier', since: '5.1.0' },
    ruleIds: ['emqx/deprecated-key'],
    versions: V5_PLUS,
  }),
  key('keepalive_backoff', 'number', 'A client is dropped after keep alive x 2 x this factor without traffic (5.0).', {
    defaults: { '5.0': 0.75 },
    versions: ['5.0'],
  }),
  key('keepalive_multiplier', 'number', 'A client is dropped after keep alive x this factor without traffic.', {
    defaults: { '5': 1.5, '6': 1.5 },
    min: 1,
    max: 65535,
    versions: V5_PLUS,
  }),
  key('keepalive_check_interval', 'duration', 'How often client keep alive timers are checked.', { versions: V5_PLUS }),
  key('retry_interval', 'duration', 'Delay before an unacknowledged QoS 1/2 message is sent again; `infinity` never resends while connected.', {
    specials: ['infinity'],
    defaults: { '5.0': '30s', '6': 'infinity' },
  }),
  key('use_username_as_clientid', 'boolean', 'Replaces the client ID with the username after authentication.', { defaults: dAll(false) }),
  key('peer_cert_as_username', 'enum', 'Takes the username from the client certificate (CN, DN, the whole certificate or its MD5).', {
    enum: PEER_CERT_AS,
    defaults: dAll('disabled'),
    ruleIds: ['mqtt/peer-cert-identity-unverified'],
    securityNote: 'Only safe when every TLS listener enforces verify_peer and fail_if_no_peer_cert; otherwise the identity is unchecked.',
  }),
  key('peer_cert_as_clientid', 'enum', 'Takes the client ID from the client certificate (CN, DN, the whole certificate or its MD5).', {
    enum: PEER_CERT_AS,
    defaults: dAll('disabled'),
    ruleIds: ['mqtt/peer-cert-identity-unverified'],
    securityNote: 'Only safe when every TLS listener enforces verify_peer and fail_if_no_peer_cert; otherwise the identity is unchecked.',
  }),
  opaque('client_attrs_init', 'Expressions that derive client attributes (e.g. a tenant) from connection data.', { versions: V5_PLUS }, 'array'),
  key('clientid_override', 'string', 'Expression that rewrites the client ID at connect; `disabled` keeps it.', { specials: ['disabled'], versions: V5_PLUS }),
  key('session_expiry_interval', 'duration', 'How long a disconnected session is kept for non-MQTT 5 clients.', { defaults: dAll('2h') }),
  key('message_expiry_interval', 'duration', 'Expiry of queued messages that carry no expiry of their own; `infinity` keeps them.', {
    specials: ['infinity'],
    defaults: { '5': 'infinity', '6': 'infinity' },
    versions: V5_PLUS,
  }),
  key('max_awaiting_rel', 'integer', 'Most inbound QoS 2 messages awaiting PUBREL per client; `infinity` means no limit.', {
    specials: ['infinity'],
    defaults: dAll(100),
    min: 0,
  }),
  key('max_qos_allowed', 'integer', 'Highest QoS clients may use.', { defaults: dAll(2), min: 0, max: 2 }),
  key('mqueue_priorities', 'object', 'Topic priorities for the offline message queue, or `disabled`.', { specials: ['disabled'], defaults: dAll('disabled'), open: true }),
  key('mqueue_default_priority', 'enum', 'Priority of topics not listed in mqueue_priorities.', { enum: ['highest', 'lowest'], defaults: dAll('lowest') }),
  key('mqueue_store_qos0', 'boolean', 'Whether QoS 0 messages are queued for offline sessions.', { defaults: dAll(true) }),
  key('max_mqueue_len', 'integer', 'Most messages queued per session; `infinity` means no limit.', {
    specials: ['infinity'],
    defaults: dAll(1000),
    min: 0,
  }),
  key('max_inflight', 'integer', 'Most QoS 1/2 messages in flight to one client.', { defaults: dAll(32), min: 1, max: 65535 }),
  key('max_subscriptions', 'integer', 'Most subscriptions per client; `infinity` means no limit.', {
    specials: ['infinity'],
    defaults: dAll('infinity'),
    min: 1,
  }),
  key('upgrade_qos', 'boolean', 'Delivers messages at the subscription\'s QoS even when published lower.', { defaults: dAll(false) }),
  key('await_rel_timeout', 'duration', 'How long an inbound QoS 2 message waits for PUBREL.', { defaults: dAll('300s') }),
  key('subscription_message_filter', 'string', 'Whether subscriptions may carry a `?` filter on MQTT 5 user properties (6.2+).', { versions: V6 }),
  opaque('limiter', 'Node-level rate limits for clients (6.x).', { versions: V6 }),
];

export const MQTT_KEYS: KeyInfo[] = [
  obj('mqtt', 'Global MQTT protocol limits and session behaviour; zones can override them per listener.'),
  ...under('mqtt', MQTT),
];
