/** `authentication` (a list of authenticators, not checked key by key) and `authorization`. */
import type { KeyInfo } from '../types';
import { dAll, key, obj, opaque, under } from './build';
import { clientSsl } from './ssl';

const HASH_RULE = ['mqtt/weak-password-hash'];

/** Keys of one authenticator that the rules read; the item itself stays open. */
const AUTHENTICATOR: KeyInfo[] = [
  key('mechanism', 'enum', 'How clients prove who they are: password_based, jwt, scram, cinfo (client info checks), gcp_device or gssapi.', {
    enum: ['password_based', 'jwt', 'scram', 'cinfo', 'gcp_device', 'gssapi'],
    ruleIds: ['mqtt/anonymous-access'],
  }),
  key('backend', 'enum', 'Where credentials are looked up: the built-in database or an external store.', {
    enum: ['built_in_database', 'mysql', 'postgresql', 'mongodb', 'redis', 'http', 'ldap', 'ldap_bind', 'kerberos'],
    ruleIds: HASH_RULE,
  }),
  key('enable', 'boolean', 'Whether this authenticator takes part in the chain.', { defaults: dAll(true), ruleIds: ['mqtt/anonymous-access'] }),
  key('user_id_type', 'enum', 'Whether built-in database users are keyed by username or client ID.', { enum: ['username', 'clientid'], defaults: dAll('username') }),
  key('password', 'secret', 'Password EMQX uses to log in to the credential store.', {
    sensitive: true,
    ruleIds: ['secrets/plaintext'],
    securityNote: 'Prefer an environment variable or a file:// reference to an inline password.',
  }),
  obj('password_hash_algorithm', 'How stored passwords are hashed and checked.', { ruleIds: HASH_RULE, open: true }),
  key('password_hash_algorithm.name', 'enum', 'Hash function: plain, md5, sha, sha256, sha512, bcrypt or pbkdf2.', {
    enum: ['plain', 'md5', 'sha', 'sha256', 'sha512', 'bcrypt', 'pbkdf2'],
    ruleIds: HASH_RULE,
    securityNote: 'plain, md5 and sha (and unsalted sha256/sha512) give attackers cheap offline guessing; use pbkdf2 or bcrypt.',
  }),
  key('password_hash_algorithm.salt_position', 'enum', 'Where the salt goes for simple hashes; disable means no salt.', {
    enum: ['disable', 'prefix', 'suffix'],
    defaults: dAll('prefix'),
    ruleIds: HASH_RULE,
  }),
  key('password_hash_algorithm.mac_fun', 'enum', 'HMAC function of pbkdf2; md4, md5 and ripemd160 are refused since 5.8.3.', {
    enum: ['md4', 'md5', 'ripemd160', 'sha', 'sha224', 'sha256', 'sha384', 'sha512'],
    ruleIds: HASH_RULE,
  }),
  key('password_hash_algorithm.iterations', 'integer', 'pbkdf2 iteration count; higher is slower to attack.', { min: 1, ruleIds: HASH_RULE }),
  key('password_hash_algorithm.dk_length', 'integer', 'Length of the pbkdf2 derived key; by default the MAC output length.', { min: 1 }),
  key('password_hash_algorithm.salt_rounds', 'integer', 'bcrypt cost factor for newly created users.', { defaults: dAll(10), min: 1 }),
  opaque('ssl', 'TLS settings for the connection to the credential store.', { ruleIds: ['tls/client-verify-none'] }),
  ...under('ssl', clientSsl()),
];

const AUTHORIZATION: KeyInfo[] = [
  key('no_match', 'enum', 'Decision when no authorization source matches a publish or subscribe.', {
    enum: ['allow', 'deny'],
    defaults: { '5.0': 'allow', '5': 'allow', '6': 'deny' },
    ruleIds: ['mqtt/authz-allow-by-default'],
    securityNote: 'allow turns every gap in the ACL into access; deny makes rules list what is permitted.',
  }),
  key('deny_action', 'enum', 'What happens to a client whose request is denied: the request is dropped (ignore) or the client is disconnected.', {
    enum: ['ignore', 'disconnect'],
    defaults: dAll('ignore'),
    ruleIds: ['mqtt/authz-deny-action-ignore'],
  }),
  obj('cache', 'Per-connection cache of authorization results.'),
  key('cache.enable', 'boolean', 'Caches authorization results in each connection.', { defaults: dAll(true) }),
  key('cache.max_size', 'integer', 'Most cached results per connection.', { defaults: dAll(32), min: 1, max: 1048576 }),
  key('cache.ttl', 'duration', 'How long a cached result stays valid.', { defaults: dAll('1m') }),
  key('cache.excludes', 'array', 'Topic filters whose results are never cached.'),
  opaque('sources', 'Authorization sources checked in order (acl.conf file, built-in database, HTTP, databases...).', {}, 'array'),
  opaque('sources.*', 'One authorization source.'),
  key('sources.*.type', 'enum', 'Kind of authorization source.', {
    enum: ['file', 'built_in_database', 'http', 'mongodb', 'mysql', 'postgresql', 'redis', 'ldap', 'client_info'],
  }),
  key('sources.*.enable', 'boolean', 'Whether this source is consulted.', { defaults: dAll(true) }),
  key('sources.*.path', 'path', 'ACL file of a file source, e.g. "${EMQX_ETC_DIR}/acl.conf".'),
  opaque('node_cache', 'Node-wide cache of authorization results.'),
];

export const ACCESS_KEYS: KeyInfo[] = [
  opaque('authentication', 'Global chain of authenticators; with none configured every client is let in.', {
    ruleIds: ['mqtt/anonymous-access'],
    securityNote: 'An empty chain means anonymous access unless listeners use quick_deny_anonymous.',
  }, 'array'),
  opaque('authentication.*', 'One authenticator; clients are checked by each in order until one decides.'),
  ...under('authentication.*', AUTHENTICATOR),
  obj('authorization', 'What authenticated clients may publish and subscribe to.'),
  ...under('authorization', AUTHORIZATION),
];
