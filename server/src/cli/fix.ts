/** --fix: apply every safe fix once, file by file, and report what changed (or print a diff with --dry-run). */
import * as fs from 'node:fs';
import type { Io } from './main';
import type { Finding } from '../rules/types';
import type { Workspace } from '../workspace/workspace';
import { applyEdits, type FileEdit } from '../core/text';
import { fillSecrets } from '../core/secrets';
import { unifiedDiff } from './diff';
import { displayPath } from './format/common';
import { describeFsError } from '../workspace/discover';

/** Picks non-overlapping safe fixes: the first fix wins where two touch the same text. */
export function selectSafeEdits(findings: Finding[]): Map<string, FileEdit[]> {
  const byFile = new Map<string, FileEdit[]>();
  const taken = new Set<string>();
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.safe);
    // A fix whose own edits overlap cannot be applied (applyEdits would throw): skip it rather than stop.
    if (!fix || !ownEditsApply(fix.edits)) continue;
    const overlaps = fix.edits.some((e) => (byFile.get(e.file) ?? []).some((o) => e.offset < o.offset + Math.max(o.length, 1) && o.offset < e.offset + Math.max(e.length, 1)));
    const key = fix.edits.map((e) => `${e.file}:${e.offset}:${e.length}:${e.newText}`).join('|');
    if (overlaps || taken.has(key)) continue;
    taken.add(key);
    for (const e of fillSecrets(fix.edits)) (byFile.get(e.file) ?? byFile.set(e.file, []).get(e.file)!).push(e);
  }
  return byFile;
}

/** Within each file, no edit starts inside the range another one replaces (insertions at one offset are fine). */
function ownEditsApply(edits: readonly FileEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.offset - b.offset));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    if (prev.file === sorted[i].file && sorted[i].offset < prev.offset + prev.length) return false;
  }
  return true;
}

/** `conceal`: what the dry-run diff passes through (secret values of the files redacted, control characters escaped). */
export function applyFixes(findings: Finding[], ws: Workspace, dryRun: boolean, io: Io, conceal: (text: string) => string = (t) => t): { changedFiles: number; error?: boolean } {
  const edits = selectSafeEdits(findings);
  let changedFiles = 0;
  for (const [file, fileEdits] of edits) {
    const before = ws.get(file)?.text ?? '';
    const after = applyEdits(before, fileEdits);
    if (after === before) continue;
    changedFiles++;
    const shown = displayPath(file, io.cwd);
    if (dryRun) {
      io.out(conceal(unifiedDiff(shown, before, after)));
      continue;
    }
    try {
      fs.writeFileSync(file, after);
    } catch (err) {
      io.err(`mqtt-harden: cannot write ${shown}: ${describeFsError(err)}\n`);
      return { changedFiles, error: true };
    }
    ws.set(file, after);
    io.err(`mqtt-harden: fixed ${shown} (${fileEdits.length} edit${fileEdits.length === 1 ? '' : 's'})\n`);
  }
  return { changedFiles };
}
