/**
 * Shared by the kernel, service-limit and cross-file rules: thresholds derived from the
 * `targetConnections` setting, the effective value of a kernel parameter, and edits to sysctl files.
 * Not a rule (rules are the files listed in index.ts).
 */
import type { FileEdit, Span } from '../../core/text';
import type { DeploymentModel, Fact } from '../../model/deploymentModel';
import type { Settings } from '../../core/settings';
import type { ParsedSysctl } from '../../parsers';
import { insertEntry, normalizeSysctlKey, setValue } from '../../parsers/sysctl';

/** The smallest power of two at or above `n` (at least 1). */
export function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/**
 * File descriptors a broker host should allow for `targetConnections`: twice the target, rounded up to
 * a power of two (1,000,000 connections -> 2097152), leaving room for files, cluster links and backends.
 * The threshold of fs.file-max and fs.nr_open, and the value fixes write for them and for LimitNOFILE.
 */
export function descriptorTarget(settings: Settings): number {
  return nextPowerOfTwo(2 * settings.targetConnections);
}

/**
 * The least a process limit (LimitNOFILE, limits.conf nofile) may be: the target rounded up to a power of
 * two (1,000,000 -> 1048576, the value EMQX's own unit file ships).
 */
export function processLimitFloor(settings: Settings): number {
  return nextPowerOfTwo(settings.targetConnections);
}

/** Both names write the conntrack table size; the older one is still accepted. */
export const CONNTRACK_MAX_KEYS = ['net.netfilter.nf_conntrack_max', 'net.nf_conntrack_max'];

/** True when the deployment tunes netfilter connection tracking, i.e. the host tracks connections. */
export function tunesConntrack(model: DeploymentModel): boolean {
  for (const key of model.sysctl.keys()) if (/^net\.(netfilter\.)?nf_conntrack_/.test(key)) return true;
  return false;
}

/** A kernel parameter's value as the OS ends up with it, and which spelling of the key set it. */
export interface EffectiveSysctl {
  key: string;
  fact: Fact<string>;
  /** The file that sets it (the one the winning line is in). */
  file: ParsedSysctl;
}

/**
 * The value that takes effect for a parameter that has several names (`net.netfilter.nf_conntrack_max`
 * and `net.nf_conntrack_max` write the same variable): the one applied last.
 */
export function effectiveSysctl(model: DeploymentModel, keys: readonly string[]): EffectiveSysctl | undefined {
  let best: { e: EffectiveSysctl; rank: number; at: number } | undefined;
  for (const key of keys) {
    const fact = model.sysctl.get(normalizeSysctlKey(key));
    if (!fact) continue;
    const rank = model.sysctlFiles.findIndex((f) => f.file === fact.origin.file);
    if (rank < 0) continue;
    const at = fact.origin.span.start;
    if (!best || rank > best.rank || (rank === best.rank && at > best.at)) best = { e: { key, fact, file: model.sysctlFiles[rank] }, rank, at };
  }
  return best?.e;
}

/** A whole non-negative integer value, or undefined (`1024 65535`, `abc` and empty values are not). */
export function integerValue(value: string): number | undefined {
  return /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

/** Sets the line that takes effect to `value`, in the file it is in. */
export function setSysctlEdits(effective: EffectiveSysctl, value: string): FileEdit[] {
  return setValue(effective.file.doc, effective.key, value).map((e) => ({ ...e, file: effective.file.file }));
}

/** The file an absent parameter is added to: the one applied last, so nothing overrides the new line. */
export function insertTarget(model: DeploymentModel): ParsedSysctl | undefined {
  return model.sysctlFiles[model.sysctlFiles.length - 1];
}

/** Adds `key = value` to the file applied last, next to the keys it shares a prefix with. */
export function insertSysctlEdits(model: DeploymentModel, key: string, value: string): FileEdit[] {
  const target = insertTarget(model);
  if (!target) return [];
  return insertEntry(target.doc, key, value).map((e) => ({ ...e, file: target.file }));
}

/** Where a finding about an absent parameter is shown: the first line of the file a fix would add it to. */
export function absentLocation(model: DeploymentModel): { file: string; span: Span } | undefined {
  const target = insertTarget(model);
  return target ? { file: target.file, span: { start: 0, end: 0 } } : undefined;
}

/** `1048576` as `1,048,576` for messages. */
export function grouped(n: number): string {
  return n.toLocaleString('en-US');
}
