/**
 * Updating a resolution after reparseHocon read one block of one layer file again (the language server's
 * typing path), instead of merging every file again. The result equals resolveHocon on the same input,
 * or is undefined (the caller resolves in full) whenever that is not certain.
 *
 * Why rebuilding one subtree is enough: without substitutions, the resolved configuration is the ordered
 * merge of every field, and each resolved value remembers the fields that set it (origin, overridden).
 * When the value at the block's path was set by that block alone (no earlier definition, nothing from
 * another field below it), the fields before and after the block meet nothing of it, so converting the
 * block again and putting it in place gives what a full merge gives. The rest of the tree is shared with
 * the previous result: its origins hold the live CST nodes, which the re-parse moved in place.
 */
import type { HoconField, HoconValue } from '../ast';
import type { FileReader, Resolved, ResolvedObject, ResolveProblem, ResolveResult, ValueOrigin } from '../resolved';
import type { BlockReplacement } from './reparse';
import { Builder, problemsInOrder, type ResolveOptions } from '../resolver';
import { sameItems } from '../../../core/lists';

/** The block is converted with no file access: an include in it sends the caller to a full resolve. */
const NO_FILES: FileReader = { read: () => undefined };

/**
 * resolveHocon(entries, reader, options), re-using `prev` when only one block of one layer changed.
 * `replacements`: for each document of `options.documents` that reparseHocon made, how (by file).
 */
export function resolveHoconAgain(prev: ResolveResult, entries: readonly string[], options: ResolveOptions, replacements: ReadonlyMap<string, BlockReplacement>): ResolveResult | undefined {
  const info = prev.info;
  const documents = options.documents;
  if (!info || !documents || info.substitutions || !prev.settled) return undefined;
  if (!sameItems(info.entries, entries) || info.options.dataDir !== options.dataDir || !sameEnv(info.options.env, options.env)) return undefined;
  // Exactly one of the documents read before changed, by reparseHocon from the one read before; the
  // others are the same parses (a file read from the disk is not among `documents`: it may have changed).
  let file: string | undefined;
  let replacement: BlockReplacement | undefined;
  for (const [name, read] of prev.documents) {
    const now = documents.get(name);
    if (now === read) continue;
    replacement = now && replacements.get(name);
    if (file !== undefined || replacement?.previous.deref() !== read) return undefined;
    file = name;
  }
  if (file === undefined || !replacement || !entries.includes(file) || info.included.has(file)) return undefined;
  const doc = documents.get(file)!;
  const { old, field, enclosing } = replacement;
  const path = [...enclosing, field].flatMap((f) => f.key.segments.map((s) => s.name));

  const chain: ResolvedObject[] = [prev.root];
  for (let i = 0; i < path.length - 1; i++) {
    const next = chain[i].fields.get(path[i]);
    if (!next || next.kind !== 'object') return undefined;
    chain.push(next);
  }
  const before = chain[chain.length - 1].fields.get(path[path.length - 1]);
  if (!before || before.kind !== 'object' || before.origin.field !== old || before.overridden.length > 0) return undefined;
  const oldFields = fieldsOf(old);
  if (!setOnlyBy(before, file, oldFields)) return undefined;
  for (const ancestor of chain) if (ancestor.overridden.some((o) => o.field && oldFields.has(o.field))) return undefined;

  const builder = new Builder(NO_FILES, {});
  const origin: ValueOrigin = { file, field, span: field.value! };
  const after = builder.toNode(field.value!, { file, prefix: [] }, origin, path, true);
  // An include in the block (reported as unreadable here) needs the files: a full resolve reads them.
  if (!after || after.k !== 'obj' || builder.substitutions || builder.problems.some((p) => p.code !== 'hocon/syntax')) return undefined;
  const own = ownProblemsAfter(info.own, file, old, field.end - old.end, builder.problems);
  if (!own) return undefined;

  // Copy the objects from the root down to the block's parent; everything else is shared.
  const root = copyOf(prev.root, old, origin);
  let parent = root;
  for (let i = 1; i < chain.length; i++) {
    const copy = copyOf(chain[i], old, origin);
    parent.fields.set(path[i - 1], copy as unknown as Resolved);
    parent = copy;
  }
  parent.fields.set(path[path.length - 1], after as unknown as Resolved);

  const docs = new Map(prev.documents);
  docs.set(file, doc);
  return { root, documents: docs, problems: problemsInOrder(docs, own), settled: true, info: { ...info, entries: [...entries], options, own } };
}

/**
 * The resolver's own problems after the edit: those the old block raised give way to `added` (the new
 * block's), those after it move by `delta`; undefined when one lies across the block's edge.
 */
function ownProblemsAfter(own: readonly ResolveProblem[], file: string, old: HoconField, delta: number, added: readonly ResolveProblem[]): ResolveProblem[] | undefined {
  const out: ResolveProblem[] = [];
  for (const p of own) {
    if (p.file !== file || p.end <= old.start) out.push(p);
    else if (p.start >= old.end) out.push({ ...p, start: p.start + delta, end: p.end + delta });
    else if (p.start < old.start || p.end > old.end) return undefined;
  }
  for (const p of added) out.push({ ...p, file });
  return out;
}

/**
 * A copy of `obj` with its own field map. An object the block's path key created (`a.b.c { }` makes `a`
 * and `a.b`) names the block as its origin: the copy names the block as read again.
 */
function copyOf(obj: ResolvedObject, old: HoconField, origin: ValueOrigin): ResolvedObject {
  return { ...obj, fields: new Map(obj.fields), origin: obj.origin.field === old ? origin : obj.origin };
}

/** The block's field and every field inside its value, at any depth. */
function fieldsOf(block: HoconField): Set<HoconField> {
  const out = new Set<HoconField>([block]);
  const stack: HoconValue[] = block.value ? [block.value] : [];
  while (stack.length) {
    const v = stack.pop()!;
    if (v.type === 'object') {
      for (const m of v.members) {
        if (m.type !== 'field') continue;
        out.add(m);
        if (m.value) stack.push(m.value);
      }
    } else if (v.type === 'array') for (const item of v.items) stack.push(item);
    else if (v.type === 'concat') for (const part of v.parts) stack.push(part);
  }
  return out;
}

/** Whether every value under `node`, and every definition it replaced, came from `fields` of `file`. */
function setOnlyBy(node: Resolved, file: string, fields: Set<HoconField>): boolean {
  const mine = (o: ValueOrigin) => o.file === file && o.field !== undefined && fields.has(o.field);
  const stack: Resolved[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (!mine(n.origin) || !n.overridden.every(mine)) return false;
    if (n.kind === 'object') for (const child of n.fields.values()) stack.push(child);
    else if (n.kind === 'array') for (const item of n.items) stack.push(item);
  }
  return true;
}

function sameEnv(a: ResolveOptions['env'] = {}, b: ResolveOptions['env'] = {}): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
