/**
 * Applies every fix of every finding of a deployment, one at a time, and says what went wrong: the fix
 * breaks the syntax, leaves its finding, disturbs other findings, or does not settle (applying the rule's
 * preferred fix again keeps changing the text). Deployments are virtual files under /deploy.
 */
import type { Finding, Fix } from '../../../server/src/rules/types';
import type { FileEdit, Span, TextEdit } from '../../../server/src/core/text';
import { applyEdits } from '../../../server/src/core/text';
import { fillSecrets } from '../../../server/src/core/secrets';
import { parseFile } from '../../../server/src/parsers';
import { classifyPath } from '../../../server/src/workspace/fileKinds';
import { ROOT, findingsOf, workspaceOf, readerOf, type RuleCase } from '../rules/ruleTester';
import { analyzeWorkspace } from '../../../server/src/engine/engine';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';

export type Files = Record<string, string>;

export interface FixFailure {
  ruleId: string;
  fix: string;
  /** Where the finding was: relative file and 1-based line. */
  at: string;
  reason: string;
}

const rel = (file: string) => (file.startsWith(`${ROOT}/`) ? file.slice(ROOT.length + 1) : file);

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/**
 * Where an offset of the old text lands in the new one. `side` -1 for a start (an insertion exactly at
 * the offset goes before it), 1 for an exclusive end (it goes after). An offset inside a replaced range
 * lands at the start (-1) or the end (1) of the replacement.
 */
export function mapOffset(offset: number, edits: readonly TextEdit[], side: -1 | 1): number {
  let shift = 0;
  for (const e of [...edits].sort((a, b) => a.offset - b.offset)) {
    const end = e.offset + e.length;
    const delta = e.newText.length - e.length;
    if (end < offset || (end === offset && (e.length > 0 || side === -1))) shift += delta;
    else if (e.offset < offset && offset < end) return e.offset + shift + (side === -1 ? 0 : e.newText.length);
    else break;
  }
  return offset + shift;
}

function mapSpan(span: Span, edits: readonly TextEdit[]): Span {
  return { start: mapOffset(span.start, edits, -1), end: Math.max(mapOffset(span.end, edits, 1), mapOffset(span.start, edits, -1)) };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
/** Spans that touch, counting an empty span at the border of the other. */
const touches = (a: Span, b: Span) => a.start <= b.end && b.start <= a.end;

/** A message without the note that the value is EMQX's default (rules/messages.ts defaultNote). */
function withoutDefaultNote(message: string): string {
  return message.replace(/ \(not set, so EMQX [\d.x]+'s default applies\)/g, '');
}

/** Parse problems that mean broken text: every `<format>/syntax` code and HOCON that EMQX's dialect rejects. */
function brokenTextProblems(file: string, text: string): string[] {
  const kind = classifyPath(file);
  if (!kind) return [];
  const parsed = parseFile(file, text, kind);
  return (parsed?.problems ?? []).filter((p) => /\/syntax$/.test(p.code) || p.code === 'hocon/emqx-dialect').map((p) => `${p.code}: ${p.message}`);
}

function groupByFile(edits: readonly FileEdit[]): Map<string, TextEdit[]> {
  const by = new Map<string, TextEdit[]>();
  for (const e of edits) (by.get(e.file) ?? by.set(e.file, []).get(e.file)!).push({ offset: e.offset, length: e.length, newText: e.newText });
  return by;
}

function preferredFix(f: Finding): Fix | undefined {
  return f.fixes.find((x) => x.preferred) ?? f.fixes[0];
}

/** Where the new text of each edit lies in the edited text. */
function writtenRegions(edits: readonly TextEdit[]): Span[] {
  return edits.map((e) => {
    const start = mapOffset(e.offset, edits, -1);
    return { start, end: start + e.newText.length };
  });
}

/** Checks one fix of one finding; returns the reasons it is not safe (empty when it is). */
export function checkFix(files: Files, before: Finding[], finding: Finding, fix: Fix, settings: RuleCase['settings'] = {}): string[] {
  const reasons: string[] = [];
  const edits = fillSecrets(fix.edits);
  if (edits.length === 0) return ['the fix has no edits'];
  const byFile = groupByFile(edits);
  const after: Files = { ...files };
  for (const [file, list] of byFile) {
    const name = rel(file);
    if (files[name] === undefined) {
      reasons.push(`edits ${file}, which is not a file of the deployment`);
      continue;
    }
    try {
      after[name] = applyEdits(files[name], list);
    } catch (err) {
      reasons.push(`its edits do not apply to ${name}: ${(err as Error).message}`);
    }
  }
  if (reasons.length) return reasons;

  // (a) Every edited file parses with no new syntax or dialect problem.
  for (const file of byFile.keys()) {
    const name = rel(file);
    const old = brokenTextProblems(file, files[name]);
    for (const p of brokenTextProblems(file, after[name])) {
      const i = old.indexOf(p);
      if (i >= 0) old.splice(i, 1);
      else reasons.push(`${name} gets a new problem: ${p}`);
    }
  }

  // (c, first half) Files the fix does not name are untouched.
  for (const name of Object.keys(files)) {
    if (!byFile.has(`${ROOT}/${name}`) && after[name] !== files[name]) reasons.push(`${name} changed although no edit names it`);
  }

  let again: Finding[];
  try {
    again = findingsOf(undefined, { name: 'after the fix', files: after, settings });
  } catch (err) {
    return [...reasons, `the analysis after the fix threw: ${(err as Error).message}`];
  }
  const editsIn = (file: string) => byFile.get(file) ?? [];
  const textAfter = (file: string) => after[rel(file)] ?? '';

  // (b) The finding is gone: nothing of its rule left where it was; when the fix only inserts (or edits
  // elsewhere), the rule has fewer findings in that file than before.
  const ownEdits = editsIn(finding.file);
  const atFinding = ownEdits.some((e) => e.length > 0 && touches({ start: e.offset, end: e.offset + e.length }, finding.span));
  if (atFinding) {
    const place = mapSpan(finding.span, ownEdits);
    const left = again.find((f) => f.ruleId === finding.ruleId && f.file === finding.file && touches(f.span, place));
    if (left) reasons.push(`the finding is still there after the fix (line ${lineOf(textAfter(left.file), left.span.start)}: ${left.message})`);
  } else {
    const count = (list: Finding[]) => list.filter((f) => f.ruleId === finding.ruleId && f.file === finding.file).length;
    if (count(again) >= count(before)) reasons.push(`${finding.ruleId} still has ${count(again)} finding(s) in ${rel(finding.file)} (${count(before)} before the fix)`);
  }

  // (c, second half) No new findings: every finding after the fix was there before, at the same line once
  // the edits are accounted for or (for findings anchored on a block the fix moved) with the same message.
  // Matched in rounds, strictest first, so a loose match cannot take the partner of an exact one.
  const pool = before.map((f) => ({ f, line: lineOf(textAfter(f.file), mapOffset(f.span.start, editsIn(f.file), -1)), used: false }));
  const unmatched = again.map((f) => ({ f, line: lineOf(textAfter(f.file), f.span.start) }));
  const rounds: ((p: (typeof pool)[number], a: (typeof unmatched)[number]) => boolean)[] = [
    (p, a) => p.line === a.line && p.f.message === a.f.message,
    (p, a) => p.f.message === a.f.message,
    (p, a) => p.line === a.line,
    // A default the fix wrote down: the same message without "(not set, so EMQX 5.x's default applies)".
    (p, a) => withoutDefaultNote(p.f.message) === withoutDefaultNote(a.f.message),
  ];
  let open = unmatched;
  for (const same of rounds) {
    open = open.filter((a) => {
      const match = pool.find((p) => !p.used && p.f.ruleId === a.f.ruleId && p.f.file === a.f.file && same(p, a));
      if (match) match.used = true;
      return !match;
    });
  }
  // A fix must not make things worse: no new error or warning. Advice may appear once a fix writes a value
  // down (an inline secret becomes visible to secrets/plaintext, a written limit to a sizing hint).
  for (const a of open) if (a.f.severity === 'error' || a.f.severity === 'warning') reasons.push(`new finding ${a.f.ruleId} at ${rel(a.f.file)}:${a.line}: ${a.f.message}`);

  // (d) Idempotent: the rule's preferred fix at the same place (or over the text the fix wrote) changes nothing.
  const written = new Map([...byFile].map(([file, list]) => [file, writtenRegions(list)]));
  const place = mapSpan(finding.span, ownEdits);
  for (const f of again.filter((x) => x.ruleId === finding.ruleId)) {
    const regions = written.get(f.file) ?? [];
    const samePlace = f.file === finding.file && atFinding && touches(f.span, place);
    const next = preferredFix(f);
    if (!next) continue;
    const nextEdits = fillSecrets(next.edits);
    const rewrites = nextEdits.some((e) => e.length > 0 && regions.some((r) => overlaps(r, { start: e.offset, end: e.offset + e.length })));
    if (!samePlace && !rewrites) continue;
    const changed = [...groupByFile(nextEdits)].some(([file, list]) => {
      const name = rel(file);
      if (after[name] === undefined) return true;
      try {
        return applyEdits(after[name], list) !== after[name];
      } catch {
        return true;
      }
    });
    if (changed) reasons.push(`not idempotent: after the fix, "${next.title}" for ${f.ruleId} at ${rel(f.file)}:${lineOf(textAfter(f.file), f.span.start)} changes the text again`);
  }
  return reasons;
}

/** Checks every fix of every finding of a deployment. */
export function checkAllFixes(files: Files): { failures: FixFailure[]; fixesChecked: number; findings: Finding[] } {
  // The EMQX version is a property of the deployment, not of the value a fix replaces (replacing 6.x's
  // default cookie must not turn the deployment into a 5.x one), so both analyses use the detected version.
  const ws = workspaceOf(files);
  const version = analyzeWorkspace(ws, DEFAULT_SETTINGS, readerOf(files)).models[0]?.version;
  const settings: RuleCase['settings'] = version ? { emqxVersion: version } : {};
  const before = findingsOf(undefined, { name: 'before', files, settings });
  const failures: FixFailure[] = [];
  let fixesChecked = 0;
  for (const finding of before) {
    for (const fix of finding.fixes) {
      fixesChecked++;
      const at = `${rel(finding.file)}:${lineOf(files[rel(finding.file)] ?? '', finding.span.start)}`;
      let reasons: string[];
      try {
        reasons = checkFix(files, before, finding, fix, settings);
      } catch (err) {
        reasons = [`checking the fix threw: ${(err as Error).stack ?? String(err)}`];
      }
      for (const reason of reasons) failures.push({ ruleId: finding.ruleId, fix: fix.title, at, reason });
    }
  }
  return { failures, fixesChecked, findings: before };
}

/** One line per failure, grouped under the deployment's name, for an assertion message that reads as a to-do list. */
export function describeFailures(deployment: string, failures: FixFailure[]): string[] {
  return failures.map((f) => `[${deployment}] ${f.ruleId} — "${f.fix}" (${f.at}): ${f.reason}`);
}
