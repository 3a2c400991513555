/** TLS configurations of the deployment: server side (listeners, dashboard https, RPC) and outgoing clients. */
import type { EmqxVersion, Fact, Listener, TlsContext, TlsOptionName } from '../deploymentModel';
import type { EmqxConfigView } from '../emqxConfig';

/** EMQX's defaults for ssl_options, per version (facts.md). */
function defaults(version: EmqxVersion, role: TlsContext['role']): Partial<Record<TlsOptionName, unknown>> {
  const versions = version === '5.0' || version === '4' ? ['tlsv1.3', 'tlsv1.2', 'tlsv1.1', 'tlsv1'] : ['tlsv1.3', 'tlsv1.2'];
  return {
    versions,
    ciphers: [],
    verify: 'verify_none',
    fail_if_no_peer_cert: false,
    enable_crl_check: false,
    secure_renegotiate: true,
    client_renegotiation: true,
    depth: 10,
    'ocsp.enable_ocsp_stapling': false,
    ...(role === 'server' && version !== '4' ? { certfile: '${EMQX_ETC_DIR}/certs/cert.pem', keyfile: '${EMQX_ETC_DIR}/certs/key.pem', cacertfile: '${EMQX_ETC_DIR}/certs/cacert.pem' } : {}),
  };
}

/** 4.x names some options differently. */
const EMQX4_NAMES: Partial<Record<TlsOptionName, string>> = { versions: 'tls_versions' };
const RPC_NAMES: Partial<Record<TlsOptionName, string>> = { versions: 'tls_versions' };

function normalize(name: TlsOptionName, value: unknown): unknown {
  if ((name === 'versions' || name === 'ciphers') && typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  if (typeof value === 'string' && (value === 'true' || value === 'false') && name !== 'verify') return value === 'true';
  return value;
}

function context(view: EmqxConfigView, version: EmqxVersion, role: TlsContext['role'], owner: string, base: string[], names: Partial<Record<TlsOptionName, string>>, enabled: boolean, listener?: Listener): TlsContext {
  const optionPath = (name: TlsOptionName) => [...base, ...(names[name] ?? name).split('.')];
  const defs = defaults(version, role);
  return {
    role, owner, listener, enabled, optionPath,
    option(name) {
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
  const result: TlsContext[] = [];
  for (const l of listeners) {
    if (!l.tls || !l.tlsPath) continue;
    const owner = l.kind === 'dashboard' ? `dashboard ${l.type} listener` : l.path.join('.');
    result.push(context(view, version, 'server', owner, l.tlsPath, view.format === 'emqx4' ? EMQX4_NAMES : {}, l.enabled.value, l));
  }
  if (view.format === 'hocon') {
    const protocol = view.get(['rpc', 'protocol']) ?? view.get(['rpc', 'driver']);
    if (protocol?.value === 'ssl') result.push(context(view, version, 'server', 'rpc', ['rpc'], RPC_NAMES, true));
    for (const path of clientSslPaths(view.get([])?.value, [])) {
      const enable = view.get([...path, 'enable']);
      result.push(context(view, version, 'client', path.join('.'), path, {}, enable?.value === true || enable?.value === 'true'));
    }
  }
  return result;
}

/** Paths of outgoing-connection `ssl` blocks (connectors, bridges, auth backends, cluster discovery), outside listeners and the dashboard. */
function clientSslPaths(value: unknown, path: string[], depth = 0): string[][] {
  if (depth > 12 || value === null || typeof value !== 'object') return [];
  if (path.length === 1 && (path[0] === 'listeners' || path[0] === 'dashboard' || path[0] === 'rpc')) return [];
  const found: string[][] = [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
  for (const [key, child] of entries) {
    const childPath = [...path, key];
    if ((key === 'ssl' || (key === 'ssl_options' && path[0] === 'cluster')) && child && typeof child === 'object' && !Array.isArray(child)) found.push(childPath);
    else found.push(...clientSslPaths(child, childPath, depth + 1));
  }
  return found;
}
