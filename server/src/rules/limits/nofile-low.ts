import * as path from 'node:path';
import type { Rule } from '../types';
import { docsPath } from '../types';
import type { ParsedLimits } from '../../parsers';
import type { LimitsEntry } from '../../parsers/limits';
import { descriptorTarget, grouped, processLimitFloor } from '../helpers/sysctlKernel';

const id = 'limits/nofile-low';

/** A nofile line and its file. */
interface Line {
  file: ParsedLimits;
  entry: LimitsEntry;
}

/** pam_limits ranks a user's own line over its group's over the wildcard; among equals the last line read wins. */
const RANK: Partial<Record<LimitsEntry['domainKind'], number>> = { user: 3, group: 2, wildcard: 1 };

function appliesToEmqx(e: LimitsEntry): boolean {
  return (e.domainKind === 'user' && e.domain.text === 'emqx') || (e.domainKind === 'group' && e.domain.text === '@emqx') || e.domainKind === 'wildcard';
}

/** The nofile line that sets the emqx user's soft or hard limit, as pam_limits picks it. */
export function winningNofile(files: readonly ParsedLimits[], type: 'soft' | 'hard'): Line | undefined {
  // limits.conf is read first, then limits.d/*.conf by name.
  const ordered = [...files].sort((a, b) => Number(path.basename(b.file) === 'limits.conf') - Number(path.basename(a.file) === 'limits.conf') || path.basename(a.file).localeCompare(path.basename(b.file)));
  let best: Line | undefined;
  for (const file of ordered) {
    for (const entry of file.doc.entries) {
      if (entry.item.text.toLowerCase() !== 'nofile' || !appliesToEmqx(entry) || (entry.type.text !== type && entry.type.text !== '-')) continue;
      if (!best || RANK[entry.domainKind]! >= RANK[best.entry.domainKind]!) best = { file, entry };
    }
  }
  return best;
}

const numeric = (line: Line | undefined) => (line && /^\d+$/.test(line.entry.value.text) ? Number(line.entry.value.text) : undefined);

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'limits.conf gives the emqx user too few open files', path: docsPath(id) },
  check({ model, settings, report }) {
    const floor = processLimitFloor(settings);
    const target = String(descriptorTarget(settings));
    const soft = winningNofile(model.limits, 'soft');
    const hard = winningNofile(model.limits, 'hard');
    const edit = (line: Line) => (line.entry.value.text === target ? [] : [{ file: line.file.file, offset: line.entry.value.start, length: line.entry.value.end - line.entry.value.start, newText: target }]);
    for (const [line, other] of [[soft, hard], [hard, undefined]] as const) {
      const value = numeric(line);
      if (!line || value === undefined || value >= floor) continue;
      if (line === hard && soft?.entry === hard.entry) continue; // one `-` line sets both: reported once
      // Raising the soft limit above a low hard limit would make pam_limits refuse it, so raise both.
      const alsoHard = other && other.entry !== line.entry && (numeric(other) ?? Infinity) < Number(target) ? edit(other) : [];
      const { domain, type, item } = line.entry;
      report({
        file: line.file.file,
        span: line.entry.value,
        message: `${domain.text} ${type.text} ${item.text} ${value} in ${path.basename(line.file.file)} lets an EMQX started from a login session open only ${grouped(value)} files, below ${grouped(floor)}, so it refuses clients long before the ${grouped(settings.targetConnections)} it is sized for.`,
        fixes: [{ title: `Set nofile to ${target}`, edits: [...edit(line), ...alsoHard], preferred: true, safe: true }],
      });
    }
  },
};
