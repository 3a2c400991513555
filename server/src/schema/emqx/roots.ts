/**
 * Root keys whose content the product does not check key by key. Listing them keeps the root a
 * known section: an unknown root key (a typo such as `listener` or `dashbaord`) is reportable.
 */
import type { EmqxVersion, KeyInfo } from '../types';
import { opaque, V5_PLUS, V6 } from './build';

const root = (name: string, description: string, versions?: EmqxVersion[], type: 'object' | 'array' = 'object'): KeyInfo =>
  opaque(name, description, versions ? { versions } : {}, type);

export const OTHER_ROOT_KEYS: KeyInfo[] = [
  root('zones', 'Named groups of mqtt, flapping_detect and force_shutdown overrides that listeners can refer to.'),
  root('broker', 'Internal broker tuning (session registry, routing); rarely changed.'),
  root('stats', 'Statistics collection switch.'),
  root('trace', 'Settings of client and topic traces.'),
  root('crl_cache', 'Refresh settings of the certificate revocation list cache.'),
  root('banned', 'Ban list settings, such as a bootstrap file of banned clients.', V5_PLUS),
  root('durable_storage', 'Storage backend of durable sessions and messages.', V5_PLUS),
  root('limiter', 'Node-wide rate limiter buckets (5.0 style).'),
  root('retainer', 'Retained message storage and limits.'),
  root('auto_subscribe', 'Topics subscribed automatically when a client connects.'),
  root('telemetry', 'Anonymous usage telemetry sent to EMQ.'),
  root('delayed', 'Delayed publish ($delayed/ topics).'),
  root('topic_metrics', 'Per-topic message counters.', undefined, 'array'),
  root('rewrite', 'Topic rewrite rules.', undefined, 'array'),
  root('plugins', 'Installed plugins and their state.'),
  root('gateway', 'Protocol gateways: MQTT-SN, CoAP, LwM2M, STOMP, ExProto and others.'),
  root('prometheus', 'Prometheus metrics endpoint and push gateway.'),
  root('rule_engine', 'Rule engine settings and rules.'),
  root('exhook', 'gRPC hook servers called on client and message events.'),
  root('psk_authentication', 'Pre-shared key authentication for TLS-PSK clients.'),
  root('slow_subs', 'Tracking of subscribers that acknowledge slowly.'),
  root('opentelemetry', 'OpenTelemetry metrics, logs and traces export.', V5_PLUS),
  root('bridges', 'Data bridges (the 5.0 to 5.x integration model).'),
  root('connectors', 'Connections to external systems used by actions and sources.', V5_PLUS),
  root('actions', 'Data integration actions that send data out through connectors.', V5_PLUS),
  root('sources', 'Data integration sources that bring data in through connectors.', V5_PLUS),
  root('license', 'Enterprise license key and connection quota alarms.', V5_PLUS),
  root('file_transfer', 'MQTT file transfer and its storage (Enterprise).', V5_PLUS),
  root('schema_registry', 'Schemas used to encode and decode payloads (Enterprise).', V5_PLUS),
  root('schema_validation', 'Payload validation against schemas (Enterprise).', V5_PLUS),
  root('message_validation', 'Payload validation (earlier name of schema_validation).', V5_PLUS),
  root('message_transformation', 'Payload and topic transformation (Enterprise).', V5_PLUS),
  root('mq', 'Message queues (6.x).', V6),
  root('streams', 'Message streams (6.x).', V6),
  root('multi_tenancy', 'Multi-tenancy namespaces and quotas (Enterprise).', V5_PLUS),
];
