/** Every MQTT and dashboard listener of the deployment, EMQX's implicit default listeners included. */
import type { EmqxVersion, Fact, Listener } from '../deploymentModel';
import type { EmqxConfigView } from '../emqxConfig';

type MqttType = 'tcp' | 'ssl' | 'ws' | 'wss' | 'quic';
const MQTT_TYPES: MqttType[] = ['tcp', 'ssl', 'ws', 'wss', 'quic'];
const TLS_TYPES = new Set(['ssl', 'wss', 'quic', 'https']);
/** The listeners EMQX 5.x/6.x starts when the configuration names none: `listeners.<type>.default`. */
const DEFAULT_PORTS: Partial<Record<MqttType, number>> = { tcp: 1883, ssl: 8883, ws: 8083, wss: 8084 };
const DEFAULT_DASHBOARD_HTTP_PORT = 18083;

/** Splits a bind value (`"0.0.0.0:1883"`, `"[::]:8883"`, `1883`, `":1883"`) into address and port. */
export function parseBind(value: unknown): { address: string; port?: number } {
  if (typeof value === 'number') return { address: '0.0.0.0', port: value };
  const text = String(value ?? '').trim();
  if (/^\d+$/.test(text)) return { address: '0.0.0.0', port: Number(text) };
  const v6 = /^\[([^\]]*)\]:(\d+)$/.exec(text);
  if (v6) return { address: v6[1] || '::', port: Number(v6[2]) };
  const i = text.lastIndexOf(':');
  if (i >= 0 && /^\d+$/.test(text.slice(i + 1)) && text.indexOf(':') === i) return { address: text.slice(0, i) || '0.0.0.0', port: Number(text.slice(i + 1)) };
  return { address: text };
}

/** Bound to every interface: the wildcard addresses or a bare port. */
export function isExposedAddress(address: string): boolean {
  return address === '0.0.0.0' || address === '::' || address === '[::]' || address === '' || address === '0:0:0:0:0:0:0:0';
}

function defaulted<T>(view: EmqxConfigView, path: string[], value: T): Fact<T> {
  const fact = view.get(path);
  if (fact) return fact as Fact<T>;
  return { value, explicit: false, origin: view.anchor(path), overridden: [] };
}

function listener(view: EmqxConfigView, kind: Listener['kind'], type: Listener['type'], name: string, path: string[], bindPath: string[], defaultBind: string | number, tlsPath?: string[]): Listener {
  const bind = defaulted<string | number>(view, bindPath, defaultBind);
  const enabledRaw = view.get([...path, 'enable']);
  const enabled: Fact<boolean> = enabledRaw
    ? { ...enabledRaw, value: enabledRaw.value !== false && enabledRaw.value !== 'false' }
    : { value: true, explicit: false, origin: view.anchor([...path, 'enable']), overridden: [] };
  const { address, port } = parseBind(bind.value);
  return {
    kind, type, name, path, explicit: view.has(path), enabled, bind, address, port,
    exposed: isExposedAddress(address), tls: TLS_TYPES.has(type), tlsPath,
  };
}

export function extractListeners(view: EmqxConfigView | undefined, version: EmqxVersion, environment: ReadonlyMap<string, Fact<string>>): Listener[] {
  if (!view) return [];
  return view.format === 'emqx4' ? emqx4Listeners(view) : hoconListeners(view, version, environment);
}

function hoconListeners(view: EmqxConfigView, version: EmqxVersion, environment: ReadonlyMap<string, Fact<string>>): Listener[] {
  const result: Listener[] = [];
  // 6.2.1+: the hardened security profile binds the implicit listeners to loopback.
  const hardened = version === '6' && environment.get('EMQX_SECURITY_PROFILE')?.value === 'hardened';
  const host = hardened ? '127.0.0.1' : '0.0.0.0';
  for (const type of MQTT_TYPES) {
    const names = new Set(view.childNames(['listeners', type]));
    // The implicit `default` listener is the schema default of the whole `listeners.<type>` map: it exists
    // only while the configuration names no listener of that type.
    if (DEFAULT_PORTS[type] && names.size === 0 && !view.has(['listeners', type])) names.add('default');
    for (const name of names) {
      const path = ['listeners', type, name];
      // A block with settings cannot be a deletion marker: reading it as data would convert it.
      const value = view.childNames(path).length ? undefined : view.get(path)?.value;
      if (value === 'marked_for_deletion' || value === null) continue;
      const port = DEFAULT_PORTS[type] ?? 14567;
      result.push(listener(view, 'mqtt', type, name, path, [...path, 'bind'], `${host}:${port}`, TLS_TYPES.has(type) ? [...path, 'ssl_options'] : undefined));
    }
  }
  const http = ['dashboard', 'listeners', 'http'];
  const httpListener = listener(view, 'dashboard', 'http', 'http', http, [...http, 'bind'], hardened ? `127.0.0.1:${DEFAULT_DASHBOARD_HTTP_PORT}` : DEFAULT_DASHBOARD_HTTP_PORT);
  if (httpListener.port !== 0) result.push(httpListener);
  const https = ['dashboard', 'listeners', 'https'];
  if (view.has(https)) {
    // 5.0 put the TLS options directly in the https block; 5.1+ nests them in ssl_options.
    const tlsPath = version === '5.0' ? https : [...https, 'ssl_options'];
    const l = listener(view, 'dashboard', 'https', 'https', https, [...https, 'bind'], 0, tlsPath);
    if (l.port !== 0) result.push(l);
  }
  return result;
}

function emqx4Listeners(view: EmqxConfigView): Listener[] {
  const result: Listener[] = [];
  for (const type of ['tcp', 'ssl', 'ws', 'wss'] as const) {
    for (const name of view.childNames(['listener', type])) {
      const path = ['listener', type, name];
      if (!view.has(path)) continue; // only option keys under this name, no bind line
      result.push(listener(view, 'mqtt', type, name, path, path, '', TLS_TYPES.has(type) ? path : undefined));
    }
  }
  for (const type of ['http', 'https'] as const) {
    const path = ['dashboard', 'listener', type];
    if (view.has(path)) result.push(listener(view, 'dashboard', type, type, path, path, '', type === 'https' ? path : undefined));
  }
  return result;
}
