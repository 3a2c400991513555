/**
 * The merged-but-unresolved configuration: every layer and include merged in order, with values that
 * hold substitutions kept as pending nodes (they may refer to anything defined later, as in HOCON).
 */
import type { HoconSubstitution, HoconValue } from './ast';
import type { ValueOrigin } from './resolved';

/** Where a CST value was read: file, include prefix (for relative substitutions), field origin. */
export interface Ctx {
  file: string;
  /** Path of the object an include was expanded into; substitutions try it first. */
  prefix: string[];
}

interface Base {
  origin: ValueOrigin;
  overridden: ValueOrigin[];
}

/*
 * Objects, arrays and scalars also carry the `kind` of the Resolved value they stand for: a configuration
 * without substitutions is its own resolution, so the resolver hands this tree out as it is.
 */
export interface ObjNode extends Base {
  k: 'obj';
  kind: 'object';
  fields: Map<string, Node>;
}
export interface ArrNode extends Base {
  k: 'arr';
  kind: 'array';
  items: Node[];
}
export interface ScalarNode extends Base {
  k: 'scalar';
  kind: 'scalar';
  value: string | number | boolean | null;
  node?: HoconValue;
}
/** A value holding substitutions; `prior` is what the same path held before (for `a = ${a} ...`). */
export interface PendingNode extends Base {
  k: 'pending';
  /** The substitution or concatenation as written. */
  value: HoconValue;
  /** Its parts, substitutions kept as CST nodes and everything else already converted. */
  parts: Array<Node | HoconSubstitution>;
  ctx: Ctx;
  /** Absolute path where it is defined, to recognise self-references. */
  at: string[];
  prior: Node | undefined;
}
/** An object merged on top of a value that is not known yet (`a = ${x}` then `a { y = 1 }`). */
export interface MergeNode extends Base {
  k: 'merge';
  base: Node;
  overlay: ObjNode;
}
export type Node = ObjNode | ArrNode | ScalarNode | PendingNode | MergeNode;

export function newObj(origin: ValueOrigin): ObjNode {
  return { k: 'obj', kind: 'object', fields: new Map(), origin, overridden: [] };
}

/**
 * The history of a value that replaces `previous`: previous's own list with previous's origin appended,
 * in place. A replaced node is read again only as the `prior` or `base` of the node that replaced it, and
 * then only for its value (evaluate.ts gives the result the replacing node's history), so the list can be
 * handed on instead of copied: copying made n redefinitions of one key cost n^2 (20,000 took 13 s).
 */
function takeHistory(previous: Node | undefined): ValueOrigin[] {
  if (!previous) return [];
  const list = previous.overridden;
  list.push(previous.origin);
  return list;
}

/** Sets `value` at `key` in `obj` with HOCON's rules: objects merge, anything else replaces. */
export function setField(obj: ObjNode, key: string, value: Node): void {
  const existing = obj.fields.get(key);
  if (value.k === 'obj') {
    if (existing && existing.k === 'obj') {
      mergeObjects(existing, value);
      return;
    }
    if (existing && (existing.k === 'pending' || existing.k === 'merge')) {
      const merged: MergeNode = { k: 'merge', base: existing, overlay: value, origin: value.origin, overridden: takeHistory(existing) };
      obj.fields.set(key, merged);
      return;
    }
  }
  if (value.k === 'pending') value.prior = existing;
  if (existing) {
    const list = takeHistory(existing);
    for (const o of value.overridden) list.push(o);
    value.overridden = list;
  }
  obj.fields.set(key, value);
}

/** Merges `src` into `target` field by field; `target` takes `src`'s origin as the latest definition. */
export function mergeObjects(target: ObjNode, src: ObjNode): void {
  target.overridden.push(target.origin, ...src.overridden);
  target.origin = src.origin;
  for (const [k, v] of src.fields) setField(target, k, v);
}

/**
 * The object at `path` under `obj`, created when missing. A non-object in the way is replaced (HOCON
 * path keys override scalars); a pending value gets an object merged on top.
 */
export function objectAt(obj: ObjNode, path: readonly string[], origin: ValueOrigin): ObjNode {
  let cur = obj;
  for (const seg of path) {
    const child = cur.fields.get(seg);
    if (child && child.k === 'obj') {
      cur = child;
      continue;
    }
    if (child && child.k === 'merge') {
      cur = child.overlay;
      continue;
    }
    const fresh = newObj(origin);
    if (child && child.k === 'pending') {
      cur.fields.set(seg, { k: 'merge', base: child, overlay: fresh, origin, overridden: takeHistory(child) });
    } else {
      fresh.overridden = takeHistory(child);
      cur.fields.set(seg, fresh);
    }
    cur = fresh;
  }
  return cur;
}

/** True when no value of the tree waits for a substitution or a merge: then the tree is already resolved. */
export function isSettled(root: ObjNode): boolean {
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.k === 'pending' || n.k === 'merge') return false;
    if (n.k === 'obj') for (const child of n.fields.values()) stack.push(child);
    else if (n.k === 'arr') for (const item of n.items) stack.push(item);
  }
  return true;
}
