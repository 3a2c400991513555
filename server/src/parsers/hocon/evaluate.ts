/**
 * Second resolution phase: turns the merged tree into Resolved values, evaluating substitutions
 * against the whole configuration (HOCON lets a value refer to fields defined later) and joining
 * concatenations as EMQX does.
 */
import type { HoconSubstitution, HoconValue } from './ast';
import type { Resolved, ResolvedArray, ResolvedObject, ResolveProblem, ValueOrigin } from './resolved';
import { type Node, type ObjNode, type PendingNode, type ScalarNode, mergeObjects, newObj } from './tree';

/**
 * Values resolved inside one another (substitution chains, nesting) stop with a finding below this depth:
 * a link of a substitution chain costs about five stack frames, and 900 links overflowed the stack.
 */
export const MAX_EVAL_DEPTH = 400;

/**
 * What substitutions may produce in all, counted as the tree they expand to: a node per value and one per
 * 16 characters of a string. Each `${x}` copies what x holds, so doubling lines (`a = ${a} ${a}`) grow
 * exponentially; a configuration people write stays far below this.
 */
export const EXPANSION_BUDGET = 2_000_000;

export const BUDGET_CODE = 'hocon/substitution-budget';

/** A string's share of the expansion budget. */
const stringCost = (length: number) => 1 + Math.floor(length / 16);

/** Joins already-converted parts of a concatenation without substitutions (`{a=1} {b=2}`, `[1] [2]`, `a"b"`). */
export function concatNodes(parts: Node[], v: HoconValue, origin: ValueOrigin, report: (msg: string) => void): Node | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0];
  if (parts.every((p) => p.k === 'obj')) {
    const out = newObj(origin);
    for (const p of parts) mergeObjects(out, p as ObjNode);
    out.origin = origin;
    out.overridden = [];
    return out;
  }
  if (parts.every((p) => p.k === 'arr')) {
    return { k: 'arr', kind: 'array', items: parts.flatMap((p) => (p.k === 'arr' ? p.items : [])), origin, overridden: [] };
  }
  if (parts.every((p) => p.k === 'scalar')) {
    return { k: 'scalar', kind: 'scalar', value: parts.map((p) => (p.k === 'scalar' ? String(p.value) : '')).join(''), node: v, origin, overridden: [] };
  }
  report(`EMQX cannot concatenate ${describe(parts.map((p) => p.k))}; only strings with strings, arrays with arrays or objects with objects.`);
  return null;
}

function describe(kinds: string[]): string {
  const names = kinds.map((k) => (k === 'obj' || k === 'object' ? 'an object' : k === 'arr' || k === 'array' ? 'an array' : 'a string'));
  return [...new Set(names)].join(' with ');
}

function withOrigin(r: Resolved, origin: ValueOrigin, overridden: ValueOrigin[]): Resolved {
  return { ...r, origin, overridden };
}

/** Deep-merges two resolved objects into a new one (inputs may be shared, so they are not changed). */
function mergeResolved(base: ResolvedObject, top: ResolvedObject): ResolvedObject {
  const fields = new Map(base.fields);
  for (const [k, v] of top.fields) {
    const prev = fields.get(k);
    if (prev && prev.kind === 'object' && v.kind === 'object') fields.set(k, mergeResolved(prev, v));
    else fields.set(k, prev ? { ...v, overridden: [...prev.overridden, prev.origin, ...v.overridden] } : v);
  }
  return { kind: 'object', fields, origin: top.origin, overridden: [...base.overridden, base.origin, ...top.overridden] };
}

export class Evaluator {
  private readonly memo = new Map<Node, Resolved | null>();
  private readonly active = new Set<Node>();
  private depth = 0;
  private depthReported = false;
  /** Expansion used so far, and whether running out was reported. */
  private expanded = 0;
  private budgetReported = false;
  private readonly sizes = new WeakMap<Resolved, number>();

  constructor(
    private readonly root: ObjNode,
    private readonly problems: ResolveProblem[],
  ) {}

  resolveRoot(): Resolved {
    return this.resolve(this.root) ?? { kind: 'object', fields: new Map(), origin: this.root.origin, overridden: [] };
  }

  private report(file: string, span: { start: number; end: number }, code: ResolveProblem['code'], message: string): void {
    this.problems.push({ file, start: span.start, end: span.end, code, message });
  }

  resolve(n: Node): Resolved | undefined {
    // A scalar refers to nothing, so it needs neither the cycle guard nor the memo; most nodes are scalars.
    if (n.k === 'scalar') return this.scalar(n);
    const memo = this.memo.get(n);
    if (memo !== undefined) return memo ?? undefined;
    if (this.active.has(n)) {
      // `a = x, b = ${a}, a = ${b}`: a value reached again while being resolved sees its earlier definition.
      if (n.k === 'pending' && n.prior) return this.resolve(n.prior);
      if (n.k === 'pending') this.report(n.ctx.file, n.origin.span, 'hocon/unresolved-substitution', 'This substitution refers back to itself through other substitutions, so it has no value.');
      return undefined;
    }
    if (this.depth >= MAX_EVAL_DEPTH) {
      this.reportDepth(n);
      return undefined;
    }
    this.active.add(n);
    this.depth++;
    let out: Resolved | undefined;
    try {
      out = this.compute(n);
    } catch (err) {
      // The stack ran out after all (a caller deep already): a finding, never an exception.
      if (!(err instanceof RangeError)) throw err;
      this.reportDepth(n);
      out = undefined;
    } finally {
      this.depth--;
      this.active.delete(n);
    }
    this.memo.set(n, out ?? null);
    return out;
  }

  private reportDepth(n: Node): void {
    if (this.depthReported) return;
    this.depthReported = true;
    const file = n.k === 'pending' ? n.ctx.file : n.origin.file;
    this.report(file, n.origin.span, BUDGET_CODE, `Values here refer to one another more than ${MAX_EVAL_DEPTH} levels deep (a chain of substitutions or nested objects); the analysis stopped following them, so what lies beyond is not checked.`);
  }

  /** The size of the tree `r` expands to (shared values counted each time they appear), saturating above the budget. */
  private sizeOf(root: Resolved): number {
    const known = this.sizes.get(root);
    if (known !== undefined) return known;
    // Post-order without recursion: values nest as deep as substitutions chain.
    const stack: Array<{ r: Resolved; done: boolean }> = [{ r: root, done: false }];
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (this.sizes.has(top.r)) {
        stack.pop();
        continue;
      }
      const children = top.r.kind === 'object' ? [...top.r.fields.values()] : top.r.kind === 'array' ? top.r.items : [];
      if (!top.done) {
        top.done = true;
        for (const c of children) if (!this.sizes.has(c)) stack.push({ r: c, done: false });
        continue;
      }
      stack.pop();
      let size = top.r.kind === 'scalar' ? stringCost(typeof top.r.value === 'string' ? top.r.value.length : 0) : 1;
      for (const c of children) size = Math.min(size + (this.sizes.get(c) ?? 0), EXPANSION_BUDGET + 1);
      this.sizes.set(top.r, size);
    }
    return this.sizes.get(root)!;
  }

  /**
   * Charges what a substitution is about to produce (an upper bound, before it is built) to the budget;
   * false, with one finding at the first substitution that ran out, when the budget is spent.
   */
  private charge(n: PendingNode, cost: number): boolean {
    this.expanded += cost;
    if (this.expanded <= EXPANSION_BUDGET) return true;
    if (!this.budgetReported) {
      this.budgetReported = true;
      this.report(n.ctx.file, n.value, BUDGET_CODE, `The substitutions up to this one expand to more than ${EXPANSION_BUDGET.toLocaleString('en-US')} values (each \`\${...}\` copies what it refers to); this one and any later were not evaluated, so the values they set are not checked.`);
    }
    return false;
  }

  private compute(n: Node): Resolved | undefined {
    switch (n.k) {
      case 'scalar':
        return this.scalar(n);
      case 'obj': {
        const fields = new Map<string, Resolved>();
        for (const [k, child] of n.fields) {
          const r = this.resolve(child);
          if (r) fields.set(k, r);
        }
        return { kind: 'object', fields, origin: n.origin, overridden: n.overridden };
      }
      case 'arr': {
        const items: Resolved[] = [];
        for (const it of n.items) {
          const r = this.resolve(it);
          if (r) items.push(r);
        }
        return { kind: 'array', items, origin: n.origin, overridden: n.overridden };
      }
      case 'merge': {
        const base = this.resolve(n.base);
        const top = this.resolve(n.overlay) as ResolvedObject | undefined;
        if (!top) return base;
        const merged = base && base.kind === 'object' ? mergeResolved(base, top) : top;
        return withOrigin(merged, n.origin, n.overridden);
      }
      case 'pending':
        return this.pending(n);
    }
  }

  private scalar(n: ScalarNode): Resolved {
    return n.node
      ? { kind: 'scalar', value: n.value, origin: n.origin, overridden: n.overridden, node: n.node }
      : { kind: 'scalar', value: n.value, origin: n.origin, overridden: n.overridden };
  }

  private pending(n: PendingNode): Resolved | undefined {
    const values: Resolved[] = [];
    let fromSubstitution = false;
    for (const p of n.parts) {
      if ('k' in p) {
        const r = this.resolve(p);
        if (r) values.push(r);
        continue;
      }
      const r = this.substitute(p, n);
      if (r) {
        values.push(r);
        fromSubstitution = true;
      }
    }
    if (values.length === 0) return n.prior ? this.fallback(n.prior) : undefined;
    if (fromSubstitution) {
      let cost = 0;
      for (const v of values) cost = Math.min(cost + this.sizeOf(v), EXPANSION_BUDGET + 1);
      if (!this.charge(n, cost)) return undefined;
    }
    if (values.length === 1) return withOrigin(values[0], n.origin, n.overridden);
    if (values.every((v) => v.kind === 'object')) {
      let acc = values[0] as ResolvedObject;
      for (const v of values.slice(1)) acc = mergeResolved(acc, v as ResolvedObject);
      return withOrigin(acc, n.origin, n.overridden);
    }
    if (values.every((v) => v.kind === 'array')) {
      const items = values.flatMap((v) => (v as ResolvedArray).items);
      return { kind: 'array', items, origin: n.origin, overridden: n.overridden };
    }
    if (values.every((v) => v.kind === 'scalar')) {
      const scalars = values.map((v) => (v.kind === 'scalar' ? v.value : ''));
      if (fromSubstitution && scalars.some((s) => typeof s !== 'string')) {
        this.report(n.ctx.file, n.value, 'hocon/syntax', 'EMQX cannot concatenate a number, boolean or null from a substitution with other values; it refuses to load this.');
      }
      return { kind: 'scalar', value: scalars.map(String).join(''), node: n.value, origin: n.origin, overridden: n.overridden };
    }
    this.report(n.ctx.file, n.value, 'hocon/syntax', `EMQX cannot concatenate ${describe(values.map((v) => v.kind))}; only strings with strings, arrays with arrays or objects with objects.`);
    return undefined;
  }

  /**
   * The earlier definition that stands when a substitution produced nothing, with the history it had
   * then: its list was handed on to the definitions after it (tree.ts takeHistory), which appended to it.
   */
  private fallback(prior: Node): Resolved | undefined {
    const r = this.resolve(prior);
    if (!r) return r;
    const own = prior.overridden.lastIndexOf(prior.origin);
    return own < 0 ? r : withOrigin(r, r.origin, prior.overridden.slice(0, own));
  }

  /** The value of `${path}` seen from pending node `n`, reporting it when required and undefined. */
  private substitute(sub: HoconSubstitution, n: PendingNode): Resolved | undefined {
    const s = sub.path;
    let found = false;
    let value: Resolved | undefined;
    const self = n.at.length <= s.length && n.at.every((seg, i) => seg === s[i]);
    if (self) {
      // `path = ${path} ...` reads what `path` held before this definition.
      if (n.prior) ({ found, value } = this.navigate(n.prior, s.slice(n.at.length)));
    } else {
      const candidates = n.ctx.prefix.length ? [[...n.ctx.prefix, ...s], s] : [s];
      for (const c of candidates) {
        ({ found, value } = this.navigate(this.root, c));
        if (found) break;
      }
    }
    if (!found && !sub.optional) {
      this.report(n.ctx.file, sub, 'hocon/unresolved-substitution', `Nothing defines \`${s.join('.')}\`, so this substitution has no value; EMQX refuses to load this (use \`\${?${s.join('.')}}\` if it is optional).`);
    }
    return value;
  }

  /** Walks `segs` from `start`, resolving only what lies on the way. */
  private navigate(start: Node, segs: readonly string[]): { found: boolean; value?: Resolved } {
    let node: Node | undefined = start;
    let i = 0;
    while (node && i < segs.length && node.k === 'obj') node = node.fields.get(segs[i++]);
    if (!node) return { found: false };
    let r = this.resolve(node);
    for (; i < segs.length; i++) {
      if (!r || r.kind !== 'object') return { found: false };
      const next: Resolved | undefined = r.fields.get(segs[i]);
      if (!next) return { found: false };
      r = next;
    }
    return { found: true, value: r };
  }
}
