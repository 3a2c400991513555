/**
 * Which safe fixes one "fix all" applies (the CLI's --fix, the editor's fix-all and workspace command):
 * non-overlapping ones, each with its secrets filled in, the cookie once per cluster (clusterSecrets.ts).
 */
import type { Finding } from '../rules/types';
import type { FileEdit } from '../core/text';
import { fillSecrets, generateCookie, secretPlaceholder } from '../core/secrets';
import type { ClusterSecrets } from './clusterSecrets';

export interface SelectedFix {
  finding: Finding;
  /** The fix's edits with secrets filled in. */
  edits: FileEdit[];
  /** The cookie the fix writes, when it writes one: fixes that write one cookie stand or fall together. */
  cookie?: string;
}

const COOKIE = secretPlaceholder('cookie');

/** Picks non-overlapping safe fixes: the first fix wins where two touch the same text. */
export function selectSafeFixes(findings: readonly Finding[], clusters?: ClusterSecrets): SelectedFix[] {
  const chosen: SelectedFix[] = [];
  const byFile = new Map<string, FileEdit[]>();
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.safe);
    // A fix whose own edits overlap cannot be applied (applyEdits would throw): skip it rather than stop.
    if (!fix || !ownEditsApply(fix.edits)) continue;
    const writesCookie = fix.edits.some((e) => e.newText.includes(COOKIE));
    const cookie = writesCookie ? clusters?.cookieFor(finding.file) ?? generateCookie() : undefined;
    const filled = fillSecrets(fix.edits, { cookie });
    // An edit another fix already makes (two nodes setting the cluster's cookie in a file both include) is made once.
    const same = (e: FileEdit, o: FileEdit) => o.offset === e.offset && o.length === e.length && o.newText === e.newText;
    const edits = filled.filter((e) => !(byFile.get(e.file) ?? []).some((o) => same(e, o)));
    const overlaps = edits.some((e) => (byFile.get(e.file) ?? []).some((o) => e.offset < o.offset + Math.max(o.length, 1) && o.offset < e.offset + Math.max(e.length, 1)));
    if (overlaps || edits.length === 0) continue;
    for (const e of edits) (byFile.get(e.file) ?? byFile.set(e.file, []).get(e.file)!).push(e);
    chosen.push({ finding, edits, cookie });
  }
  return chosen;
}

/** The selected fixes' edits, by file. */
export function editsByFile(fixes: readonly SelectedFix[]): Map<string, FileEdit[]> {
  const byFile = new Map<string, FileEdit[]>();
  for (const fix of fixes) for (const e of fix.edits) (byFile.get(e.file) ?? byFile.set(e.file, []).get(e.file)!).push(e);
  return byFile;
}

export function selectSafeEdits(findings: readonly Finding[], clusters?: ClusterSecrets): Map<string, FileEdit[]> {
  return editsByFile(selectSafeFixes(findings, clusters));
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
