/**
 * A position-driven HOCON scanner in EMQX's dialect. The parser asks for one token at a time and says
 * whether it expects a key or a value, because `:` separates a key from its value but may appear inside
 * an (invalid in EMQX) unquoted value such as `0.0.0.0:1883`, which we still want to read as one string.
 */
import type { ParseProblem } from '../../core/problems';
import type { HoconComment } from './ast';
import { readTripleQuoted, readQuoted, EMQX_UNQUOTED } from './strings';

export const enum Tok {
  EOF,
  LBrace,
  RBrace,
  LBracket,
  RBracket,
  Comma,
  Colon,
  Equals,
  PlusEquals,
  /** A quoted or triple-quoted string. */
  Quoted,
  /** A run of characters that are not structural: an unquoted string, number, boolean or null. */
  Unquoted,
  Substitution,
  /** `{{ name }}`: a build placeholder left in the file. */
  Template,
}

export interface Token {
  kind: Tok;
  start: number;
  end: number;
  /** A line terminator was skipped between the previous token and this one. */
  newlineBefore: boolean;
  /** Unescaped string value (Quoted), raw text (Unquoted, Template). */
  value: string;
  triple?: boolean;
  /** Substitution path segments and whether it is `${?...}`. */
  path?: string[];
  optional?: boolean;
}

export const MAX_PROBLEMS = 1000;

/** Characters that always end an unquoted run. */
function isStructural(c: number): boolean {
  switch (c) {
    case 0x7b: case 0x7d: case 0x5b: case 0x5d: case 0x2c: case 0x3d: case 0x22: case 0x23:
      return true;
    default:
      return false;
  }
}

export function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0xfeff;
}

export function isNewline(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

export class Scanner {
  pos = 0;
  readonly comments: HoconComment[] = [];
  private commentsUpTo = 0;

  constructor(
    readonly text: string,
    readonly problems: ParseProblem[],
  ) {}

  report(start: number, end: number, code: string, message: string, extra?: Partial<ParseProblem>): void {
    if (this.problems.length >= MAX_PROBLEMS) return;
    if (this.problems.length === MAX_PROBLEMS - 1) {
      this.problems.push({ start, end, code: 'hocon/syntax', message: 'Too many problems; the rest of the file was not checked.', severity: 'error' });
      return;
    }
    this.problems.push({ start, end, code, message, ...extra });
  }

  /** Skips whitespace, newlines and comments; returns whether a newline was crossed. */
  private skipTrivia(): boolean {
    const t = this.text;
    let newline = false;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (isWhitespace(c)) this.pos++;
      else if (isNewline(c)) {
        newline = true;
        this.pos++;
      } else if (c === 0x23 || (c === 0x2f && t.charCodeAt(this.pos + 1) === 0x2f)) {
        const start = this.pos;
        const markerLen = c === 0x23 ? 1 : 2;
        let e = start + markerLen;
        while (e < t.length && !isNewline(t.charCodeAt(e))) e++;
        // Peeking re-scans the same comment: record each one once, in order.
        if (start >= this.commentsUpTo) {
          this.comments.push({ start, end: e, marker: markerLen === 1 ? '#' : '//', text: t.slice(start + markerLen, e) });
          this.commentsUpTo = e;
          this.checkBadChars(start, e);
        }
        this.pos = e;
      } else if (c === 0 || c === 0xfffd) {
        // Decoding already replaced invalid UTF-8 with U+FFFD; report and treat as blank to keep going.
        if (this.pos >= this.commentsUpTo) this.reportBadChar(this.pos);
        this.pos++;
      } else break;
    }
    return newline;
  }

  private reportBadChar(at: number): void {
    const c = this.text.charCodeAt(at);
    const what = c === 0 ? 'a NUL byte' : 'bytes that are not valid UTF-8 (shown as U+FFFD)';
    this.report(at, at + 1, 'hocon/syntax', `The file contains ${what}; EMQX reads configuration as UTF-8 text.`);
  }

  private checkBadChars(start: number, end: number): void {
    for (let i = start; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 0 || c === 0xfffd) this.reportBadChar(i);
    }
  }

  /** Reads the next token. `mode` says whether a key or a value is expected at this point. */
  next(mode: 'key' | 'value'): Token {
    const newlineBefore = this.skipTrivia();
    const t = this.text;
    const start = this.pos;
    const tok = (kind: Tok, end: number, value = ''): Token => {
      this.pos = end;
      return { kind, start, end, newlineBefore, value };
    };
    if (start >= t.length) return tok(Tok.EOF, start);
    const c = t.charCodeAt(start);
    switch (c) {
      case 0x7b:
        if (mode === 'value' && t.charCodeAt(start + 1) === 0x7b) {
          const close = this.templateEnd(start);
          if (close > 0) return tok(Tok.Template, close, t.slice(start, close));
        }
        return tok(Tok.LBrace, start + 1);
      case 0x7d: return tok(Tok.RBrace, start + 1);
      case 0x5b: return tok(Tok.LBracket, start + 1);
      case 0x5d: return tok(Tok.RBracket, start + 1);
      case 0x2c: return tok(Tok.Comma, start + 1);
      case 0x3a:
        if (mode === 'key') return tok(Tok.Colon, start + 1);
        break;
      case 0x3d: return tok(Tok.Equals, start + 1);
      case 0x2b:
        if (t.charCodeAt(start + 1) === 0x3d) return tok(Tok.PlusEquals, start + 2);
        break;
      case 0x22: {
        if (t.startsWith('"""', start)) {
          const r = readTripleQuoted(t, start, this);
          this.checkBadChars(start, r.end);
          const out = tok(Tok.Quoted, r.end, r.value);
          out.triple = true;
          return out;
        }
        const r = readQuoted(t, start, this);
        this.checkBadChars(start, r.end);
        return tok(Tok.Quoted, r.end, r.value);
      }
      case 0x24:
        if (t.charCodeAt(start + 1) === 0x7b) return this.substitution(start, newlineBefore);
        break;
    }
    const end = this.unquotedEnd(start, mode);
    this.checkBadChars(start, end);
    return tok(Tok.Unquoted, end, t.slice(start, end));
  }

  /** End of `{{ ... }}` on the same line, or -1. */
  private templateEnd(start: number): number {
    const t = this.text;
    for (let i = start + 2; i < t.length - 1; i++) {
      const c = t.charCodeAt(i);
      if (isNewline(c)) return -1;
      if (c === 0x7d && t.charCodeAt(i + 1) === 0x7d) return i + 2;
    }
    return -1;
  }

  private unquotedEnd(start: number, mode: 'key' | 'value'): number {
    const t = this.text;
    let i = start;
    while (i < t.length) {
      const c = t.charCodeAt(i);
      if (isWhitespace(c) || isNewline(c) || isStructural(c) || c === 0 || c === 0xfffd) break;
      if (c === 0x3a && mode === 'key') break;
      if (c === 0x2b && t.charCodeAt(i + 1) === 0x3d) break;
      if (c === 0x24 && t.charCodeAt(i + 1) === 0x7b) break;
      if (c === 0x2f && t.charCodeAt(i + 1) === 0x2f) {
        // `http://host` written unquoted: EMQX rejects it anyway, so read the URL a person meant.
        if (mode === 'value' && i > start && t.charCodeAt(i - 1) === 0x3a) {
          i += 2;
          continue;
        }
        break;
      }
      i++;
    }
    // A lone character that cannot start anything (e.g. `+` or `:` in a key): take it so we advance.
    return i === start ? start + 1 : i;
  }

  private substitution(start: number, newlineBefore: boolean): Token {
    const t = this.text;
    let i = start + 2;
    let optional = false;
    if (t.charCodeAt(i) === 0x3f) {
      optional = true;
      i++;
    }
    const bodyStart = i;
    while (i < t.length && t.charCodeAt(i) !== 0x7d && !isNewline(t.charCodeAt(i))) i++;
    const closed = t.charCodeAt(i) === 0x7d;
    const end = closed ? i + 1 : i;
    const body = t.slice(bodyStart, i);
    this.pos = end;
    const token: Token = { kind: Tok.Substitution, start, end, newlineBefore, value: t.slice(start, end), optional, path: [] };
    if (!closed) {
      this.report(start, end, 'hocon/syntax', 'Expected `}` to close the substitution `${...}` on the same line.');
    }
    const name = body.trim();
    if (name.includes('"')) {
      this.report(start, end, 'hocon/emqx-dialect', 'EMQX does not accept quoted names in substitutions such as `${"a.b"}`; use an unquoted path like `${a.b}`.');
      token.path = splitQuotedPath(name);
    } else if (!/^[A-Za-z][A-Za-z0-9_.@%|-]*$/.test(name)) {
      if (closed) this.report(start, end, 'hocon/syntax', 'Expected a path such as `${node.name}` inside the substitution.');
      token.path = name.split('.');
    } else token.path = name.split('.');
    return token;
  }
}

/** Splits a Lightbend path expression with quoted segments (`"a"."b".c`), for recovery only. */
function splitQuotedPath(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (const ch of s) {
    if (ch === '"') q = !q;
    else if (ch === '.' && !q) {
      out.push(cur);
      cur = '';
    } else if (q || ch.trim() !== '') cur += ch;
  }
  out.push(cur);
  return out;
}

const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(?:\d*\.\d+|\d+\.\d+[eE][+-]?\d+)$/;
/** EMQX's typed tokens: percentages, byte sizes and durations are read as strings. */
const TYPED = /^\d+(?:%|kb|KB|mb|MB|gb|GB|d|D|h|H|m|M|s|S|ms|MS)$/;

export type UnquotedClass =
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'string'; emqxValid: boolean };

/** Classifies an unquoted run the way EMQX's scanner would read it. */
export function classifyUnquoted(raw: string): UnquotedClass {
  if (raw === 'true') return { kind: 'boolean', value: true };
  if (raw === 'false') return { kind: 'boolean', value: false };
  if (raw === 'null') return { kind: 'null' };
  if (INTEGER.test(raw) || FLOAT.test(raw)) return { kind: 'number', value: Number(raw) };
  if (TYPED.test(raw)) return { kind: 'string', emqxValid: true };
  return { kind: 'string', emqxValid: EMQX_UNQUOTED.test(raw) };
}
