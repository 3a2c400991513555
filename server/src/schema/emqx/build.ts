/** Small builders that keep the EMQX key tables short and readable. */
import type { DefaultValue, EmqxVersion, KeyInfo, ValueType } from '../types';

export type KeySpec = Omit<KeyInfo, 'path' | 'type' | 'description'>;

export const DURATION_UNITS = ['ms', 's', 'm', 'h', 'd'];
export const BYTE_UNITS = ['KB', 'MB', 'GB'];
export const RATE_UNITS = ['/s', '/m', '/h', 'KB/s', 'MB/s'];
export const TLS_VERSIONS = ['tlsv1.3', 'tlsv1.2', 'tlsv1.1', 'tlsv1'];
export const LOG_LEVELS = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency', 'all'];

/** Versions 5.1+ (5.x after 5.0 and 6.x). */
export const V5_PLUS: EmqxVersion[] = ['5', '6'];
export const V6: EmqxVersion[] = ['6'];

/** The same default in every HOCON version. */
export function dAll(value: DefaultValue): Partial<Record<EmqxVersion, DefaultValue>> {
  return { '5.0': value, '5': value, '6': value };
}

/** Builds one entry; units follow from the type unless given. */
export function key(path: string, type: ValueType, description: string, spec: KeySpec = {}): KeyInfo {
  const info: KeyInfo = { path, type, description, ...spec };
  if (!info.units && type === 'duration') info.units = DURATION_UNITS;
  if (!info.units && type === 'bytesize') info.units = BYTE_UNITS;
  if (!info.units && type === 'rate') info.units = RATE_UNITS;
  return info;
}

/** An object entry whose children are listed in the same table. */
export function obj(path: string, description: string, spec: KeySpec = {}): KeyInfo {
  return key(path, 'object', description, spec);
}

/** An object or array of objects whose children the product does not catalogue. */
export function opaque(path: string, description: string, spec: KeySpec = {}, type: ValueType = 'object'): KeyInfo {
  return key(path, type, description, { ...spec, open: true });
}

/**
 * An old name EMQX still accepts for `target`: same type and checks, marked deprecated so the
 * `emqx/deprecated-key` rule can offer the rename.
 */
export function alias(name: string, target: KeyInfo, since?: string): KeyInfo {
  const parent = target.path.includes('.') ? target.path.slice(0, target.path.lastIndexOf('.') + 1) : '';
  const current = target.path.slice(parent.length);
  return {
    ...target,
    path: parent + name,
    description: `Older name of \`${current}\`, still accepted. ${target.description}`,
    deprecated: { replacedBy: target.path, ...(since ? { since } : {}), alias: true },
    ruleIds: [...(target.ruleIds ?? []), 'emqx/deprecated-key'],
    defaults: undefined,
  };
}

/** Puts a group of relative entries under `prefix` (paths and deprecation targets alike). */
export function under(prefix: string, infos: KeyInfo[]): KeyInfo[] {
  return infos.map((info) => ({
    ...info,
    path: `${prefix}.${info.path}`,
    ...(info.deprecated ? { deprecated: { ...info.deprecated, replacedBy: `${prefix}.${info.deprecated.replacedBy}` } } : {}),
  }));
}

/** Restricts entries to some versions (keeps a narrower restriction already present). */
export function onlyIn(versions: EmqxVersion[], infos: KeyInfo[]): KeyInfo[] {
  return infos.map((info) => ({
    ...info,
    versions: info.versions ? info.versions.filter((v) => versions.includes(v)) : versions,
  }));
}
