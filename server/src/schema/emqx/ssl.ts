/**
 * TLS option groups shared by MQTT listeners, the dashboard, QUIC and outgoing TLS clients
 * (emqx_schema common/server/client ssl opts). Paths are relative; callers place them with `under`.
 */
import type { KeyInfo } from '../types';
import { dAll, key, obj, TLS_VERSIONS, V5_PLUS } from './build';

const DEMO_CERT_RULES = ['tls/default-certificate'];
const LEGACY_VERSIONS_DEFAULT = { '5.0': TLS_VERSIONS, '5': ['tlsv1.3', 'tlsv1.2'], '6': ['tlsv1.3', 'tlsv1.2'] };

/** Which side of the handshake EMQX plays, and which extras the listener kind supports. */
export interface SslGroupOptions {
  side: 'server' | 'client';
  /** MQTT ssl listeners (not wss, not the dashboard) also take OCSP, CRL and gc_after_handshake. */
  withOcspCrl?: boolean;
  /** Server defaults point at the bundled demo certificates. */
  demoCertDefaults?: boolean;
}

function fileKeys(opts: SslGroupOptions): KeyInfo[] {
  const demo = (file: string) => (opts.demoCertDefaults ? { defaults: dAll(`\${EMQX_ETC_DIR}/certs/${file}`) } : {});
  return [
    key('cacertfile', 'path', 'PEM bundle of the CA certificates trusted when checking the peer\'s certificate.', {
      ...demo('cacert.pem'),
      ruleIds: opts.side === 'server' ? DEMO_CERT_RULES : [],
    }),
    key('certfile', 'path', 'PEM file with this side\'s certificate chain, leaf certificate first.', {
      ...demo('cert.pem'),
      ruleIds: opts.side === 'server' ? [...DEMO_CERT_RULES, 'tls/ocsp-incomplete'] : [],
      securityNote: opts.side === 'server' ? 'The bundled demo certificate is public; a listener using it proves nothing to clients.' : undefined,
    }),
    key('keyfile', 'path', 'PEM file with the private key that matches certfile.', {
      ...demo('key.pem'),
      ruleIds: opts.side === 'server' ? [...DEMO_CERT_RULES, 'files/secret-permissions'] : ['files/secret-permissions'],
      securityNote: 'The key file must be readable by the emqx user only.',
    }),
  ];
}

function commonKeys(opts: SslGroupOptions): KeyInfo[] {
  const server = opts.side === 'server';
  return [
    ...fileKeys(opts),
    key('cacerts', 'boolean', 'Obsolete switch for using the system CA store; EMQX ignores it.', {
      deprecated: { replacedBy: 'cacertfile', since: '5.1.4' },
      ruleIds: ['emqx/deprecated-key'],
    }),
    key('verify', 'enum', server
      ? 'Whether clients must present a certificate that EMQX checks against cacertfile (verify_peer) or not (verify_none).'
      : 'Whether EMQX checks the server\'s certificate against cacertfile (verify_peer) or trusts any certificate (verify_none).', {
      enum: ['verify_peer', 'verify_none'],
      defaults: dAll('verify_none'),
      ruleIds: server
        ? ['tls/peer-cert-not-required', 'tls/fail-if-no-peer-cert-without-verify', 'tls/crl-without-verify', 'mqtt/peer-cert-identity-unverified']
        : ['tls/client-verify-none'],
      securityNote: server
        ? 'With verify_none any client can complete the handshake; mutual TLS needs verify_peer plus fail_if_no_peer_cert.'
        : 'With verify_none a man in the middle can impersonate the server.',
    }),
    key('reuse_sessions', 'boolean', 'Lets TLS 1.2 clients resume an earlier session and skip the full handshake.', {
      defaults: { '5.0': true, '5': true },
    }),
    key('depth', 'integer', 'How many intermediate CA certificates may sit between the peer certificate and a trusted root.', {
      defaults: dAll(10),
      min: 0,
    }),
    key('password', 'secret', 'Passphrase of an encrypted keyfile.', {
      sensitive: true,
      ruleIds: ['secrets/plaintext'],
      securityNote: 'Keep the passphrase out of the file: use an environment variable or a file:// reference.',
    }),
    key('versions', 'array', 'TLS protocol versions offered, e.g. [tlsv1.3, tlsv1.2].', {
      itemEnum: TLS_VERSIONS,
      defaults: LEGACY_VERSIONS_DEFAULT,
      ruleIds: ['tls/legacy-version', 'tls/version-gap'],
      securityNote: 'TLS 1.0 and 1.1 are broken and must not be offered; EMQX 5.0.x offered them by default.',
    }),
    key('ciphers', 'array', 'Cipher suites offered, by OpenSSL or IANA name; a comma-separated string is accepted too. Empty means every suite the runtime supports.', {
      ruleIds: ['tls/weak-cipher'],
      securityNote: 'CBC, 3DES, RC4 and static-RSA suites weaken the connection; prefer ECDHE with AES-GCM or ChaCha20.',
    }),
    key('secure_renegotiate', 'boolean', 'Allows only RFC 5746 secure renegotiation.', {
      defaults: dAll(true),
      ruleIds: ['tls/insecure-renegotiation'],
      securityNote: 'Turning it off re-opens the TLS renegotiation injection attack.',
    }),
    key('log_level', 'enum', 'Verbosity of the TLS library\'s own log messages.', {
      enum: ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'info', 'debug', 'none', 'all'],
      defaults: dAll('notice'),
    }),
    key('hibernate_after', 'duration', 'Idle time after which a TLS connection process compacts its memory.', {
      defaults: dAll('5s'),
    }),
    key('partial_chain', 'enum', 'Whether an intermediate CA from cacertfile may act as the trust anchor, for CA rotation.', {
      enum: ['true', 'false', 'two_cacerts_from_cacertfile', 'cacert_from_cacertfile'],
      versions: V5_PLUS,
    }),
    key('verify_peer_ext_key_usage', 'string', 'Extended key usages the peer certificate must carry, e.g. "clientAuth" or "serverAuth,OID:1.3.6.1.5.5.7.3.2".', {
      versions: V5_PLUS,
    }),
  ];
}

function serverKeys(opts: SslGroupOptions): KeyInfo[] {
  const keys: KeyInfo[] = [
    key('dhfile', 'path', 'PEM file with Diffie-Hellman parameters for DHE suites (TLS 1.2 and older).'),
    key('fail_if_no_peer_cert', 'boolean', 'With verify_peer, refuses clients that send no certificate at all.', {
      defaults: dAll(false),
      ruleIds: ['tls/peer-cert-not-required', 'tls/fail-if-no-peer-cert-without-verify', 'mqtt/peer-cert-identity-unverified'],
      securityNote: 'Without it, verify_peer still admits clients that simply omit a certificate.',
    }),
    key('honor_cipher_order', 'boolean', 'Picks the cipher by the server\'s preference order instead of the client\'s.', {
      defaults: dAll(true),
    }),
    key('client_renegotiation', 'boolean', 'Lets clients start a renegotiation; turning it off removes a CPU exhaustion vector (TLS 1.2 and older).', {
      defaults: dAll(true),
    }),
    key('handshake_timeout', 'duration', 'Time allowed for the TLS handshake before the connection is dropped.', {
      defaults: dAll('15s'),
    }),
    key('user_lookup_fun', 'string', 'Internal callback that looks up pre-shared keys for PSK suites; leave it alone.', {
      defaults: dAll('emqx_tls_psk:lookup'),
    }),
  ];
  if (opts.withOcspCrl) {
    keys.push(
      key('gc_after_handshake', 'boolean', 'Runs garbage collection right after the handshake to lower memory per connection.', {
        defaults: dAll(false),
      }),
      obj('ocsp', 'OCSP stapling: EMQX fetches its certificate\'s revocation status and sends it during the handshake.', {
        ruleIds: ['tls/ocsp-incomplete', 'tls/ocsp-disabled'],
      }),
      key('ocsp.enable_ocsp_stapling', 'boolean', 'Turns OCSP stapling on; needs responder_url, issuer_pem and certfile.', {
        defaults: dAll(false),
        ruleIds: ['tls/ocsp-incomplete', 'tls/ocsp-disabled'],
      }),
      key('ocsp.responder_url', 'string', 'URL of the OCSP responder that vouches for the server certificate.', {
        ruleIds: ['tls/ocsp-incomplete'],
      }),
      key('ocsp.issuer_pem', 'path', 'PEM file of the CA that issued the server certificate.', {
        ruleIds: ['tls/ocsp-incomplete'],
      }),
      key('ocsp.refresh_interval', 'duration', 'How often the stapled OCSP response is fetched again.', {
        defaults: dAll('5m'),
      }),
      key('ocsp.refresh_http_timeout', 'duration', 'Timeout of one request to the OCSP responder.', {
        defaults: dAll('15s'),
      }),
      key('enable_crl_check', 'boolean', 'Rejects client certificates listed in their CA\'s revocation list; needs verify_peer.', {
        defaults: dAll(false),
        ruleIds: ['tls/crl-without-verify', 'tls/crl-disabled'],
        securityNote: 'Without a CRL check a revoked client certificate keeps working until it expires.',
      }),
    );
  }
  return keys;
}

function clientKeys(): KeyInfo[] {
  return [
    key('enable', 'boolean', 'Turns TLS on for this outgoing connection.', {
      defaults: dAll(false),
      ruleIds: ['tls/client-verify-none'],
    }),
    key('server_name_indication', 'string', 'Host name sent in SNI and matched against the server certificate; `disable` sends none.', {
      specials: ['disable'],
    }),
  ];
}

/** TLS options of a server endpoint (listener, dashboard https). */
export function serverSsl(opts: Omit<SslGroupOptions, 'side'>): KeyInfo[] {
  const o: SslGroupOptions = { ...opts, side: 'server' };
  return [...commonKeys(o), ...serverKeys(o)];
}

/** TLS options of an outgoing client (cluster etcd discovery, connectors...). */
export function clientSsl(): KeyInfo[] {
  const o: SslGroupOptions = { side: 'client' };
  return [...commonKeys(o), ...clientKeys()];
}

