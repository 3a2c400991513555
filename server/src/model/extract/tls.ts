/**
 * TLS configurations of the deployment: server side (MQTT listeners, dashboard https, RPC) and outgoing
 * clients (`ssl { ... }` blocks of connectors, bridges, auth backends, cluster discovery...).
 *
 * Each kind of context supports only the options EMQX has for it (wss has no OCSP or CRL, the 5.0 dashboard
 * has no fail_if_no_peer_cert, RPC has no verify): `option()` answers undefined for the others, so rules
 * never report or insert a setting EMQX would reject as unknown.
 */
import type { EmqxVersion, Fact, Listener, TlsContext, TlsOptionName } from '../deploymentModel';
import type { EmqxConfigView } from '../emqxConfig';

type Options = ReadonlySet<TlsOptionName>;

const COMMON: TlsOptionName[] = ['versions', 'ciphers', 'verify', 'secure_renegotiate', 'certfile', 'keyfile', 'cacertfile', 'depth'];
const SERVER: Options = new Set<TlsOptionName>([...COMMON, 'fail_if_no_peer_cert', 'client_renegotiation']);
/** Only `ssl` listeners (not wss, quic or the dashboard) have CRL checks and OCSP stapling. */
const SSL_LISTENER: Options = new Set<TlsOptionName>([...SERVER, 'enable_crl_check', 'ocsp.enable_ocsp_stapling', 'ocsp.responder_url', 'ocsp.issuer_pem']);
/** QUIC takes TLS 1.3 only; most other TLS options are deprecated and ignored there. */
const QUIC: Options = new Set<TlsOptionName>(['ciphers', 'verify', 'certfile', 'keyfile', 'cacertfile']);
/** The 5.0 dashboard https listener dropped fail_if_no_peer_cert from its schema. */
const DASHBOARD_50: Options = new Set<TlsOptionName>([...SERVER].filter((o) => o !== 'fail_if_no_peer_cert'));
/** gen_rpc always verifies the peer and requires its certificate; only these are configurable. */
const RPC: Options = new Set<TlsOptionName>(['versions', 'ciphers', 'certfile', 'keyfile', 'cacertfile']);
const CLIENT: Options = new Set<TlsOptionName>(COMMON);

/** 4.x flat key names (`listener.ssl.external.tls_versions`, `...ocsp_responder_url`). */
const EMQX4_NAMES: Partial<Record<TlsOptionName, string>> = {
  versions: 'tls_versions',
  'ocsp.enable_ocsp_stapling': 'enable_ocsp_stapling',
  'ocsp.responder_url': 'ocsp_responder_url',
  'ocsp.issuer_pem': 'ocsp_issuer_pem',
};
const RPC_NAMES: Partial<Record<TlsOptionName, string>> = { versions: 'tls_versions' };

const ALL_VERSIONS = ['tlsv1.3', 'tlsv1.2', 'tlsv1.1', 'tlsv1'];
const BUNDLED = { certfile: '${EMQX_ETC_DIR}/certs/cert.pem', keyfile: '${EMQX_ETC_DIR}/certs/key.pem', cacertfile: '${EMQX_ETC_DIR}/certs/cacert.pem' };

/**
 * EMQX's defaults (facts.md): 5.1+ drops TLS 1.1/1.0 from the default versions, 5.0.x and 4.x offer all four.
 * Server contexts of 5.x default to the bundled demo certificate; clients, RPC and 4.x have no certificate default.
 */
function defaults(version: EmqxVersion, bundledCert: boolean): Partial<Record<TlsOptionName, unknown>> {
  return {
    versions: version === '5.0' || version === '4' ? ALL_VERSIONS : ['tlsv1.3', 'tlsv1.2'],
    ciphers: [],
    verify: 'verify_none',
    fail_if_no_peer_cert: false,
    enable_crl_check: false,
    secure_renegotiate: true,
    client_renegotiation: true,
    depth: 10,
    'ocsp.enable_ocsp_stapling': false,
    ...(bundledCert ? BUNDLED : {}),
  };
}

const BOOLEAN_OPTIONS = new Set<TlsOptionName>(['fail_if_no_peer_cert', 'enable_crl_check', 'secure_renegotiate', 'client_renegotiation', 'ocsp.enable_ocsp_stapling']);

/** Lists as string[] (HOCON arrays or comma-separated strings), flags as booleans (4.x writes on/off). */
function normalize(name: TlsOptionName, value: unknown): unknown {
  if (name === 'versions' || name === 'ciphers') {
    if (typeof value === 'string') return value.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
    if (Array.isArray(value)) return value.map((v) => String(v).trim());
  }
  if (BOOLEAN_OPTIONS.has(name) && typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true' || v === 'on') return true;
    if (v === 'false' || v === 'off') return false;
  }
  return value;
}

interface ContextSpec {
  role: TlsContext['role'];
  owner: string;
  base: string[];
  supported: Options;
  names?: Partial<Record<TlsOptionName, string>>;
  enabled: boolean;
  bundledCert: boolean;
  listener?: Listener;
}

function context(view: EmqxConfigView, version: EmqxVersion, spec: ContextSpec): TlsContext {
  const optionPath = (name: TlsOptionName) => [...spec.base, ...(spec.names?.[name] ?? name).split('.')];
  const defs = defaults(version, spec.bundledCert);
  return {
    role: spec.role, owner: spec.owner, listener: spec.listener, enabled: spec.enabled, optionPath,
    reading: (other) => context(other, version, spec),
    option(name) {
      if (!spec.supported.has(name)) return undefined;
      const path = optionPath(name);
      const fact = view.get(path);
      if (fact) return { ...fact, value: normalize(name, fact.value) };
      if (!(name in defs)) return undefined;
      const value: Fact<unknown> = { value: defs[name], explicit: false, origin: view.anchor(path), overridden: [] };
      return value;
    },
  };
}

export function extractTls(view: EmqxConfigView | undefined, version: EmqxVersion, listeners: Listener[]): TlsContext[] {
  if (!view) return [];
  const emqx4 = view.format === 'emqx4';
  const result: TlsContext[] = [];
  for (const l of listeners) {
    if (!l.tls || !l.tlsPath) continue;
    const owner = l.path.join('.');
    result.push(context(view, version, {
      role: 'server', owner, listener: l, enabled: l.enabled.value,
      base: tlsBase(view, version, l), supported: serverOptions(version, l), names: emqx4 ? EMQX4_NAMES : undefined,
      bundledCert: !emqx4 && !(l.kind === 'dashboard' && version === '5.0'),
    }));
  }
  const protocol = view.get(['rpc', 'protocol']) ?? view.get(['rpc', 'driver']);
  if (protocol?.value === 'ssl') {
    result.push(context(view, version, { role: 'server', owner: 'rpc', base: ['rpc'], supported: RPC, names: RPC_NAMES, enabled: true, bundledCert: false }));
  }
  if (!emqx4) {
    for (const path of outgoingSslPaths(view)) {
      const enable = view.get([...path, 'enable']);
      result.push(context(view, version, {
        role: 'client', owner: displayPath(path), base: path, supported: CLIENT,
        enabled: enable?.value === true || enable?.value === 'true', bundledCert: false,
      }));
    }
  }
  return result;
}

function serverOptions(version: EmqxVersion, l: Listener): Options {
  if (l.kind === 'dashboard') return version === '5.0' ? DASHBOARD_50 : SERVER;
  if (l.type === 'ssl') return SSL_LISTENER;
  if (l.type === 'quic') return QUIC;
  return SERVER;
}

/**
 * Where a listener's TLS options live. 5.1+ also accepts the 5.0 layout of the dashboard https listener
 * (options directly in the https block) and moves them into ssl_options itself when that block is absent.
 */
function tlsBase(view: EmqxConfigView, version: EmqxVersion, l: Listener): string[] {
  const base = l.tlsPath ?? l.path;
  if (l.kind !== 'dashboard' || version === '5.0' || view.format === 'emqx4') return base;
  if (view.get(base)) return base;
  const flat = view.childNames(l.path).some((k) => k === 'certfile' || k === 'keyfile' || k === 'verify' || k === 'versions' || k === 'ciphers');
  return flat ? l.path : base;
}

/** `authentication.0.ssl` as people write it: `authentication[0].ssl`. */
function displayPath(path: readonly string[]): string {
  return path.reduce((out, seg) => (/^\d+$/.test(seg) ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg), '');
}

/** Roots that hold server-side TLS (listeners, dashboard, RPC) rather than outgoing connections. */
const SERVER_ROOTS = new Set(['listeners', 'dashboard', 'rpc']);

/** `ssl_options` (instead of `ssl`) names a client block only under these parents. */
function isClientSslOptions(path: readonly string[]): boolean {
  const parent = path.join('.');
  return parent === 'cluster.etcd' || parent === 'opentelemetry.exporter' || parent === 'gateway.exproto.handler';
}

/**
 * clientSslPaths over the whole configuration, reading only the roots that can hold outgoing TLS: the
 * server roots (the listeners above all) make up most of a large file and are never converted.
 */
function outgoingSslPaths(view: EmqxConfigView): string[][] {
  const found: string[][] = [];
  for (const root of view.childNames([])) {
    if (!SERVER_ROOTS.has(root)) found.push(...clientSslPaths({ [root]: view.get([root])?.value }, []));
  }
  return found;
}

/**
 * Paths of outgoing-connection TLS blocks (connectors, bridges, authn/authz backends, exhook servers, cluster
 * discovery), including those inside arrays (`authentication[0].ssl`). Any `listeners` subtree is skipped:
 * gateway listeners are servers, and their `ssl` key names a listener type, not a TLS block.
 */
function clientSslPaths(value: unknown, path: string[], depth = 0): string[][] {
  if (depth > 12 || value === null || typeof value !== 'object') return [];
  if (path.length === 1 && SERVER_ROOTS.has(path[0])) return [];
  if (path.length > 0 && path[path.length - 1] === 'listeners') return [];
  const found: string[][] = [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
  for (const [key, child] of entries) {
    const childPath = [...path, key];
    const isBlock = child !== null && typeof child === 'object' && !Array.isArray(child);
    if (isBlock && (key === 'ssl' || (key === 'ssl_options' && isClientSslOptions(path)))) found.push(childPath);
    else found.push(...clientSslPaths(child, childPath, depth + 1));
  }
  return found;
}
