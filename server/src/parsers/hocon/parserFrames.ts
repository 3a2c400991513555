/** The parser's stack frames and small helpers, apart from the state machine in parser.ts. */
import type { ParseProblem } from '../../core/problems';
import type { HoconField, HoconInclude, HoconMember, HoconValue } from './ast';
import { quoteString } from './strings';

/** Scan modes for `peek`/`take`: a key is expected (`:` separates) or a value (`:` is text). */
export const KEY = true;
export const VALUE = false;

export const enum F {
  Object,
  Array,
  /** A value being read: one part, or several adjacent parts that form a concatenation. */
  Value,
}

/**
 * An entry of the parser's explicit stack. Entries are pooled (one per depth, reused), and so is the
 * scratch list in each: an object's or array's node is built when it closes, with an array of exactly
 * its members or items (arrays grown by push keep spare capacity, which adds up on big files).
 */
export interface Frame {
  t: F;
  /** Object and array frames: offset of the opening bracket (0 for an unbraced root). */
  start: number;
  /** Value frames: the end of the last part read. */
  end: number;
  lastComma: number;
  any: boolean;
  /** Members (object), items (array) or parts (value) read so far: `list[0, n)`. */
  list: Array<HoconMember | HoconValue>;
  n: number;
  /** A number, boolean or null was read: EMQX cannot join it with more parts. */
  literal: boolean;
  joinReported: boolean;
  /** Value frames: the field that receives the value (null for array items and stray values). */
  field: HoconField | null;
}

export function includeForm(word: string): HoconInclude['form'] | undefined {
  switch (word) {
    case 'required(': return 'required';
    case 'file(': return 'file';
    case 'url(': return 'url';
    case 'classpath(': return 'classpath';
  }
  return undefined;
}

/** A token's text for a message, cut at 30 characters. */
export function clip(text: string, start: number, end: number): string {
  const s = text.slice(start, Math.min(end, start + 30));
  return s.length < end - start ? s + '…' : s;
}

/**
 * Quoting an unquoted value is the obvious repair only when the value stands alone: not glued to a quote
 * (the new quote would merge with it), not punctuation alone (a stray `:` is a misplaced separator), and not
 * read while recovering from a syntax error.
 */
export function quoteFixIsSound(text: string, problems: readonly ParseProblem[], start: number, end: number): boolean {
  if (text.charCodeAt(start - 1) === 34 /* " */ || text.charCodeAt(end) === 34) return false;
  if (!/[A-Za-z0-9]/.test(text.slice(start, end))) return false;
  if (followedBySeparator(text, end)) return false;
  return !problems.some((p) => p.code === 'hocon/syntax');
}

/**
 * Whether a separator (`=`, `:`, `+=`, `{`) follows on the same line: then the "value" is really the start
 * of a field (`:node.cookie = x` after a line break), and quoting it makes a key whose own value fails.
 */
function followedBySeparator(text: string, end: number): boolean {
  let i = end;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  const c = text[i];
  return c === '=' || c === ':' || c === '{' || (c === '+' && text[i + 1] === '=');
}

/**
 * The edits that quote the unquoted value `raw` at [start, end): a quote inserted on each side when the
 * value needs no escape, so the fix never carries the value itself (it may be a cookie or a password,
 * and fixes are printed as edits); a replacement by its escaped form otherwise.
 */
export function quoteEdits(raw: string, start: number, end: number): { offset: number; length: number; newText: string }[] {
  const quoted = quoteString(raw);
  if (quoted !== `"${raw}"`) return [{ offset: start, length: end - start, newText: quoted }];
  return [{ offset: start, length: 0, newText: '"' }, { offset: end, length: 0, newText: '"' }];
}
