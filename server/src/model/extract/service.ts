/** systemd units (merged with drop-ins) and the environment they give EMQX. */
import * as path from 'node:path';
import type { Fact, ServiceUnit } from '../deploymentModel';
import type { ParsedEnvFile, ParsedFile, ParsedUnit } from '../../parsers';
import { parseFile } from '../../parsers';
import type { FileReader } from '../../parsers/hocon/resolved';
import type { ParseProblem } from '../../core/problems';
import { refusedMessage } from '../../core/sandbox';
import { dropInOrder, getDirective, mergeUnit, parseEnvironmentFileValue, parseEnvironmentValue } from '../../parsers/systemd';

export interface ServiceFacts {
  units: ServiceUnit[];
  /** EnvironmentFile= targets of EMQX units found inside the deployment folder, in the order the units name them. */
  envFiles: ParsedEnvFile[];
  /** EnvironmentFile= targets the read policy refused (`files/read-refused`), at the directive's value. */
  problems: (ParseProblem & { file: string })[];
}

/** Groups unit files by unit name (`emqx.service` and `emqx.service.d/*.conf`) and merges each. */
export function extractServiceFacts(files: ParsedFile[], reader: FileReader, root: string): ServiceFacts {
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
  const problems: ServiceFacts['problems'] = [];
  return { units, envFiles: environmentFiles(units, reader, root, problems), problems };
}

/**
 * Reads the EnvironmentFile= targets of EMQX units, but only inside the deployment folder: the product never
 * reads a machine's /etc. `/etc/emqx/emqx.env` is looked for as <root>/etc/emqx/emqx.env, then beside the
 * unit, then in <root>/etc/ (where a deployment keeps what the host has in /etc/emqx/), then at <root>/emqx.env.
 */
function environmentFiles(units: ServiceUnit[], reader: FileReader, root: string, problems: ServiceFacts['problems']): ParsedEnvFile[] {
  const found: ParsedEnvFile[] = [];
  for (const unit of units.filter((u) => u.isEmqx)) {
    for (const source of unit.directive('Service', 'EnvironmentFile')?.effective ?? []) {
      const ref = parseEnvironmentFileValue(source.entry.value, source.entry.valueSpan.start);
      if (!ref) continue;
      const name = path.basename(ref.path);
      const candidates = [path.join(root, ref.path), path.join(path.dirname(source.file), name), path.join(root, 'etc', name), path.join(root, name)];
      for (const candidate of candidates) {
        if (!candidate.startsWith(root + path.sep) || found.some((f) => f.file === candidate)) continue;
        const refused = reader.refusal?.(candidate);
        if (refused) {
          const { start, end } = source.entry.valueSpan;
          problems.push({ file: source.file, start, end, code: 'files/read-refused', message: refusedMessage(`The EnvironmentFile= target ${candidate}`, refused) });
          break;
        }
        const text = reader.read(candidate);
        if (text === undefined) continue;
        const parsed = parseFile(candidate, text, 'env');
        if (parsed?.kind === 'env') found.push(parsed);
        break;
      }
    }
  }
  return found;
}

/**
 * The environment EMQX units give EMQX, each variable pointing at its value: Environment= assignments
 * (later ones win), then EnvironmentFile= files, which systemd lets override Environment=.
 */
export function extractEnvironment(service: ServiceFacts): Map<string, Fact<string>> {
  const env = new Map<string, Fact<string>>();
  const set = (name: string, fact: Omit<Fact<string>, 'overridden'>) => {
    const before = env.get(name);
    env.set(name, { ...fact, overridden: before ? [...before.overridden, before.origin] : [] });
  };
  for (const unit of service.units.filter((u) => u.isEmqx)) {
    for (const source of unit.directive('Service', 'Environment')?.effective ?? []) {
      const text = unit.parts.find((p) => p.file === source.file)?.text ?? '';
      const { valueSpan } = source.entry;
      for (const a of parseEnvironmentValue(text.slice(valueSpan.start, valueSpan.end), valueSpan.start)) {
        // The value's own span: after NAME=, inside the closing quote if the assignment is quoted.
        const start = a.nameSpan.end + 1;
        const end = a.end > start && (text[a.end - 1] === '"' || text[a.end - 1] === "'") ? a.end - 1 : a.end;
        set(a.name, { value: a.value, explicit: true, origin: { file: source.file, span: { start, end }, keySpan: a.nameSpan } });
      }
    }
  }
  for (const f of service.envFiles) {
    for (const e of f.doc.entries) {
      const quoted = /^["']/.test(f.text.slice(e.valueSpan.start, e.valueSpan.end));
      const span = quoted ? { start: e.valueSpan.start + 1, end: e.valueSpan.end - 1 } : e.valueSpan;
      set(e.name, { value: e.value, explicit: true, origin: { file: f.file, span, keySpan: e.nameSpan } });
    }
  }
  return env;
}
