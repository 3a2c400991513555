/** Human-readable output: one line per finding, grouped by file, and a summary. */
import type { Severity } from '../../core/problems';
import type { FormatInput } from './common';
import { displayPath, Locator } from './common';
import { printable, printableLine } from '../../core/printable';

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };
const RESET = '\x1b[0m';

export function formatText({ findings, textOf, cwd, color }: FormatInput): string {
  const locator = new Locator(textOf);
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const f of findings) {
    if (f.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      const shown = printableLine(displayPath(f.file, cwd));
      lines.push(color ? `\x1b[4m${shown}${RESET}` : shown);
      currentFile = f.file;
    }
    const r = locator.range(f.file, f.span);
    const sev = color ? `${COLORS[f.severity]}${f.severity.padEnd(7)}${RESET}` : f.severity.padEnd(7);
    const fix = f.fixes.length ? ' [fixable]' : '';
    // Messages are printable already (engine.ts); this sink escapes again so no caller can bypass it.
    lines.push(`  ${`${r.startLine}:${r.startColumn}`.padEnd(8)} ${sev} ${printable(f.message)}  ${printableLine(f.ruleId)}${fix}`);
  }
  lines.push('', summary(findings));
  return lines.join('\n') + '\n';
}

export function summary(findings: FormatInput['findings']): string {
  if (findings.length === 0) return 'No findings.';
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const parts = (['error', 'warning', 'info', 'hint'] as Severity[])
    .map((s) => [s, count(s)] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s === 'info' ? 'info' : s + (n === 1 ? '' : 's')}`);
  const fixable = findings.filter((f) => f.fixes.some((x) => x.safe)).length;
  const total = `${findings.length} finding${findings.length === 1 ? '' : 's'} (${parts.join(', ')})`;
  return fixable ? `${total}; ${fixable} fixable with --fix.` : `${total}.`;
}
