/** Kernel settings from sysctl files, applied in the order procps/systemd-sysctl apply them. */
import type { Fact, Origin } from '../deploymentModel';
import type { ParsedSysctl } from '../../parsers';
import { sysctlLoadOrder } from '../../parsers/sysctl';

export function extractSysctl(files: ParsedSysctl[]): { sysctl: Map<string, Fact<string>>; ordered: ParsedSysctl[] } {
  const order = sysctlLoadOrder(files.map((f) => f.file));
  const ordered = order.map((p) => files.find((f) => f.file === p)!).filter(Boolean);
  const sysctl = new Map<string, Fact<string>>();
  for (const f of ordered) {
    for (const e of f.doc.entries) {
      const origin: Origin = { file: f.file, span: e.valueSpan, keySpan: e.keySpan };
      const before = sysctl.get(e.normalizedKey);
      sysctl.set(e.normalizedKey, { value: e.value, explicit: true, origin, overridden: before ? [...before.overridden, before.origin] : [] });
    }
  }
  return { sysctl, ordered };
}
