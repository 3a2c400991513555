/**
 * Builds the configuration EMQX would load from layered files: includes, merging, EMQX_* environment
 * overrides, then substitutions (evaluate.ts). Never throws; every problem names the file it belongs to.
 */
import * as path from 'node:path';
import type { HoconDocument, HoconField, HoconMember, HoconObject, HoconValue } from './ast';
import type { FileReader, ResolvedObject, ResolveOptions, ResolveProblem, ResolveResult, ValueOrigin } from './resolved';

export type { ResolveOptions } from './resolved';
import { parseHocon } from './parser';
import { type Ctx, type Node, type ObjNode, isSettled, newObj, objectAt, setField } from './tree';
import { Evaluator, concatNodes } from './evaluate';
import { refusedMessage } from '../../core/sandbox';

/** Guards against include bombs (huge chains, /dev/zero behind a name). */
const MAX_INCLUDE_DEPTH = 32;
const MAX_INCLUDED_CHARS = 64 * 1024 * 1024;
/**
 * Include visits in all: a file included twice is applied twice (its fields set again, in order), so
 * files that each include the next twice ask for 2^depth visits. Parsing is once per file regardless.
 */
export const MAX_INCLUDE_VISITS = 10_000;
const INCLUDE_BUDGET = 'hocon/include-budget';

export class Builder {
  /** The resolver's own problems (includes, concatenations, substitutions); parse problems are the documents'. */
  readonly problems: ResolveProblem[] = [];
  readonly documents = new Map<string, HoconDocument>();
  /** Files read through an include. */
  readonly included = new Set<string>();
  private readonly includeStack: string[] = [];
  private includedChars = 0;
  /** Includes applied so far, and whether running out of the budget was reported. */
  includeVisits = 0;
  private includeBudgetReported = false;
  /** Whether a substitution was met: without one the merged tree is settled, with no walk to prove it. */
  substitutions = false;

  constructor(
    private readonly reader: FileReader,
    private readonly options: ResolveOptions,
  ) {}

  problem(file: string, span: { start: number; end: number }, code: ResolveProblem['code'], message: string, severity?: ResolveProblem['severity']): void {
    this.problems.push({ file, start: span.start, end: span.end, code, message, ...(severity ? { severity } : {}) });
  }

  /** Reads and parses a file once. */
  load(file: string): HoconDocument | undefined {
    const known = this.documents.get(file);
    if (known) return known;
    let doc = this.options.documents?.get(file);
    if (!doc) {
      let text: string | undefined;
      try {
        text = this.reader.read(file);
      } catch {
        text = undefined;
      }
      if (text === undefined) return undefined;
      doc = parseHocon(text);
    }
    this.documents.set(file, doc);
    return doc;
  }

  private identity(file: string): string {
    try {
      return this.reader.realpath?.(file) ?? path.resolve(file);
    } catch {
      return path.resolve(file);
    }
  }

  /** Merges a whole file into `root` as one layer. */
  layer(root: ObjNode, file: string): void {
    const doc = this.load(file);
    if (!doc) return;
    this.includeStack.push(this.identity(file));
    this.members(doc.root, root, { file, prefix: [] }, []);
    this.includeStack.pop();
  }

  /** Applies the members of a CST object to `target`, which sits at `at` in the whole configuration. */
  members(obj: HoconObject, target: ObjNode, ctx: Ctx, at: string[]): void {
    for (const m of obj.members) {
      if (m.type === 'include') this.include(m, target, ctx, at);
      else this.field(m, target, ctx, at);
    }
  }

  private field(f: HoconField, target: ObjNode, ctx: Ctx, at: string[]): void {
    const value = f.value;
    const segments = f.key.segments;
    if (!value || segments.length === 0) return;
    // The span is the value node itself, so it follows the node when an incremental re-parse moves it.
    const origin: ValueOrigin = { file: ctx.file, field: f, span: value };
    let parent = target;
    if (segments.length > 1) parent = objectAt(target, segments.slice(0, -1).map((s) => s.name), origin);
    const name = segments[segments.length - 1].name;
    // Only values that hold fields or substitutions need their absolute path: most values are scalars.
    const scalar = value.type === 'string' || value.type === 'number' || value.type === 'boolean' || value.type === 'null';
    const valueAt = scalar ? at : segments.length === 1 ? [...at, name] : [...at, ...segments.map((s) => s.name)];
    const node = this.toNode(value, ctx, origin, valueAt, true);
    if (node) setField(parent, name, node);
  }

  /**
   * Converts a CST value to a tree node; concatenations without substitutions are joined right away.
   * `ownOrigin`: `origin` already has `v`'s span (a field's value), so it is used as it is.
   */
  toNode(v: HoconValue, ctx: Ctx, origin: ValueOrigin, at: string[], ownOrigin = false): Node | undefined {
    const o: ValueOrigin = ownOrigin ? origin : { ...origin, span: v };
    switch (v.type) {
      case 'object': {
        const obj = newObj(o);
        this.members(v, obj, ctx, at);
        return obj;
      }
      case 'array':
        return { k: 'arr', kind: 'array', items: v.items.map((it) => this.toNode(it, ctx, o, at)).filter((n): n is Node => !!n), origin: o, overridden: [] };
      case 'string':
      case 'number':
      case 'boolean':
        return { k: 'scalar', kind: 'scalar', value: v.value, node: v, origin: o, overridden: [] };
      case 'null':
        return { k: 'scalar', kind: 'scalar', value: null, node: v, origin: o, overridden: [] };
      case 'substitution':
        this.substitutions = true;
        return { k: 'pending', value: v, parts: [v], ctx, at, prior: undefined, origin: o, overridden: [] };
      case 'concat': {
        if (v.parts.some((p) => p.type === 'substitution')) {
          this.substitutions = true;
          const parts = v.parts.map((p) => (p.type === 'substitution' ? p : this.toNode(p, ctx, o, at))).filter((n): n is NonNullable<typeof n> => !!n);
          return { k: 'pending', value: v, parts, ctx, at, prior: undefined, origin: o, overridden: [] };
        }
        const parts = v.parts.map((p) => this.toNode(p, ctx, o, at)).filter((n): n is Node => !!n);
        return concatNodes(parts, v, o, (msg) => this.problem(ctx.file, v, 'hocon/syntax', msg)) ?? undefined;
      }
      default:
        return undefined;
    }
  }

  private include(m: Extract<HoconMember, { type: 'include' }>, target: ObjNode, ctx: Ctx, at: string[]): void {
    if (m.form !== 'plain' && m.form !== 'required') return; // reported by the parser as not EMQX
    const dirs = [path.dirname(ctx.file)];
    if (this.options.dataDir) dirs.push(path.join(this.options.dataDir, 'configs'));
    const candidates = path.isAbsolute(m.target) ? [m.target] : [...new Set(dirs.map((d) => path.join(d, m.target)))];
    let found: string | undefined;
    let doc: HoconDocument | undefined;
    let refused: string | undefined;
    for (const c of candidates) {
      if (this.includeStack.includes(this.identity(c))) {
        this.problem(ctx.file, m, 'hocon/include-cycle', `Including "${m.target}" here forms a cycle: the file is already being included (${this.includeStack.map((f) => path.basename(f)).join(' -> ')}).`);
        return;
      }
      if (this.includeStack.length >= MAX_INCLUDE_DEPTH) {
        this.problem(ctx.file, m, 'hocon/include-cycle', `Includes are nested more than ${MAX_INCLUDE_DEPTH} levels deep; stopped here.`);
        return;
      }
      // An open buffer or a parsed workspace file is never refused; anything else asks the read policy.
      const refusal = this.documents.has(c) || this.options.documents?.has(c) ? undefined : this.reader.refusal?.(c);
      if (refusal) {
        refused ??= refusal;
        continue;
      }
      doc = this.load(c);
      if (doc) {
        found = c;
        break;
      }
    }
    if ((!doc || !found) && refused) {
      this.problem(ctx.file, m, 'files/read-refused', refusedMessage(`The include "${m.target}"`, refused));
      return;
    }
    if (!doc || !found) {
      const where = candidates.join(' or ');
      if (m.required) this.problem(ctx.file, m, 'hocon/include-missing', `The required include "${m.target}" cannot be read (looked for ${where}); EMQX refuses to start.`, 'error');
      else this.problem(ctx.file, m, 'hocon/include-missing', `The include "${m.target}" cannot be read (looked for ${where}); EMQX silently skips it.`, 'warning');
      return;
    }
    this.included.add(found);
    this.includedChars += doc.text.length;
    this.includeVisits++;
    if (this.includedChars > MAX_INCLUDED_CHARS || this.includeVisits > MAX_INCLUDE_VISITS) {
      if (!this.includeBudgetReported) {
        this.includeBudgetReported = true;
        const what = this.includeVisits > MAX_INCLUDE_VISITS ? `more than ${MAX_INCLUDE_VISITS.toLocaleString('en-US')} includes in all (files that include the same file repeatedly multiply)` : `more than ${MAX_INCLUDED_CHARS / 1024 / 1024} MB of included text`;
        this.problem(ctx.file, m, INCLUDE_BUDGET, `Reading this include would make ${what}; it and every later include were not read, so what they set is not checked.`, 'warning');
      }
      return;
    }
    this.includeStack.push(this.identity(found));
    this.members(doc.root, target, { file: found, prefix: at }, at);
    this.includeStack.pop();
  }

  /** EMQX_NODE__COOKIE=x sets node.cookie; only names with `__` address config paths. */
  env(root: ObjNode): void {
    const env = this.options.env ?? {};
    for (const name of Object.keys(env).sort()) {
      const raw = env[name];
      if (raw === undefined || !name.startsWith('EMQX_') || !name.includes('__')) continue;
      const segs = name.slice(5).toLowerCase().split('__').flatMap((s) => s.split('.'));
      if (segs.some((s) => s === '')) continue;
      const origin: ValueOrigin = { file: `env:${name}`, span: { start: 0, end: 0 }, env: name };
      const doc = parseHocon(`v = ${raw}`);
      const member = doc.root.members[0];
      let node: Node | undefined;
      if (doc.problems.length === 0 && doc.root.members.length === 1 && member.type === 'field' && member.value && !hasSubstitution(member.value)) {
        const quiet = new Builder(this.reader, {});
        node = quiet.toNode(member.value, { file: origin.file, prefix: [] }, origin, segs);
        if (node) stripSpans(node, origin);
      }
      if (!node) node = { k: 'scalar', kind: 'scalar', value: raw, origin, overridden: [] };
      setField(objectAt(root, segs.slice(0, -1), origin), segs[segs.length - 1], node);
    }
  }
}

function hasSubstitution(v: HoconValue): boolean {
  const stack: HoconValue[] = [v];
  while (stack.length) {
    const x = stack.pop() as HoconValue;
    if (x.type === 'substitution') return true;
    if (x.type === 'concat') stack.push(...x.parts);
    else if (x.type === 'array') stack.push(...x.items);
    else if (x.type === 'object') for (const m of x.members) if (m.type === 'field' && m.value) stack.push(m.value);
  }
  return false;
}

/** Values from the environment point at the variable, not at offsets in a synthetic text. */
function stripSpans(n: Node, origin: ValueOrigin): void {
  const stack: Node[] = [n];
  while (stack.length) {
    const x = stack.pop() as Node;
    x.origin = origin;
    if (x.k === 'scalar') delete x.node;
    if (x.k === 'obj') stack.push(...x.fields.values());
    if (x.k === 'arr') stack.push(...x.items);
  }
}

/**
 * Resolves layered files the way EMQX 5 loads them: `entries` lowest precedence first (base.hocon,
 * cluster.hocon, emqx.conf), then EMQX_* environment overrides. Never throws.
 */
export function resolveHocon(entries: string[], reader: FileReader, options: ResolveOptions = {}): ResolveResult {
  const b = new Builder(reader, options);
  const rootOrigin: ValueOrigin = { file: entries[entries.length - 1] ?? '', span: { start: 0, end: 0 } };
  const tree = newObj(rootOrigin);
  // Layers apply to one tree in order, exactly as if their fields were written one after another,
  // so a self-reference in a higher layer (`path = ${path}/x`) sees the lower layers' value.
  for (const file of entries) b.layer(tree, file);
  b.env(tree);
  tree.overridden = [];
  tree.origin = rootOrigin;
  // Without substitutions the merged tree is the answer (its nodes carry `kind`); evaluating would copy it.
  const settled = !b.substitutions || isSettled(tree);
  const root = settled ? (tree as unknown as ResolvedObject) : (new Evaluator(tree, b.problems).resolveRoot() as ResolvedObject);
  const info = { entries, options, substitutions: b.substitutions, own: b.problems, included: b.included };
  return { root, documents: b.documents, problems: problemsInOrder(b.documents, b.problems), settled, info };
}

/**
 * Every problem, file by file in the order the files were read, each file's by position (a stable sort, the
 * parse's first): an order that does not depend on how the result was reached (incremental/reresolve.ts).
 */
export function problemsInOrder(documents: ReadonlyMap<string, HoconDocument>, own: readonly ResolveProblem[]): ResolveProblem[] {
  const byFile = new Map<string, ResolveProblem[]>();
  for (const p of own) {
    const list = byFile.get(p.file);
    if (list) list.push(p);
    else byFile.set(p.file, [p]);
  }
  const out: ResolveProblem[] = [];
  for (const [file, doc] of documents) {
    const extra = byFile.get(file);
    const list = doc.problems.map((p): ResolveProblem => ({ ...p, file }));
    if (extra) {
      for (const p of extra) list.push(p);
      list.sort((a, b) => a.start - b.start);
      byFile.delete(file);
    }
    for (const p of list) out.push(p);
  }
  for (const list of byFile.values()) for (const p of list) out.push(p);
  return out;
}
