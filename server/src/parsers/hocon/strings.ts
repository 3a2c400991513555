/** Quoted and triple-quoted string literals as EMQX reads them, and the reverse (a literal for a string). */
import type { ParseProblem, ProblemCode } from '../../core/problems';

/** What the string readers need from the scanner: problem reporting and a place to leave the end offset. */
interface Reporter {
  report(start: number, end: number, code: ProblemCode, message: string): void;
  /** Reports NUL and U+FFFD characters in [start, end). */
  badCharsIn(start: number, end: number): void;
  /** Set by the readers to the offset right after the literal. */
  scanEnd: number;
}

/**
 * Reads `"..."` starting at `start` and returns its value (the end offset goes to `r.scanEnd`). EMQX
 * unescapes only `\\ \" \n \t \r \b \f`; any other backslash (including `\u0041` and `\/`) stays in the
 * value as written.
 */
export function readQuoted(t: string, start: number, r: Reporter): string {
  const len = t.length;
  let i = start + 1;
  let out = '';
  let chunk = i;
  let bad = false;
  for (; i < len; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x22) {
      r.scanEnd = i + 1;
      if (bad) r.badCharsIn(start, i + 1);
      // Most strings hold no escape: one slice and no concatenation.
      return chunk === start + 1 ? t.slice(chunk, i) : out + t.slice(chunk, i);
    }
    if (c === 0x5c) {
      let mapped: string;
      switch (t.charCodeAt(i + 1)) {
        case 0x5c: mapped = '\\'; break;
        case 0x22: mapped = '"'; break;
        case 0x6e: mapped = '\n'; break;
        case 0x74: mapped = '\t'; break;
        case 0x72: mapped = '\r'; break;
        case 0x62: mapped = '\b'; break;
        case 0x66: mapped = '\f'; break;
        default: continue;
      }
      out += t.slice(chunk, i) + mapped;
      i++;
      chunk = i + 1;
    } else if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) break;
    else if (c === 0 || c === 0xfffd) bad = true;
  }
  out += t.slice(chunk, i);
  r.report(start, i, 'hocon/syntax', 'Expected a closing `"` before the end of the line (use `"""` for text over several lines).');
  r.scanEnd = i;
  if (bad) r.badCharsIn(start, i);
  return out;
}

/**
 * Reads `"""..."""` (and the indented `"""~ ... ~"""` form) starting at `start` and returns its value
 * (the end offset goes to `r.scanEnd`). No escapes apply inside.
 */
export function readTripleQuoted(t: string, start: number, r: Reporter): string {
  const value = tripleQuoted(t, start, r);
  r.badCharsIn(start, r.scanEnd);
  return value;
}

function tripleQuoted(t: string, start: number, r: Reporter): string {
  let contentStart = start + 3;
  let indented = false;
  if (t[contentStart] === '~') {
    if (t[contentStart + 1] === '\n') {
      indented = true;
      contentStart += 2;
    } else if (t[contentStart + 1] === '\r' && t[contentStart + 2] === '\n') {
      indented = true;
      contentStart += 3;
    }
  }
  const close = t.indexOf('"""', contentStart);
  if (close < 0) {
    r.report(start, t.length, 'hocon/syntax', 'Expected `"""` to close this triple-quoted string.');
    r.scanEnd = t.length;
    return t.slice(contentStart);
  }
  let end = close + 3;
  let contentEnd = close;
  if (t.charCodeAt(end) === 0x22) {
    // Lightbend keeps extra quotes as content; EMQX's scanner rejects them.
    while (t.charCodeAt(end) === 0x22) end++;
    contentEnd = end - 3;
    r.report(close, end, 'hocon/emqx-dialect', 'EMQX rejects a quote right before the closing `"""`; escape it in a normal string or use the `"""~ ... ~"""` form.');
  }
  r.scanEnd = end;
  if (!indented) return t.slice(contentStart, contentEnd);
  let body = t.slice(contentStart, contentEnd);
  if (body.endsWith('~')) body = body.slice(0, -1);
  return stripIndent(body);
}

function leadingSpaces(s: string): number {
  let n = 0;
  while (n < s.length && s.charCodeAt(n) === 0x20) n++;
  return n;
}

/**
 * EMQX's indented multi-line string: strip the smallest indentation (spaces) of the non-blank lines;
 * the closing line, when blank, loses at most that much.
 */
function stripIndent(body: string): string {
  const lines = body.split('\n');
  const isBlank = (s: string) => s.replace(/\r$/, '').trim() === '';
  let indent = Infinity;
  for (let k = 0; k < lines.length; k++) {
    if (isBlank(lines[k])) continue;
    indent = Math.min(indent, leadingSpaces(lines[k]));
  }
  return lines.map((l) => l.slice(Math.min(indent, leadingSpaces(l)))).join('\n');
}

/** EMQX's unquoted string: an ASCII letter, then letters, digits and `_ . @ % - |`. */
export const EMQX_UNQUOTED = /^[A-Za-z][A-Za-z0-9_.@%|-]*$/;

const RESERVED = new Set(['true', 'false', 'null', 'include', 'required']);

/** Whether EMQX reads `s` written without quotes as exactly that string. */
export function isSafeUnquoted(s: string): boolean {
  return EMQX_UNQUOTED.test(s) && !RESERVED.has(s);
}

/**
 * The literal EMQX reads back as `value`: bare when that is safe (`verify_peer`, `tlsv1.3`,
 * `emqx@127.0.0.1`), otherwise a quoted string with EMQX's escapes.
 */
export function hoconString(value: string): string {
  if (isSafeUnquoted(value)) return value;
  return quoteString(value);
}

/** Always-quoted form of `value`. */
export function quoteString(value: string): string {
  let out = '"';
  for (const ch of value) {
    switch (ch) {
      case '"': out += '\\"'; break;
      case '\\': out += '\\\\'; break;
      case '\n': out += '\\n'; break;
      case '\r': out += '\\r'; break;
      case '\t': out += '\\t'; break;
      case '\b': out += '\\b'; break;
      case '\f': out += '\\f'; break;
      default: out += ch;
    }
  }
  return out + '"';
}

/** `Number(raw)` for the number `text[start, end)`; plain integers are read from the characters. */
export function numberValue(text: string, start: number, end: number, raw: string): number {
  if (end - start > 15) return Number(raw);
  let i = start;
  const c0 = text.charCodeAt(i);
  if (c0 === 0x2d || c0 === 0x2b) i++;
  let v = 0;
  for (; i < end; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return Number(raw);
    v = v * 10 + d;
  }
  return c0 === 0x2d ? -v : v;
}
