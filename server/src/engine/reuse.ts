/**
 * Re-using rule results across an edit of one HOCON file. Each rule's last run recorded what it read
 * (model/observe.ts); after an edit a rule runs again only when the edit may change something it read,
 * or when one of its findings or fixes meets the edited text. The other rules' findings are moved to
 * the new text's offsets. The unit tests check the result against a full analysis after every edit.
 */
import type { DeploymentModel, Fact } from '../model/deploymentModel';
import type { ParsedFile } from '../parsers';
import type { Finding } from '../rules/types';
import type { Settings } from '../core/settings';
import type { Span } from '../core/text';
import type { DerivedPart, Reads } from '../model/observe';
import type { ModelTrace } from '../model/build';
import { shiftSpan, textChange, type TextChange } from './changes';
import { diffResolved, enclosingBlockPath, touches, type ConfigChanges } from '../parsers/hocon/incremental/diff';

/** One rule's last run: what it read, and its findings with plain spans in the text it ran on. */
export interface RuleResult {
  reads: Reads;
  findings: Finding[];
}

export type RuleResults = Map<string, RuleResult>;

/** What the engine knows about an edit when it decides which rules to re-run. */
export interface Reuse {
  previous: RuleResults;
  change: TextChange;
  config: ConfigChanges;
  problemsChanged: boolean;
  /** A file mode on disk differs (they are read when the model is built). */
  modesChanged: boolean;
  /** The reads behind each derived part, of the previous model and of the new one. */
  derived: Record<DerivedPart, Reads[]>;
}

/**
 * What the next edit needs of an analysis. Not the model: the next re-parse moves its tree in place
 * (parsers/hocon/incremental/reparse.ts), so only the trace, taken at build time, is read (model/build.ts).
 */
export interface PreviousAnalysis {
  files: ParsedFile[];
  settings: Settings;
  trace?: ModelTrace;
  results?: RuleResults;
}

/**
 * How to re-use `prev` for a deployment whose only change is the text of one HOCON file (the typing case);
 * undefined when anything else changed, so every rule runs. `trace`: what building the new model saw.
 */
export function reuseFor(prev: PreviousAnalysis | undefined, files: ParsedFile[], settings: Settings, trace: ModelTrace | undefined): Reuse | undefined {
  if (!prev?.results || !prev.trace || !trace || prev.settings !== settings || prev.files.length !== files.length) return undefined;
  const changed = files.filter((f, i) => f !== prev.files[i]);
  if (changed.length !== 1) return undefined;
  const now = changed[0];
  const before = prev.files[files.indexOf(now)];
  const oldTrace = prev.trace;
  const newTrace = trace;
  if (before.file !== now.file || !isHocon(before) || !isHocon(now) || oldTrace.syntaxErrors || newTrace.syntaxErrors) return undefined;
  if (oldTrace.version !== newTrace.version || oldTrace.versionSource !== newTrace.versionSource || oldTrace.root !== newTrace.root) return undefined;
  if (oldTrace.format !== newTrace.format || oldTrace.mainFile !== newTrace.mainFile || !sameEnvironment(oldTrace.environment, newTrace.environment)) return undefined;
  if (!oldTrace.resolved || !newTrace.resolved) return undefined;
  const change = textChange(now.file, before.text, now.text);
  if (!change) return undefined;
  return {
    previous: prev.results,
    change,
    config: diffResolved(oldTrace.resolved.root, newTrace.resolved.root, change, diffScope(oldTrace, newTrace, change)),
    problemsChanged: !sameProblems(oldTrace.problems, newTrace.problems),
    modesChanged: !sameModes(oldTrace.fileModes, newTrace.fileModes),
    derived: {
      listeners: [oldTrace.derived.listeners, newTrace.derived.listeners],
      tls: [oldTrace.derived.tls, newTrace.derived.tls],
      node: [oldTrace.derived.node, newTrace.derived.node],
    },
  };
}

/**
 * Where values can differ: without substitutions, a value comes only from fields written at its path, so
 * an edit inside the braces of a block of a layer file changes nothing outside that block's path.
 * Elsewhere (substitutions, included files, edits outside any block) the whole configuration is compared.
 */
function diffScope(before: ModelTrace, after: ModelTrace, change: TextChange): string[] {
  const doc = after.resolved?.documents.get(change.file);
  if (!doc || !before.resolved?.settled || !after.resolved?.settled || !before.layers.includes(change.file) || !after.layers.includes(change.file)) return [];
  return enclosingBlockPath(doc.root, change);
}

const isHocon = (f: ParsedFile) => f.kind === 'emqx-conf' && f.format === 'hocon';

function sameEnvironment(a: Map<string, Fact<string>>, b: Map<string, Fact<string>>): boolean {
  if (a.size !== b.size) return false;
  for (const [name, fact] of a) {
    const other = b.get(name);
    if (!other || other.value !== fact.value || other.origin.file !== fact.origin.file) return false;
  }
  return true;
}

function sameProblems(a: DeploymentModel['problems'], b: DeploymentModel['problems']): boolean {
  return a.length === b.length && a.every((p, i) => p.code === b[i].code && p.message === b[i].message && p.file === b[i].file);
}

function sameModes(a: ModelTrace['fileModes'], b: ModelTrace['fileModes']): boolean {
  if (a.size !== b.size) return false;
  for (const [file, m] of a) {
    const other = b.get(file);
    if (!other || other.mode !== m.mode || other.uid !== m.uid) return false;
  }
  return true;
}

/** Whether `p` is `q` or one of its ancestors. */
function isPrefix(p: readonly string[], q: readonly string[]): boolean {
  if (p.length > q.length) return false;
  for (let i = 0; i < p.length; i++) if (p[i] !== q[i]) return false;
  return true;
}

/** Whether the edit may change anything that `reads` recorded. `seen` memoizes shared derived reads. */
export function seesChange(reads: Reads, reuse: Reuse, seen = new Map<Reads, boolean>()): boolean {
  const known = seen.get(reads);
  if (known !== undefined) return known;
  const answer = computeSeesChange(reads, reuse, seen);
  seen.set(reads, answer);
  return answer;
}

function computeSeesChange(reads: Reads, reuse: Reuse, seen: Map<Reads, boolean>): boolean {
  if (reads.external || reads.files) return true;
  if (reads.problems && reuse.problemsChanged) return true;
  if (reads.modes && reuse.modesChanged) return true;
  if (reads.layout && reuse.change.layout) return true;
  for (const part of reads.derived) for (const r of reuse.derived[part]) if (seesChange(r, reuse, seen)) return true;
  const { values, keys } = reuse.config;
  if (values.length === 0 && keys.length === 0) return false;
  for (const r of reads.values) {
    for (const t of values) if (isPrefix(t.path, r) || isPrefix(r, t.path)) return true;
    for (const k of keys) if (isPrefix(r, k)) return true;
  }
  for (const r of reads.keys) {
    for (const t of values) if (isPrefix(t.path, r)) return true;
    for (const k of keys) if (k.length === r.length && isPrefix(k, r)) return true;
  }
  for (const r of reads.exists) for (const t of values) if (isPrefix(t.path, r)) return true;
  for (const names of reads.strings) for (const t of values) if (!t.scalar || names.has(t.path[t.path.length - 1])) return true;
  return false;
}

/**
 * A rule's previous findings at the new text's offsets, or undefined when one of them (its span, a related
 * location or a fix's edit) meets the edited text: there only running the rule again can tell.
 */
export function moveFindings(findings: Finding[], change: TextChange): Finding[] | undefined {
  const out: Finding[] = [];
  for (const f of findings) {
    const moved = moveFinding(f, change);
    if (!moved) return undefined;
    out.push(moved);
  }
  return out;
}

function moveFinding(f: Finding, change: TextChange): Finding | undefined {
  const inFile = (file: string) => file === change.file;
  let moved = false;
  const move = (file: string, span: Span): Span | undefined => {
    if (!inFile(file)) return span;
    const s = shiftSpan(span, change);
    if (s !== span) moved = true;
    return s;
  };
  const span = move(f.file, f.span);
  if (!span) return undefined;
  const related = f.related?.map((r) => ({ ...r, span: move(r.file, r.span) }));
  if (related?.some((r) => !r.span)) return undefined;
  const delta = change.newEnd - change.oldEnd;
  const fixes = [];
  for (const fix of f.fixes) {
    const edits = [];
    for (const e of fix.edits) {
      if (!inFile(e.file) || e.offset + e.length < change.start) edits.push(e);
      // A fix that writes over or right next to the edited text was computed from the old text there.
      else if (touches({ start: e.offset, end: e.offset + e.length }, change.start, change.oldEnd)) return undefined;
      else {
        moved = true;
        edits.push({ ...e, offset: e.offset + delta });
      }
    }
    fixes.push({ ...fix, edits });
  }
  if (!moved) return f;
  return { ...f, span, ...(related ? { related: related as Finding['related'] } : {}), fixes };
}
