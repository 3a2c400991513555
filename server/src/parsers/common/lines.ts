/**
 * Line scanning and line-level edit helpers shared by the line-oriented parsers (emqx4, vmargs, sysctl,
 * systemd, limits, envfile). Everything works on UTF-16 offsets into the original text; nothing throws.
 */
import type { Span, TextEdit } from '../../core/text';
import { detectEol } from '../../core/text';

/** One physical line: [start, end) is its content, `next` the offset after its terminator. */
export interface RawLine {
  start: number;
  end: number;
  next: number;
}

/** A comment as written: the marker character, the text after it, and the span of both. */
export interface LineComment extends Span {
  marker: string;
  text: string;
}

/** Splits a text into physical lines at \n, \r\n or a lone \r. A leading BOM is skipped as whitespace. */
export function splitLines(text: string): RawLine[] {
  const lines: RawLine[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let i = start;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines.push({ start, end: i, next: i + 1 });
      start = i + 1;
    } else if (c === 13) {
      const next = text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      lines.push({ start, end: i, next });
      start = next;
      i = next - 1;
    }
    i++;
  }
  if (start < n || lines.length === 0) lines.push({ start, end: n, next: n });
  return lines;
}

/** Space or tab (the only intra-line whitespace these formats know), plus form feed and vertical tab. */
export function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 11;
}

export function skipBlanks(text: string, from: number, end: number): number {
  while (from < end && isBlank(text.charCodeAt(from))) from++;
  return from;
}

/** The end of [start, end) with trailing blanks removed. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Offset after the line terminator that follows `end`, or `end` when the text ends there. */
export function afterTerminator(text: string, end: number): number {
  if (text.charCodeAt(end) === 13) return text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  if (text.charCodeAt(end) === 10) return end + 1;
  return end;
}

/** The file's line terminator, so inserted lines match it (a lone-\r file keeps \r). */
export function eolOf(text: string): string {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr >= 0 && (lf < 0 || cr + 1 < lf)) return '\r';
  return detectEol(text);
}

/** Moves `end` over trailing blanks to the line terminator (or the end of the text). */
export function lineEndFrom(text: string, end: number): number {
  while (end < text.length && isBlank(text.charCodeAt(end))) end++;
  return end;
}

/** Moves `start` back over leading blanks to the start of its line. */
export function lineStartFrom(text: string, start: number): number {
  while (start > 0 && isBlank(text.charCodeAt(start - 1))) start--;
  return start;
}

/**
 * Edits that remove whole lines: each range [start, end) (a logical line, maybe several physical ones)
 * goes with its indentation, trailing blanks and terminator. Adjacent ranges merge into one edit; a run
 * at the end of a text without a final terminator takes the terminator before it instead, so no empty
 * line is left behind.
 */
export function removeLinesEdits(text: string, ranges: readonly { start: number; end: number }[]): TextEdit[] {
  const spans = ranges
    .map((r) => ({ start: lineStartFrom(text, r.start), end: afterTerminator(text, lineEndFrom(text, r.end)) }))
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  const last = merged[merged.length - 1];
  if (last && last.end === text.length && !/[\r\n]$/.test(text.slice(last.start, last.end)) && last.start > 0) {
    const previousEnd = merged.length > 1 ? merged[merged.length - 2].end : 0;
    let before = last.start;
    if (before > previousEnd && text.charCodeAt(before - 1) === 10) before--;
    if (before > previousEnd && text.charCodeAt(before - 1) === 13) before--;
    last.start = before;
  }
  return merged.map((m) => ({ offset: m.start, length: m.end - m.start, newText: '' }));
}

/**
 * An edit that inserts `line` (without terminator) as a new line after the line ending at `lineEnd`,
 * or at the end of the text when `lineEnd` is undefined. Uses the file's EOL.
 */
export function insertLineEdit(text: string, line: string, lineEnd?: number): TextEdit {
  const eol = eolOf(text);
  const at = lineEnd === undefined ? text.length : lineEndFrom(text, lineEnd);
  const after = afterTerminator(text, at);
  if (after > at) return { offset: after, length: 0, newText: line + eol };
  // No terminator after the anchor: it is the last line (or the text is empty).
  if (at === 0 && text.length === 0) return { offset: 0, length: 0, newText: line + eol };
  const bomOnly = text.length === 1 && text.charCodeAt(0) === 0xfeff;
  return { offset: at, length: 0, newText: (bomOnly ? '' : eol) + line };
}

/** A replacement, or nothing when the span already holds `newText`. */
export function replaceSpan(text: string, span: Span, newText: string): TextEdit[] {
  if (text.slice(span.start, span.end) === newText) return [];
  return [{ offset: span.start, length: span.end - span.start, newText }];
}

/** Reads `#`-style comment text for a line whose first non-blank character is the marker. */
export function commentAt(text: string, markerAt: number, end: number): LineComment {
  return { start: markerAt, end, marker: text[markerAt], text: text.slice(markerAt + 1, end) };
}

/** Short form of a text for messages: at most 40 characters, control characters shown as escapes. */
export function shown(s: string): string {
  const cut = s.length > 40 ? s.slice(0, 40) + '…' : s;
  return cut.replace(/[\x00-\x1f\x7f]/g, (c) => '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0'));
}

/** Offset of the first `ch` (one UTF-16 unit) in [from, end), or -1; bounded so callers stay linear. */
export function indexIn(text: string, ch: number, from: number, end: number): number {
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === ch) return i;
  return -1;
}

/** The end of the physical line holding `offset` (before its terminator), past any trailing comment. */
export function physicalLineEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return end;
}
