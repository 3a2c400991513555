/** systemd units (merged with drop-ins) and the environment they give EMQX. */
import * as path from 'node:path';
import type { Fact, ServiceUnit } from '../deploymentModel';
import type { ParsedFile, ParsedUnit } from '../../parsers';
import type { FileReader } from '../../parsers/hocon/resolved';
import { dropInOrder, getDirective, mergeUnit, parseEnvironmentValue } from '../../parsers/systemd';

export interface ServiceFacts {
  units: ServiceUnit[];
}

/** Groups unit files by unit name (`emqx.service` and `emqx.service.d/*.conf`) and merges each. */
export function extractServiceFacts(files: ParsedFile[], _reader: FileReader): ServiceFacts {
  const byName = new Map<string, ParsedUnit[]>();
  for (const f of files) {
    if (f.kind !== 'systemd') continue;
    const parent = path.basename(path.dirname(f.file));
    const name = parent.endsWith('.d') && f.file.endsWith('.conf') ? parent.slice(0, -2) : path.basename(f.file);
    (byName.get(name) ?? byName.set(name, []).get(name)!).push(f);
  }
  const units: ServiceUnit[] = [];
  for (const [name, parts] of byName) {
    const order = dropInOrder(parts.map((p) => p.file));
    const ordered = order.map((p) => parts.find((f) => f.file === p)!).filter(Boolean);
    if (ordered.length === 0) continue;
    const merged = mergeUnit(ordered.map((p) => ({ file: p.file, doc: p.doc })));
    const execStart = getDirective(merged, 'Service', 'ExecStart')?.values.join(' ') ?? '';
    units.push({
      file: ordered[0].file,
      name,
      parts: ordered,
      isEmqx: /^emqx/i.test(name) || /(^|[/\s])emqx(\s|$|ctl)/.test(execStart),
      directive: (section, key) => getDirective(merged, section, key),
    });
  }
  return { units };
}

/** The environment EMQX units set with Environment= (later assignments win), each pointing at its value. */
export function extractEnvironment(service: ServiceFacts): Map<string, Fact<string>> {
  const env = new Map<string, Fact<string>>();
  for (const unit of service.units.filter((u) => u.isEmqx)) {
    for (const source of unit.directive('Service', 'Environment')?.effective ?? []) {
      const text = unit.parts.find((p) => p.file === source.file)?.text ?? '';
      const { valueSpan } = source.entry;
      for (const a of parseEnvironmentValue(text.slice(valueSpan.start, valueSpan.end), valueSpan.start)) {
        // The value's own span: after NAME=, inside the closing quote if the assignment is quoted.
        const start = a.nameSpan.end + 1;
        const end = a.end > start && (text[a.end - 1] === '"' || text[a.end - 1] === "'") ? a.end - 1 : a.end;
        const before = env.get(a.name);
        env.set(a.name, { value: a.value, explicit: true, origin: { file: source.file, span: { start, end }, keySpan: a.nameSpan }, overridden: before ? [...before.overridden, before.origin] : [] });
      }
    }
  }
  return env;
}
