/**
 * EMQX HOCON: parse (CST with problems, never throws), resolve layered files as EMQX loads them,
 * and edit documents with minimal text edits.
 */
import type { FileReader, Resolved, ResolvedObject, ResolveProblem } from './resolved';
import { resolveHocon, type ResolveOptions } from './resolver';

export * from './ast';
export * from './resolved';
export { parseHocon, MAX_DEPTH } from './parser';
export { reparseHocon } from './incremental/reparse';
export { resolveHocon, type ResolveOptions } from './resolver';
export { hoconString, quoteString, isSafeUnquoted } from './strings';
export { findFields, setValue, insertValue, removeKey } from './edits';

/** The resolved value at `path` (segments, e.g. ['listeners', 'ssl', 'default']), or undefined. */
export function lookup(root: ResolvedObject, path: readonly string[]): Resolved | undefined {
  let cur: Resolved | undefined = root;
  for (const seg of path) {
    if (!cur || cur.kind !== 'object') return undefined;
    cur = cur.fields.get(seg);
  }
  return cur;
}

/** A resolved value as plain JSON data (objects, arrays, strings, numbers, booleans, null). */
export function toPlain(r: Resolved): unknown {
  // Iterative so that deep documents cannot overflow the stack.
  const out: { v: unknown } = { v: undefined };
  const stack: Array<{ r: Resolved; set: (v: unknown) => void }> = [{ r, set: (v) => (out.v = v) }];
  while (stack.length) {
    const { r: cur, set } = stack.pop() as { r: Resolved; set: (v: unknown) => void };
    if (cur.kind === 'scalar') set(cur.value);
    else if (cur.kind === 'array') {
      const arr: unknown[] = new Array(cur.items.length);
      set(arr);
      cur.items.forEach((it, i) => stack.push({ r: it, set: (v) => (arr[i] = v) }));
    } else {
      const obj: Record<string, unknown> = {};
      set(obj);
      for (const [k, v] of cur.fields) {
        obj[k] = null; // keep the definition order
        stack.push({ r: v, set: (x) => (obj[k] = x) });
      }
    }
  }
  return out.v;
}

/** What `mqtt-harden resolve FILE` prints: the file's resolved configuration as JSON, and its problems. */
export function resolveToJson(file: string, reader: FileReader, options?: ResolveOptions): { json: unknown; problems: ResolveProblem[] } {
  const result = resolveHocon([file], reader, options);
  return { json: toPlain(result.root), problems: result.problems };
}
