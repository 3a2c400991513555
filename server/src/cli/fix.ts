/**
 * --fix: apply every safe fix once and report what changed and what did not (or print a diff with
 * --dry-run). Every target is checked before anything is written (inside the scanned folders, unchanged
 * since the scan, writable); fixes that write one cookie stand or fall together, so a file that cannot be
 * written never leaves a cluster with two cookies. Files keep their bytes outside the edited ranges.
 */
import type { Io } from './io';
import type { AnalysisResult } from '../engine/engine';
import type { Workspace } from '../workspace/workspace';
import { applyEdits, type FileEdit } from '../core/text';
import { selectSafeFixes, type SelectedFix } from '../engine/safeFixes';
import { textLookup } from '../host/analysis';
import { ClusterSecrets } from '../engine/clusterSecrets';
import { readDecodedFile } from '../workspace/discover';
import { spliceEdits, type DecodedBytes } from '../workspace/fileBytes';
import { checkTarget, commitWrite, discardWrite, stageWrite, type CheckedTarget, type StagedWrite } from '../workspace/safeWrite';
import { describeFsError } from '../workspace/discover';
import { unifiedDiff } from './diff';
import { displayPath } from './format/common';

export interface FixInput {
  result: AnalysisResult;
  ws: Workspace;
  /** The bytes the scan read, by file (workspace files); other targets are read when a fix needs them. */
  disk: ReadonlyMap<string, DecodedBytes>;
  /** The scanned folders, symlinks resolved: nothing outside them is written. */
  realRoots: readonly string[];
  dryRun: boolean;
  /** What the dry-run diff passes through: secret values of the files redacted, control characters escaped. */
  conceal?: (text: string) => string;
}

export interface FixOutcome {
  changedFiles: number;
  /** Files a safe fix targets that were left as they were, each reported with its reason. */
  unchangedFiles: number;
}

interface Target {
  decoded: DecodedBytes;
  checked: CheckedTarget;
}

export function applyFixes(input: FixInput, io: Io): FixOutcome {
  const { result, ws } = input;
  const fixes = selectSafeFixes(result.findings, new ClusterSecrets(result.models));

  const blocked = new Map<string, string>();
  const targets = new Map<string, Target>();
  // Edits' offsets are into the text the analysis read: a workspace file, an EnvironmentFile= target, an include.
  const textOf = textLookup(ws, result.models);
  for (const file of new Set(fixes.flatMap((f) => f.edits.map((e) => e.file)))) {
    const target = prepareTarget(file, textOf(file), input);
    if ('reason' in target) blocked.set(file, target.reason);
    else targets.set(file, target);
  }

  const shown = (file: string) => displayPath(file, io.cwd);
  // Staging a file can fail too (disk full, an owner that cannot be kept): block it and plan again.
  for (;;) {
    const kept = keptFixes(fixes, blocked);
    const { plans, unusable } = planWrites(kept, targets);
    if (unusable) {
      blocked.set(unusable, 'its fixes do not apply to its text (please report this)');
      continue;
    }
    if (input.dryRun) {
      const conceal = input.conceal ?? ((t: string) => t);
      for (const p of plans) io.out(conceal(unifiedDiff(shown(p.file), p.before, p.after)));
      report(fixes, kept, blocked, [], io);
      return { changedFiles: plans.length, unchangedFiles: blocked.size };
    }
    const staged: StagedWrite[] = [];
    let failed: string | undefined;
    for (const p of plans) {
      try {
        staged.push(stageWrite(targets.get(p.file)!.checked, p.bytes));
      } catch (err) {
        blocked.set(p.file, `it cannot be written (${describeFsError(err)})`);
        failed = p.file;
        break;
      }
    }
    if (failed !== undefined) {
      for (const s of staged) discardWrite(s);
      continue;
    }
    const written: typeof plans = [];
    for (const [i, p] of plans.entries()) {
      try {
        commitWrite(staged[i]);
        written.push(p);
        if (ws.has(p.file)) ws.set(p.file, p.after, ws.get(p.file)!.kind);
      } catch (err) {
        discardWrite(staged[i]);
        blocked.set(p.file, `it could not be replaced (${describeFsError(err)}); the other files were written`);
      }
    }
    report(fixes, kept, blocked, written, io);
    return { changedFiles: written.length, unchangedFiles: blocked.size };
  }
}

/** The bytes of a fix target as the scan analysed them, checked for writing; or why it is left alone. */
function prepareTarget(file: string, analysed: string | undefined, input: FixInput): Target | { reason: string } {
  // EnvironmentFile= targets and included files are not workspace files: the model read them, and they are read again here.
  if (analysed === undefined) return { reason: 'the scan did not read it' };
  let decoded = input.disk.get(file);
  if (!decoded) {
    const read = readDecodedFile(file);
    if (!read.decoded) return { reason: `it cannot be read (${read.error})` };
    decoded = read.decoded;
  }
  if (decoded.text !== analysed) return { reason: 'it changed on disk since the scan read it; run mqtt-harden again' };
  const checked = checkTarget(file, decoded.bytes, input.realRoots);
  return 'reason' in checked ? checked : { decoded, checked };
}

/** The fixes none of whose files is blocked, less every fix that writes a cookie some dropped fix writes. */
function keptFixes(fixes: readonly SelectedFix[], blocked: ReadonlyMap<string, string>): SelectedFix[] {
  const droppedCookies = new Set<string>();
  let kept = [...fixes];
  for (let changed = true; changed; ) {
    changed = false;
    kept = kept.filter((f) => {
      const drop = f.edits.some((e) => blocked.has(e.file)) || (f.cookie !== undefined && droppedCookies.has(f.cookie));
      if (drop && f.cookie !== undefined && !droppedCookies.has(f.cookie)) {
        droppedCookies.add(f.cookie);
        changed = true;
      }
      return !drop;
    });
  }
  return kept;
}

interface Plan {
  file: string;
  before: string;
  after: string;
  bytes: Buffer;
  edits: number;
}

/** The new bytes of every file the kept fixes change; or the first file whose edits do not apply (a bug in a fix). */
function planWrites(kept: readonly SelectedFix[], targets: ReadonlyMap<string, Target>): { plans: Plan[]; unusable?: string } {
  const byFile = new Map<string, FileEdit[]>();
  for (const f of kept) for (const e of f.edits) (byFile.get(e.file) ?? byFile.set(e.file, []).get(e.file)!).push(e);
  const plans: Plan[] = [];
  for (const [file, edits] of [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const { decoded } = targets.get(file)!;
    let bytes: Buffer;
    try {
      bytes = spliceEdits(decoded, edits);
    } catch {
      return { plans, unusable: file };
    }
    if (bytes.equals(decoded.bytes)) continue;
    plans.push({ file, before: decoded.text, after: applyEdits(decoded.text, edits), bytes, edits: edits.length });
  }
  return { plans };
}

function report(fixes: readonly SelectedFix[], kept: readonly SelectedFix[], blocked: ReadonlyMap<string, string>, written: readonly Plan[], io: Io): void {
  const shown = (file: string) => displayPath(file, io.cwd);
  for (const p of written) io.err(`mqtt-harden: fixed ${shown(p.file)} (${p.edits} edit${p.edits === 1 ? '' : 's'})\n`);
  for (const [file, reason] of blocked) io.err(`mqtt-harden: not changed: ${shown(file)}: ${reason}\n`);
  // A fix is applied whole or not at all, and fixes that write one cookie go together.
  const keptSet = new Set(kept);
  const skipped = new Map<string, number>();
  for (const f of fixes) {
    if (keptSet.has(f)) continue;
    for (const file of new Set(f.edits.map((e) => e.file))) if (!blocked.has(file)) skipped.set(file, (skipped.get(file) ?? 0) + 1);
  }
  for (const [file, n] of skipped) {
    const why = n === 1 ? 'it also changes a file left unchanged, or writes the cookie such a fix writes' : 'each also changes a file left unchanged, or writes the cookie such a fix writes';
    io.err(`mqtt-harden: skipped ${n} fix${n === 1 ? '' : 'es'} in ${shown(file)}: ${why} (a fix is applied whole, and every node keeps one cookie)\n`);
  }
}
