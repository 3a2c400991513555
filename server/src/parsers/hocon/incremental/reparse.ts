/**
 * Re-parsing an edited HOCON document by reading again only the innermost `key { ... }` block around
 * the edit, for the language server's keystroke path. The result is exactly what `parseHocon(text)`
 * returns, or undefined (the caller parses the whole text) whenever that is not certain.
 *
 * Why reading one block again is enough, when the previous text had no syntax problem:
 * - Before the block's `{`, the parser never reads past that `{` (lookahead reads at most the key, the
 *   separator and the `{`), so it arrives at the block as it did before.
 * - The block is read by the parser itself over the whole text, scanning [block start, new end) only;
 *   the checks require that this gives one field whose braced value ends at the same (moved) `}`, with
 *   no syntax problem. A token cut short by that end would have swallowed the `}`; a `{{` template whose
 *   `}}` lies beyond it is always a syntax error.
 * - After the `}`, the text is the old text: the parser reads it in the same state as before (a block
 *   closes every frame it opened), so it finds the same nodes, problems and comments, moved by the edit.
 * The problem list is spliced by position (reading order puts the block's problems between the others);
 * the problem cap (MAX_PROBLEMS) must not be reached, since it changes what a full parse reports.
 *
 * The unchanged part of the tree is not copied: the nodes after the edit get the new offsets IN PLACE.
 * The previous document is therefore invalidated: its nodes, problems and comments now carry the new
 * text's offsets and its arrays are edited; do not use it (or anything holding its nodes) afterwards.
 * `prev` must be exactly the parse of `prev.text` (by parseHocon, or by an earlier reparseHocon).
 */
import { changedRegion, type ChangedRegion } from '../../../core/textDiff';
import { markChanged } from './revision';
import type { ParseProblem } from '../../../core/problems';
import type { Span } from '../../../core/text';
import type { HoconComment, HoconDocument, HoconField, HoconObject } from '../ast';
import { MAX_DEPTH, Parser } from '../parser';
import { MAX_PROBLEMS } from '../scanner';
import { shiftMembersFrom, shiftProblems, shiftSpans } from './shift';
import { ownCommentStrings, ownFieldStrings, ownProblemStrings } from './ownStrings';

/** A re-parse: the document `parseHocon(text)` would give, and how it was made from the previous one. */
export interface Reparse {
  doc: HoconDocument;
  replacement: BlockReplacement;
}

/**
 * `parseHocon(text)`, re-using `prev` (the parse of the previous text) when the edit lies inside one
 * braced block; undefined when the caller must parse `text` in full. On success `prev` is invalidated.
 */
export function reparseHocon(prev: HoconDocument, text: string): Reparse | undefined {
  return reparseHoconAt(prev, text, changedRegion(prev.text, text));
}

/** reparseHocon with the changed region already known (`changedRegion(prev.text, text)`). */
export function reparseHoconAt(prev: HoconDocument, text: string, region: ChangedRegion): Reparse | undefined {
  // The problem cap changes what a full parse reports; a syntax error makes recovery depend on far-away text.
  if (prev.problems.length >= MAX_PROBLEMS - 1 || hasSyntaxProblem(prev.problems)) return undefined;
  const path = enclosingFields(prev.root, region);
  if (!path) return undefined;
  const { fields, objects, indexes } = path;
  const old = fields[fields.length - 1];
  const delta = region.newEnd - region.oldEnd;
  const newEnd = old.end + delta;
  // Each enclosing field's object adds one level of nesting (the root's does not).
  const fragment = new Parser(text, old.start, newEnd, fields.length - 1).parse();
  const field = soleBlock(fragment, newEnd);
  if (!field) return undefined;
  const problems = spliceRange(prev.problems, old, fragment.problems, old.start, newEnd);
  if (!problems || prev.problems.length - (problems.removeEnd - problems.removeStart) + fragment.problems.length >= MAX_PROBLEMS - 1) return undefined;
  const commentsAt = commentRange(prev.comments, old.start, old.end);

  // Every check passed: from here on the previous tree is changed in place.
  ownFieldStrings(field);
  ownCommentStrings(fragment.comments);
  ownProblemStrings(fragment.problems);
  for (let level = 0; level < objects.length; level++) {
    const obj = objects[level];
    obj.end += delta;
    shiftMembersFrom(obj.members, indexes[level] + 1, delta);
    // Kept nodes that now hold new content: caches per node (rules/helpers/hoconKeys.ts) look at this.
    markChanged(obj);
    if (level < fields.length - 1) {
      fields[level].end += delta;
      markChanged(fields[level]);
    }
  }
  objects[objects.length - 1].members[indexes[indexes.length - 1]] = field;
  shiftProblems(prev.problems, problems.removeEnd, delta);
  replaceRange(prev.problems, problems.removeStart, problems.removeEnd, fragment.problems);
  shiftSpans(prev.comments, commentsAt.end, delta);
  replaceRange(prev.comments, commentsAt.start, commentsAt.end, fragment.comments);
  const doc: HoconDocument = { text, root: prev.root, problems: prev.problems, comments: prev.comments };
  return { doc, replacement: { previous: new WeakRef(prev), old, field, enclosing: fields.slice(0, -1) } };
}

/** What reparseHocon changed to make a document: one block of `previous`, read again. */
export interface BlockReplacement {
  /**
   * The document it was made from, invalidated since. Only its identity is needed (the re-resolve checks
   * that the previous resolution read exactly that document); held weakly so that no old version of a
   * document, with its whole text, lives on once nothing else needs it.
   */
  previous: WeakRef<HoconDocument>;
  /** The block as it was (its nodes keep the old text's offsets), and the block read again. */
  old: HoconField;
  field: HoconField;
  /** The fields whose braces hold the block, outermost first. */
  enclosing: HoconField[];
}

/** list[start, end) becomes `items`, in place (not splice(...items): a block may hold more comments than a call takes arguments). */
function replaceRange<T>(list: T[], start: number, end: number, items: readonly T[]): void {
  const grow = items.length - (end - start);
  if (grow > 0) {
    const oldLength = list.length;
    // Grown with push, not by setting length, so the array gets no holes.
    for (let i = 0; i < grow; i++) list.push(list[0]);
    list.copyWithin(end + grow, end, oldLength);
  } else if (grow < 0) {
    list.copyWithin(end + grow, end);
    list.length += grow;
  }
  for (let i = 0; i < items.length; i++) list[start + i] = items[i];
}

function hasSyntaxProblem(problems: readonly ParseProblem[]): boolean {
  for (const p of problems) if (p.code === 'hocon/syntax') return true;
  return false;
}

/** The fields from the root down to the innermost one whose braces hold the region, the object around each, and its index there. */
export interface Enclosing {
  fields: HoconField[];
  objects: HoconObject[];
  indexes: number[];
}

export function enclosingFields(root: HoconObject, region: ChangedRegion): Enclosing | undefined {
  const fields: HoconField[] = [];
  const objects: HoconObject[] = [];
  const indexes: number[] = [];
  let obj = root;
  for (;;) {
    const i = lastMemberBefore(obj.members, region.start);
    if (i < 0) break;
    const m = obj.members[i];
    if (m.type !== 'field') break;
    const value = m.value;
    // Strictly inside: the edit touches neither `{` nor `}`.
    if (value === undefined || value.type !== 'object' || !(value.start < region.start && region.oldEnd < value.end)) break;
    fields.push(m);
    objects.push(obj);
    indexes.push(i);
    if (fields.length >= MAX_DEPTH) break;
    obj = value;
  }
  return fields.length ? { fields, objects, indexes } : undefined;
}

/** Index of the last member starting before `offset`, or -1. */
function lastMemberBefore(members: HoconObject['members'], offset: number): number {
  return firstStartingAt(members, offset) - 1;
}

/** Index of the first item starting at or after `offset` (items are in text order), or items.length. */
function firstStartingAt(items: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The fragment's one field, when it is a braced block ending at `end` and read with no syntax problem. */
function soleBlock(fragment: HoconDocument, end: number): HoconField | undefined {
  const members = fragment.root.members;
  if (members.length !== 1) return undefined;
  const field = members[0];
  if (field.type !== 'field' || field.end !== end || field.value?.type !== 'object' || field.value.end !== end) return undefined;
  return hasSyntaxProblem(fragment.problems) ? undefined : field;
}

/**
 * Where the old field's problems are in `problems`: [removeStart, removeEnd). Problems are reported in
 * reading order, so those before the field, in it and after it must form three runs; anything else
 * (a problem over the field's edge) means the splice could not be exact. The new problems must lie in
 * [start, newEnd).
 */
function spliceRange(problems: readonly ParseProblem[], old: HoconField, added: readonly ParseProblem[], start: number, newEnd: number): { removeStart: number; removeEnd: number } | undefined {
  for (const p of added) if (p.start < start || p.end > newEnd) return undefined;
  let i = 0;
  while (i < problems.length && problems[i].end <= start && problems[i].start < start) i++;
  const removeStart = i;
  while (i < problems.length && problems[i].start >= start && problems[i].end <= old.end && problems[i].start < old.end) i++;
  const removeEnd = i;
  for (; i < problems.length; i++) if (problems[i].start < old.end) return undefined;
  return { removeStart, removeEnd };
}

/** [start, end) indexes of the comments that start in [from, to). */
function commentRange(comments: readonly HoconComment[], from: number, to: number): { start: number; end: number } {
  return { start: firstStartingAt(comments, from), end: firstStartingAt(comments, to) };
}
