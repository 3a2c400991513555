/**
 * What an edit changed, in the terms rule reads are recorded in (model/observe.ts): the text region,
 * the configuration paths whose value, keys or definitions differ, and whether the file's layout may
 * have changed. Positions are compared only inside the edited region: elsewhere they just move.
 */
import type { Resolved, ResolvedObject, ValueOrigin } from '../parsers/hocon/resolved';
import type { Span } from '../core/text';
import type { HoconObject } from '../parsers/hocon/ast';
import { lookup } from '../parsers/hocon';
import { changedRegion } from '../core/textDiff';
import { enclosingFields } from '../parsers/hocon/incremental';

/** One file's text: [start, oldEnd) of the old text became [start, newEnd) of the new one. */
export interface TextChange {
  file: string;
  start: number;
  oldEnd: number;
  newEnd: number;
  /** True unless the removed or inserted text holds only characters that cannot change the layout. */
  layout: boolean;
}

/** Characters of a key or an unquoted value: changing them cannot move a brace, line, separator or indent. */
const PLAIN = /^[A-Za-z0-9_.\-/@%+]*$/;

/** The one region where two texts differ (common prefix and suffix), or undefined when they are equal. */
export function textChange(file: string, before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const { start, oldEnd, newEnd } = changedRegion(before, after);
  const layout = !PLAIN.test(before.slice(start, oldEnd)) || !PLAIN.test(after.slice(start, newEnd));
  return { file, start, oldEnd, newEnd, layout };
}

/** A configuration path whose value differs; `scalar` when it was and is a plain value. */
export interface ChangedPath {
  path: string[];
  scalar: boolean;
}

export interface ConfigChanges {
  values: ChangedPath[];
  /** Objects whose set or order of child names differs. */
  keys: string[][];
}

/** A pair of values being compared; the path is built only for the few that differ. */
interface Pair {
  a: Resolved;
  b: Resolved;
  name: string;
  parent: Pair | undefined;
}

/** The path of a pair: the scope the comparison started at, then the names down to it. */
function pathOf(pair: Pair, scope: readonly string[]): string[] {
  const names: string[] = [];
  for (let p: Pair | undefined = pair; p?.parent; p = p.parent) names.push(p.name);
  return [...scope, ...names.reverse()];
}

/**
 * The path of the innermost block whose braces strictly hold the edited text, in a layer's tree (so its
 * key path is a configuration path); [] when the edit is not inside a block.
 */
export function enclosingBlockPath(root: HoconObject, change: TextChange): string[] {
  // The tree is the new text's: the edited region ends at newEnd there.
  const enclosing = enclosingFields(root, { start: change.start, oldEnd: change.newEnd, newEnd: change.newEnd });
  return enclosing ? enclosing.fields.flatMap((f) => f.key.segments.map((s) => s.name)) : [];
}

/**
 * Compares two resolutions of the configuration, the new one against `change` in the edited file. With
 * `scope`, only the values at and under that path are compared: the caller knows nothing else can differ.
 */
export function diffResolved(before: ResolvedObject, after: ResolvedObject, change: TextChange, scope: readonly string[] = []): ConfigChanges {
  const out: ConfigChanges = { values: [], keys: [] };
  const a = lookup(before, scope);
  const b = lookup(after, scope);
  if (!a || !b) out.values.push({ path: [...scope], scalar: false });
  else diffFrom({ a, b, name: '', parent: undefined }, scope, change, out);
  return out;
}

function diffFrom(start: Pair, scope: readonly string[], change: TextChange, out: ConfigChanges): void {
  // Touches the edited text (closed interval: typing right after a value may belong to it).
  const inRegion = (o: ValueOrigin) => o.file === change.file && touches(o.span, change.start, change.newEnd);
  const historyDiffers = (a: Resolved, b: Resolved) => a.overridden.length !== b.overridden.length || (b.overridden.length > 0 && b.overridden.some(inRegion));
  const stack: Pair[] = [start];
  while (stack.length) {
    const pair = stack.pop()!;
    const { a, b } = pair;
    if (a === b) continue;
    if (a.kind !== b.kind) {
      out.values.push({ path: pathOf(pair, scope), scalar: false });
      continue;
    }
    if (a.kind === 'scalar' && b.kind === 'scalar') {
      if (a.value !== b.value || inRegion(b.origin) || historyDiffers(a, b)) out.values.push({ path: pathOf(pair, scope), scalar: true });
      continue;
    }
    if (historyDiffers(a, b)) {
      out.values.push({ path: pathOf(pair, scope), scalar: false });
      continue;
    }
    if (a.kind === 'array' && b.kind === 'array') {
      if (a.items.length !== b.items.length) out.values.push({ path: pathOf(pair, scope), scalar: false });
      else for (let i = 0; i < a.items.length; i++) stack.push({ a: a.items[i], b: b.items[i], name: String(i), parent: pair });
      continue;
    }
    if (a.kind === 'object' && b.kind === 'object') diffFields(a, b, pair, scope, out, stack);
  }
}

function diffFields(a: ResolvedObject, b: ResolvedObject, pair: Pair, scope: readonly string[], out: ConfigChanges, stack: Pair[]): void {
  let sameKeys = a.fields.size === b.fields.size;
  const before = a.fields.keys();
  for (const [name, value] of b.fields) {
    if (sameKeys && before.next().value !== name) sameKeys = false;
    const old = a.fields.get(name);
    if (old) stack.push({ a: old, b: value, name, parent: pair });
    else out.values.push({ path: [...pathOf(pair, scope), name], scalar: false });
  }
  if (sameKeys) return;
  const path = pathOf(pair, scope);
  out.keys.push(path);
  for (const name of a.fields.keys()) if (!b.fields.has(name)) out.values.push({ path: [...path, name], scalar: false });
}

/** Whether [span.start, span.end] meets [start, end] (both closed). */
export function touches(span: Span, start: number, end: number): boolean {
  return span.start <= end && span.end >= start;
}

/**
 * Where a span of the old text lies in the new one: unchanged before the edit, moved after it, stretched
 * when it strictly encloses it; undefined when it meets the edited text, where only a re-run can tell.
 */
export function shiftSpan(span: Span, change: TextChange): Span | undefined {
  const delta = change.newEnd - change.oldEnd;
  if (span.end < change.start) return span;
  if (span.start > change.oldEnd) return { start: span.start + delta, end: span.end + delta };
  if (span.start < change.start && span.end > change.oldEnd) return { start: span.start, end: span.end + delta };
  return undefined;
}
