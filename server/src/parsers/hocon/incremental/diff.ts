/**
 * What an edit changed in the resolved configuration: the paths whose value, keys or definitions differ
 * between two resolutions, compared only where the edit can reach. The engine turns these into the
 * rules to run again (engine/reuse.ts).
 */
import type { Span } from '../../../core/text';
import type { HoconObject } from '../ast';
import type { Resolved, ResolvedObject, ValueOrigin } from '../resolved';
import { lookup } from '..';
import { enclosingFields } from './reparse';

/** Where the new text differs from the old one: [start, newEnd) of `file`. */
export interface EditedRange {
  file: string;
  start: number;
  newEnd: number;
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
export function enclosingBlockPath(root: HoconObject, change: EditedRange): string[] {
  // The tree is the new text's: the edited region ends at newEnd there.
  const enclosing = enclosingFields(root, { start: change.start, oldEnd: change.newEnd, newEnd: change.newEnd });
  return enclosing ? enclosing.fields.flatMap((f) => f.key.segments.map((s) => s.name)) : [];
}

/**
 * Compares two resolutions of the configuration, the new one against `change` in the edited file. With
 * `scope`, only the values at and under that path are compared: the caller knows nothing else can differ.
 */
export function diffResolved(before: ResolvedObject, after: ResolvedObject, change: EditedRange, scope: readonly string[] = []): ConfigChanges {
  const out: ConfigChanges = { values: [], keys: [] };
  const a = lookup(before, scope);
  const b = lookup(after, scope);
  if (!a || !b) out.values.push({ path: [...scope], scalar: false });
  else diffFrom({ a, b, name: '', parent: undefined }, scope, change, out);
  return out;
}

function diffFrom(start: Pair, scope: readonly string[], change: EditedRange, out: ConfigChanges): void {
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

