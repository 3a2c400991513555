/**
 * What an edit changed, in the terms rule reads are recorded in (model/observe.ts): the text region,
 * the configuration paths whose value, keys or definitions differ, and whether the file's layout may
 * have changed. Positions are compared only inside the edited region: elsewhere they just move.
 */
import type { Resolved, ResolvedObject, ValueOrigin } from '../parsers/hocon/resolved';
import type { Span } from '../core/text';

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
  const max = Math.min(before.length, after.length);
  let start = 0;
  // Chunked compare first: strings compare natively much faster than one character at a time.
  for (let step = 4096; step >= 1; step >>= 4) {
    while (start + step <= max && before.startsWith(after.slice(start, start + step), start)) start += step;
  }
  let suffix = 0;
  const room = max - start;
  for (let step = 4096; step >= 1; step >>= 4) {
    while (suffix + step <= room && before.endsWith(after.slice(after.length - suffix - step, after.length - suffix), before.length - suffix)) suffix += step;
  }
  const oldEnd = before.length - suffix;
  const newEnd = after.length - suffix;
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

function pathOf(pair: Pair): string[] {
  const path: string[] = [];
  for (let p: Pair | undefined = pair; p?.parent; p = p.parent) path.push(p.name);
  return path.reverse();
}

/** Compares two resolutions of the configuration, the new one against `change` in the edited file. */
export function diffResolved(before: ResolvedObject, after: ResolvedObject, change: TextChange): ConfigChanges {
  const out: ConfigChanges = { values: [], keys: [] };
  // Touches the edited text (closed interval: typing right after a value may belong to it).
  const inRegion = (o: ValueOrigin) => o.file === change.file && o.span.start <= change.newEnd && o.span.end >= change.start;
  const historyDiffers = (a: Resolved, b: Resolved) => a.overridden.length !== b.overridden.length || (b.overridden.length > 0 && b.overridden.some(inRegion));
  const stack: Pair[] = [{ a: before, b: after, name: '', parent: undefined }];
  while (stack.length) {
    const pair = stack.pop()!;
    const { a, b } = pair;
    if (a === b) continue;
    if (a.kind !== b.kind) {
      out.values.push({ path: pathOf(pair), scalar: false });
      continue;
    }
    if (a.kind === 'scalar' && b.kind === 'scalar') {
      if (a.value !== b.value || inRegion(b.origin) || historyDiffers(a, b)) out.values.push({ path: pathOf(pair), scalar: true });
      continue;
    }
    if (historyDiffers(a, b)) {
      out.values.push({ path: pathOf(pair), scalar: false });
      continue;
    }
    if (a.kind === 'array' && b.kind === 'array') {
      if (a.items.length !== b.items.length) out.values.push({ path: pathOf(pair), scalar: false });
      else for (let i = 0; i < a.items.length; i++) stack.push({ a: a.items[i], b: b.items[i], name: String(i), parent: pair });
      continue;
    }
    if (a.kind === 'object' && b.kind === 'object') diffFields(a, b, pair, out, stack);
  }
  return out;
}

function diffFields(a: ResolvedObject, b: ResolvedObject, pair: Pair, out: ConfigChanges, stack: Pair[]): void {
  let sameKeys = a.fields.size === b.fields.size;
  const before = a.fields.keys();
  for (const [name, value] of b.fields) {
    if (sameKeys && before.next().value !== name) sameKeys = false;
    const old = a.fields.get(name);
    if (old) stack.push({ a: old, b: value, name, parent: pair });
    else out.values.push({ path: [...pathOf(pair), name], scalar: false });
  }
  if (sameKeys) return;
  const path = pathOf(pair);
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
