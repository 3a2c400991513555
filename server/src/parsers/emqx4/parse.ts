/**
 * Parser for the EMQX 4.x flat "cuttlefish" configuration format (etc/emqx.conf, etc/plugins/*.conf):
 * one `dotted.key = value` per line, `#` comment lines, `include <path>` lines.
 *
 * Values are raw text to the end of the line, trimmed. A `#` inside a value is part of it (EMQX's
 * compatibility suite maps `password = passwd~!@#$%^&*()_+` to the whole string), so only lines that
 * start with `#` are comments.
 */
import type { Span } from '../../core/text';
import type { ParseProblem } from '../../core/problems';
import { splitLines, skipBlanks, trimEnd, commentAt, shown, type LineComment } from '../common/lines';

export interface Emqx4Entry extends Span {
  /** The key as written (`\.` escapes kept). */
  key: string;
  keySpan: Span;
  /** The raw value, trimmed; may be empty. */
  value: string;
  /** Where the value is; zero-width just after `=` (and its blanks) when the value is empty. */
  valueSpan: Span;
}

export interface Emqx4Include extends Span {
  path: string;
  pathSpan: Span;
}

export interface Emqx4Document {
  text: string;
  entries: Emqx4Entry[];
  includes: Emqx4Include[];
  comments: LineComment[];
  /** `emqx4/syntax` problems; parsing never throws. */
  problems: ParseProblem[];
}

const CODE = 'emqx4/syntax';

/** Parses an EMQX 4.x flat config. Linear in the text length; never throws. */
export function parseEmqx4(text: string): Emqx4Document {
  const doc: Emqx4Document = { text, entries: [], includes: [], comments: [], problems: [] };
  const problem = (start: number, end: number, message: string) => doc.problems.push({ start, end, code: CODE, message });
  for (const line of splitLines(text)) {
    const first = skipBlanks(text, line.start, line.end);
    const end = trimEnd(text, first, line.end);
    if (first === end) continue;
    if (text.charCodeAt(first) === 35 /* # */) {
      doc.comments.push(commentAt(text, first, line.end));
      continue;
    }
    // Key: everything up to blanks or `=`.
    let k = first;
    while (k < end) {
      const c = text.charCodeAt(k);
      if (c === 61 /* = */ || c === 32 || c === 9) break;
      if (c === 92 /* \ */ && k + 1 < end) k++;
      k++;
    }
    const key = text.slice(first, k);
    const eq = skipBlanks(text, k, end);
    if (key === 'include' && eq < end && text.charCodeAt(eq) !== 61) {
      doc.includes.push({ start: first, end, path: text.slice(eq, end), pathSpan: { start: eq, end } });
      continue;
    }
    if (key.length === 0) {
      problem(first, end, 'A setting needs a key before `=`.');
      continue;
    }
    const keyProblem = checkKey(key);
    if (keyProblem) problem(first + keyProblem.at, first + keyProblem.at + keyProblem.length, keyProblem.message);
    if (eq >= end || text.charCodeAt(eq) !== 61) {
      if (eq < end) problem(eq, end, `Expected \`=\` after the key \`${shown(key)}\`.`);
      else problem(first, k, `The key \`${shown(key)}\` has no \`= value\`.`);
      continue;
    }
    const valueStart = skipBlanks(text, eq + 1, end);
    doc.entries.push({
      key,
      keySpan: { start: first, end: k },
      value: text.slice(valueStart, end),
      valueSpan: { start: valueStart, end: Math.max(valueStart, end) },
      start: first,
      end,
    });
  }
  return doc;
}

/** Cuttlefish keys are dot-separated words of [A-Za-z0-9_-] (and `\.` for a literal dot). */
function checkKey(key: string): { at: number; length: number; message: string } | undefined {
  let segmentStart = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 92 /* \ */) {
      if (key.charCodeAt(i + 1) !== 46) return { at: i, length: Math.min(2, key.length - i), message: 'Only `\\.` may be escaped in a key.' };
      i++;
      continue;
    }
    if (c === 46 /* . */) {
      if (i === segmentStart) return { at: i, length: 1, message: 'Empty segment in the key: a `.` at its start, its end or after another `.`.' };
      segmentStart = i + 1;
      continue;
    }
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
    if (!word) {
      const length = c >= 0xd800 && c <= 0xdbff && i + 1 < key.length ? 2 : 1;
      return { at: i, length, message: `Unexpected character \`${shown(key.slice(i, i + length))}\` in the key: keys are dot-separated words of letters, digits, \`_\` and \`-\`.` };
    }
  }
  if (segmentStart === key.length) return { at: key.length - 1, length: 1, message: 'Empty segment in the key: a `.` at its start, its end or after another `.`.' };
  return undefined;
}

/** Every entry for `key`, in file order (cuttlefish applies the last one). */
export function findEntries(doc: Emqx4Document, key: string): Emqx4Entry[] {
  return doc.entries.filter((e) => e.key === key);
}

/** The entry that takes effect for `key` (the last one), if any. */
export function lastEntry(doc: Emqx4Document, key: string): Emqx4Entry | undefined {
  for (let i = doc.entries.length - 1; i >= 0; i--) if (doc.entries[i].key === key) return doc.entries[i];
  return undefined;
}
