/** Quoted and triple-quoted string literals as EMQX reads them, and the reverse (a literal for a string). */
import type { ParseProblem } from '../../core/problems';

interface Reporter {
  report(start: number, end: number, code: string, message: string, extra?: Partial<ParseProblem>): void;
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/**
 * Reads `"..."` starting at `start`. EMQX unescapes only `\\ \" \n \t \r \b \f`; any other backslash
 * (including `\u0041` and `\/`) stays in the value as written.
 */
export function readQuoted(t: string, start: number, r: Reporter): { value: string; end: number } {
  let i = start + 1;
  let out = '';
  let chunk = i;
  while (i < t.length) {
    const c = t.charCodeAt(i);
    if (c === 0x22) {
      out += t.slice(chunk, i);
      return { value: out, end: i + 1 };
    }
    if (isLineBreak(c)) break;
    if (c === 0x5c) {
      const n = t[i + 1];
      const mapped = n === '\\' ? '\\' : n === '"' ? '"' : n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n === 'b' ? '\b' : n === 'f' ? '\f' : undefined;
      if (mapped !== undefined) {
        out += t.slice(chunk, i) + mapped;
        i += 2;
        chunk = i;
        continue;
      }
    }
    i++;
  }
  out += t.slice(chunk, i);
  r.report(start, i, 'hocon/syntax', 'Expected a closing `"` before the end of the line (use `"""` for text over several lines).');
  return { value: out, end: i };
}

/** Reads `"""..."""` (and the indented `"""~ ... ~"""` form) starting at `start`. No escapes apply inside. */
export function readTripleQuoted(t: string, start: number, r: Reporter): { value: string; end: number } {
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
    return { value: t.slice(contentStart), end: t.length };
  }
  let end = close + 3;
  let contentEnd = close;
  if (t.charCodeAt(end) === 0x22) {
    // Lightbend keeps extra quotes as content; EMQX's scanner rejects them.
    while (t.charCodeAt(end) === 0x22) end++;
    contentEnd = end - 3;
    r.report(close, end, 'hocon/emqx-dialect', 'EMQX rejects a quote right before the closing `"""`; escape it in a normal string or use the `"""~ ... ~"""` form.');
  }
  if (!indented) return { value: t.slice(contentStart, contentEnd), end };
  let body = t.slice(contentStart, contentEnd);
  if (body.endsWith('~')) body = body.slice(0, -1);
  return { value: stripIndent(body), end };
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
