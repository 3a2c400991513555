/** `dashboard` (emqx_dashboard_schema) and `api_key`. */
import type { KeyInfo } from '../types';
import { dAll, key, obj, opaque, under } from './build';
import { serverSsl } from './ssl';

function listenerCommon(): KeyInfo[] {
  return [
    key('num_acceptors', 'integer', 'Processes accepting HTTP connections (defaults to the scheduler count).', { min: 1 }),
    key('max_connections', 'integer', 'Most concurrent HTTP connections.', { defaults: dAll(512), min: 1 }),
    key('backlog', 'integer', 'Queue length of connections waiting to be accepted.', { defaults: dAll(1024), min: 1 }),
    key('send_timeout', 'duration', 'Timeout for sending a response.', { defaults: { '5': '10s', '6': '10s' } }),
    key('inet6', 'boolean', 'Listens on IPv6.', { defaults: dAll(false) }),
    key('ipv6_v6only', 'boolean', 'With inet6, accepts IPv6 only (no IPv4-mapped addresses).', { defaults: dAll(false) }),
    key('proxy_header', 'boolean', 'Expects a PROXY protocol header from a load balancer.', { defaults: { '5': false, '6': false } }),
  ];
}

function enableKey(defaultValue: boolean): KeyInfo {
  return key('enable', 'boolean', 'Old switch for the listener; set bind = 0 to turn it off instead.', {
    defaults: dAll(defaultValue),
    deprecated: { replacedBy: 'bind', since: '5.1.0' },
    ruleIds: ['emqx/deprecated-key'],
  });
}

const HTTP: KeyInfo[] = [
  enableKey(true),
  key('bind', 'ip_port', 'Address and port of the dashboard and REST API over HTTP; 0 turns the listener off.', {
    defaults: dAll(18083),
    ruleIds: ['dashboard/exposed-http', 'dashboard/no-https', 'ports/listener-protocol-mismatch', 'ports/conflict', 'ports/reserved'],
    securityNote: 'On all interfaces the admin login and API tokens travel in cleartext across the network.',
  }),
  ...listenerCommon(),
];

const HTTPS: KeyInfo[] = [
  enableKey(false),
  key('bind', 'ip_port', 'Address and port of the dashboard and REST API over HTTPS (18084 by convention); 0 turns it off.', {
    defaults: dAll(0),
    ruleIds: ['dashboard/no-https', 'ports/listener-protocol-mismatch', 'ports/conflict', 'ports/reserved'],
  }),
  ...listenerCommon(),
  obj('ssl_options', 'TLS settings of the HTTPS listener.', { ruleIds: ['tls/default-certificate'] }),
  ...under('ssl_options', serverSsl({ withOcspCrl: false, demoCertDefaults: true })),
  // Before 5.1 the TLS options sat directly in the https block; EMQX still moves them into ssl_options.
  ...serverSsl({ withOcspCrl: false, demoCertDefaults: false }).map((info) => ({
    ...info,
    description: `${info.description} (older layout: EMQX moves it into ssl_options.)`,
    defaults: undefined,
  })),
];

const DASHBOARD: KeyInfo[] = [
  obj('listeners', 'The HTTP and HTTPS listeners serving the dashboard and the REST API.'),
  obj('listeners.http', 'Cleartext HTTP listener (18083 by convention).', { ruleIds: ['dashboard/exposed-http', 'dashboard/no-https'] }),
  ...under('listeners.http', HTTP),
  obj('listeners.https', 'HTTPS listener (18084 by convention).', { ruleIds: ['dashboard/no-https'] }),
  ...under('listeners.https', HTTPS),
  key('default_username', 'string', 'Name of the administrator account created at first start.', { defaults: dAll('admin') }),
  key('default_password', 'secret', 'Initial password of the administrator account, used only until it is changed in the dashboard.', {
    defaults: dAll('public'),
    sensitive: true,
    ruleIds: ['dashboard/default-password', 'secrets/plaintext'],
    securityNote: 'The default `public` is known to everyone; a new node is open to whoever reaches the dashboard first.',
  }),
  key('sample_interval', 'duration', 'How often dashboard metrics are sampled (1s to 60s, dividing 60).', { defaults: dAll('10s') }),
  key('token_expired_time', 'duration', 'Lifetime of a dashboard login token.', { defaults: { '5': '60m', '6': '60m' } }),
  key('password_expired_time', 'duration', 'Age after which dashboard users must change their password; 0 means never.', { defaults: { '5': 0, '6': 0 } }),
  key('cors', 'boolean', 'Allows cross-origin browser requests to the API.', { defaults: dAll(false) }),
  key('swagger_support', 'boolean', 'Serves the Swagger API documentation.', { defaults: { '5': true, '6': true } }),
  key('i18n_lang', 'enum', 'Language of API descriptions.', { enum: ['en', 'zh'], defaults: dAll('en') }),
  key('bootstrap_users_file', 'path', 'Obsolete since 5.1; has no effect.'),
  opaque('sso', 'Single sign-on backends for the dashboard (Enterprise).'),
];

export const DASHBOARD_KEYS: KeyInfo[] = [
  obj('dashboard', 'The web dashboard and the REST API it shares a listener with.'),
  ...under('dashboard', DASHBOARD),
  obj('api_key', 'REST API keys.'),
  key('api_key.bootstrap_file', 'path', 'File of API keys (key:secret:role per line) imported at start.', { defaults: dAll('') }),
];
