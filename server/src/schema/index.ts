/**
 * Query API over the knowledge tables: what an EMQX key, kernel parameter, vm.args flag or systemd
 * directive means, which values it takes, and which keys sit next to it. Used by hover, completion
 * and the emqx/unknown-key, emqx/invalid-value and emqx/deprecated-key rules.
 */
import { closest } from './distance';
import { EMQX4_KEYS } from './emqx4Keys';
import { EMQX_KEYS } from './emqxKeys';
import { KeyIndex, type ChildOptions } from './pathIndex';
import { SYSCTL_KEYS } from './sysctlKeys';
import { LIMITS_ITEMS, SYSTEMD_DIRECTIVES } from './systemdDirectives';
import { HOCON_VERSIONS } from './types';
import type {
  AppParamInfo,
  EmqxVersion,
  KeyInfo,
  LimitsItemInfo,
  SysctlKeyInfo,
  SystemdDirectiveInfo,
  SystemdSection,
  VmArgsFlagInfo,
} from './types';
import { APP_PARAMS, VMARGS_FLAGS } from './vmargsFlags';

export * from './types';
export { checkValue, parseBytesize, parseDurationMs, parseIpPort, parsePercent, parseRate } from './values';
export type { IpPort, Rate } from './values';
export { editDistance, closest } from './distance';
export type { ChildOptions } from './pathIndex';

const hoconIndex = new KeyIndex(EMQX_KEYS, HOCON_VERSIONS);
const flatIndex = new KeyIndex(EMQX4_KEYS, ['4']);

function indexFor(version: EmqxVersion): KeyIndex {
  return version === '4' ? flatIndex : hoconIndex;
}

/**
 * What EMQX knows about a key, e.g. `['listeners','ssl','default','ssl_options','verify']`. Names of
 * listeners, handlers and list positions match `*`; keys under a renamed object (`cluster.etcd.ssl`)
 * resolve through the new name; an alias (`rpc.driver`) returns its own entry with `deprecated` set.
 * Version '4' looks the dotted 4.x flat key up (`['listener','ssl','external','tls_versions']`).
 */
export function emqxKeyInfo(path: readonly string[], version: EmqxVersion): KeyInfo | undefined {
  return indexFor(version).lookup(path, version);
}

/** Direct children of a path for completion, e.g. every listener option for `listeners.ssl.default`. */
export function emqxChildKeys(path: readonly string[], version: EmqxVersion, options?: ChildOptions): KeyInfo[] {
  return indexFor(version).children(path, version, options);
}

/**
 * True when the product knows every key of the object at `path`, so an unknown child is worth
 * reporting: the root and the catalogued sections (node, cluster, rpc, listeners, ssl_options, mqtt,
 * authorization, dashboard, force_shutdown, flapping_detect, overload_protection, log...). False for
 * objects the product treats as opaque (authentication items, bridges, gateways, plugins...), for
 * scalars, for unknown paths and for 4.x files.
 */
export function isKnownSection(path: readonly string[], version: EmqxVersion): boolean {
  if (version === '4') return false;
  if (path.length === 0) return true;
  for (let n = 1; n <= path.length; n++) {
    const info = hoconIndex.lookup(path.slice(0, n), version);
    if (!info || info.open) return false;
    if (n === path.length) return info.type === 'object';
  }
  return false;
}

/**
 * The known sibling closest to the last segment of `path` (a typo such as `fail_if_no_peer_certs`),
 * or undefined when none is near. A name that is itself known comes back unchanged.
 */
export function closestKey(path: readonly string[], version: EmqxVersion): string | undefined {
  if (path.length === 0) return undefined;
  const name = path[path.length - 1];
  // A file may hold thousands of unknown keys under one parent: its children are listed once.
  const parentKey = JSON.stringify([version, ...path.slice(0, -1)]);
  let siblings = siblingCache.get(parentKey);
  if (!siblings) {
    if (siblingCache.size >= SIBLING_CACHE_LIMIT) siblingCache.clear();
    siblings = emqxChildKeys(path.slice(0, -1), version).map((info) => info.path.slice(info.path.lastIndexOf('.') + 1));
    siblingCache.set(parentKey, siblings);
  }
  return closest(name, siblings);
}

const SIBLING_CACHE_LIMIT = 512;
const siblingCache = new Map<string, string[]>();

// ---- Kernel parameters -------------------------------------------------------------------------

const sysctlByKey = new Map(SYSCTL_KEYS.map((k) => [k.key, k]));

/** A kernel parameter by name; `/` separators are accepted as sysctl itself does. */
export function sysctlKeyInfo(key: string): SysctlKeyInfo | undefined {
  const name = key.trim().replace(/^-/, '');
  return sysctlByKey.get(name.includes('/') && !name.includes('.') ? name.replace(/\//g, '.') : name);
}

/** Every kernel parameter the product knows, for completion. */
export function listSysctlKeys(): readonly SysctlKeyInfo[] {
  return SYSCTL_KEYS;
}

// ---- vm.args ------------------------------------------------------------------------------------

const flagsByName = new Map(VMARGS_FLAGS.map((f) => [f.flag, f]));

/** A vm.args flag such as `+P`, `-setcookie` or `-kernel`. */
export function vmargsFlagInfo(flag: string): VmArgsFlagInfo | undefined {
  return flagsByName.get(flag.trim());
}

export function listVmargsFlags(): readonly VmArgsFlagInfo[] {
  return VMARGS_FLAGS;
}

/** An application parameter set in vm.args, e.g. `kernelParamInfo('kernel', 'inet_dist_use_interface')`. */
export function kernelParamInfo(app: string, key: string): AppParamInfo | undefined {
  const appName = app.replace(/^-/, '');
  return APP_PARAMS.find((p) => p.app === appName && p.key === key);
}

/** Known parameters of one application (`kernel` by default), for completion after `-kernel `. */
export function listKernelParams(app = 'kernel'): AppParamInfo[] {
  const appName = app.replace(/^-/, '');
  return APP_PARAMS.filter((p) => p.app === appName);
}

// ---- systemd and limits.conf --------------------------------------------------------------------

/** A directive of a unit section; names are case-sensitive as in systemd. */
export function systemdDirectiveInfo(section: string, key: string): SystemdDirectiveInfo | undefined {
  const name = section.replace(/^\[|\]$/g, '');
  return SYSTEMD_DIRECTIVES.find((d) => d.section === name && d.key === key);
}

/** Directives of one section, or all of them. */
export function listSystemdDirectives(section?: SystemdSection): SystemdDirectiveInfo[] {
  return SYSTEMD_DIRECTIVES.filter((d) => !section || d.section === section);
}

/** A limits.conf item such as `nofile`. */
export function limitsItemInfo(item: string): LimitsItemInfo | undefined {
  return LIMITS_ITEMS.find((i) => i.item === item.trim());
}

export function listLimitsItems(): readonly LimitsItemInfo[] {
  return LIMITS_ITEMS;
}
