/**
 * A position-driven HOCON scanner in EMQX's dialect. The parser asks for one token at a time and says
 * whether it expects a key or a value, because `:` separates a key from its value but may appear inside
 * an (invalid in EMQX) unquoted value such as `0.0.0.0:1883`, which we still want to read as one string.
 *
 * For speed (after microsoft/node-jsonc-parser) `next()` returns the token kind as a number and leaves
 * the token's offsets and value in fields of the scanner: no object per token, no closure per call.
 */
import type { ParseProblem, ProblemCode } from '../../core/problems';
import type { HoconComment } from './ast';
import { readTripleQuoted, readQuoted } from './strings';

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

export const MAX_PROBLEMS = 1000;

/**
 * How an ASCII character behaves inside an unquoted run. Word, Dot and Other continue the run; Dot and
 * Other double as the bits of `Scanner.runFlags`.
 */
const enum Run {
  /** Letters, digits and `_ @ % - |`: what EMQX allows in an unquoted string. */
  Word = 0,
  Dot = 1,
  /** Any other character that does not end the run. */
  Other = 2,
  /** Whitespace, line breaks, structural characters and NUL always end the run. */
  Stop = 4,
  Colon,
  Plus,
  Dollar,
  Slash,
}

/** Bits of `Scanner.runFlags` for the current Unquoted token. */
export const enum RunFlags {
  /** The run holds a `.`. */
  Dot = 1,
  /** The run holds a character EMQX does not allow unquoted (neither a word character nor `.`). */
  NotWord = 2,
}

const RUN = new Uint8Array(128).fill(Run.Other);
for (let c = 0x30; c <= 0x39; c++) RUN[c] = Run.Word;
for (let c = 0x41; c <= 0x5a; c++) RUN[c] = Run.Word;
for (let c = 0x61; c <= 0x7a; c++) RUN[c] = Run.Word;
for (const c of [0x5f, 0x40, 0x25, 0x2d, 0x7c]) RUN[c] = Run.Word;
RUN[0x2e] = Run.Dot;
for (const c of [0x20, 0x09, 0x0b, 0x0c, 0x0a, 0x0d, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3d, 0x22, 0x23, 0]) RUN[c] = Run.Stop;
RUN[0x3a] = Run.Colon;
RUN[0x2b] = Run.Plus;
RUN[0x24] = Run.Dollar;
RUN[0x2f] = Run.Slash;

export function isNewline(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

const SUBSTITUTION_PATH = /^[A-Za-z][A-Za-z0-9_.@%|-]*$/;

export class Scanner {
  pos = 0;
  readonly comments: HoconComment[] = [];
  /** Comments and blank-level bad characters before this offset were already recorded. */
  commentsUpTo = 0;
  readonly len: number;

  // The current token. Only `kind`, offsets and `newlineBefore` are set for every token.
  kind: Tok = Tok.EOF;
  tokStart = 0;
  tokEnd = 0;
  /** A line terminator was skipped between the previous token and this one. */
  newlineBefore = false;
  /** Unescaped value of a Quoted token (for other kinds, slice the text). */
  tokValue = '';
  /** The Quoted token was `"""..."""`. */
  triple = false;
  /** Substitution path segments and whether it is `${?...}`. */
  subPath: string[] = [];
  subOptional = false;
  /** Set by the string readers: offset after the literal just read. */
  scanEnd = 0;
  /** For an Unquoted token: RunFlags of its characters. */
  runFlags = 0;

  /** Scans text[from, to) only: the incremental re-parse (incremental/reparse.ts) reads one field of the whole text. */
  constructor(
    readonly text: string,
    readonly problems: ParseProblem[],
    from = 0,
    to = text.length,
  ) {
    this.pos = from;
    this.len = to;
  }

  report(start: number, end: number, code: ProblemCode, message: string, fix?: ParseProblem['fix']): void {
    const problems = this.problems;
    if (problems.length >= MAX_PROBLEMS) return;
    if (problems.length === MAX_PROBLEMS - 1) {
      problems.push({ start, end, code: 'hocon/syntax', message: 'Too many problems; the rest of the file was not checked.', severity: 'error' });
      return;
    }
    if (fix) problems.push({ start, end, code, message, fix });
    else problems.push({ start, end, code, message });
  }

  /** Skips whitespace, newlines and comments; returns whether a newline was crossed. */
  private skipTrivia(): boolean {
    const t = this.text;
    const len = this.len;
    let pos = this.pos;
    let newline = false;
    while (pos < len) {
      const c = t.charCodeAt(pos);
      switch (c) {
        case 0x20: case 0x09: case 0x0b: case 0x0c: case 0xa0: case 0xfeff:
          pos++;
          continue;
        case 0x0a: case 0x0d: case 0x2028: case 0x2029:
          newline = true;
          pos++;
          continue;
        case 0x23:
          pos = this.comment(pos, 1);
          continue;
        case 0x2f:
          if (t.charCodeAt(pos + 1) !== 0x2f) break;
          pos = this.comment(pos, 2);
          continue;
        case 0: case 0xfffd:
          // Decoding already replaced invalid UTF-8 with U+FFFD; report and treat as blank to keep going.
          if (pos >= this.commentsUpTo) this.reportBadChar(pos);
          pos++;
          continue;
      }
      break;
    }
    this.pos = pos;
    return newline;
  }

  /** Reads a comment starting at `start`; returns its end (the line terminator or end of text). */
  private comment(start: number, markerLen: number): number {
    const t = this.text;
    const len = this.len;
    let e = start + markerLen;
    let bad = false;
    for (; e < len; e++) {
      const c = t.charCodeAt(e);
      if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) break;
      if (c === 0 || c === 0xfffd) bad = true;
    }
    // Peeking re-scans the same comment: record each one once, in order.
    if (start >= this.commentsUpTo) {
      this.comments.push({ start, end: e, marker: markerLen === 1 ? '#' : '//', text: t.slice(start + markerLen, e) });
      this.commentsUpTo = e;
      if (bad) this.checkBadChars(start, e);
    }
    return e;
  }

  private reportBadChar(at: number): void {
    const c = this.text.charCodeAt(at);
    const what = c === 0 ? 'a NUL byte' : 'bytes that are not valid UTF-8 (shown as U+FFFD)';
    this.report(at, at + 1, 'hocon/syntax', `The file contains ${what}; EMQX reads configuration as UTF-8 text.`);
  }

  private checkBadChars(start: number, end: number): void {
    const t = this.text;
    for (let i = start; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c === 0 || c === 0xfffd) this.reportBadChar(i);
    }
  }

  private set(kind: Tok, start: number, end: number, newlineBefore: boolean): Tok {
    this.kind = kind;
    this.tokStart = start;
    this.tokEnd = end;
    this.newlineBefore = newlineBefore;
    this.pos = end;
    return kind;
  }

  /** Makes `kind` over [start, end) the current token, scanning on from `pos` (the parser's lookahead rewinds). */
  setToken(kind: Tok, start: number, end: number, pos: number, runFlags: number): void {
    this.kind = kind;
    this.tokStart = start;
    this.tokEnd = end;
    this.pos = pos;
    this.runFlags = runFlags;
  }

  /** Reads the next token; `keyMode` says a key (rather than a value) is expected at this point. */
  next(keyMode: boolean): Tok {
    const newlineBefore = this.skipTrivia();
    const t = this.text;
    const start = this.pos;
    if (start >= this.len) return this.set(Tok.EOF, start, start, newlineBefore);
    const c = t.charCodeAt(start);
    switch (c) {
      case 0x7b:
        if (!keyMode && t.charCodeAt(start + 1) === 0x7b) {
          const close = this.templateEnd(start);
          if (close > 0) return this.set(Tok.Template, start, close, newlineBefore);
        }
        return this.set(Tok.LBrace, start, start + 1, newlineBefore);
      case 0x7d: return this.set(Tok.RBrace, start, start + 1, newlineBefore);
      case 0x5b: return this.set(Tok.LBracket, start, start + 1, newlineBefore);
      case 0x5d: return this.set(Tok.RBracket, start, start + 1, newlineBefore);
      case 0x2c: return this.set(Tok.Comma, start, start + 1, newlineBefore);
      case 0x3a:
        if (keyMode) return this.set(Tok.Colon, start, start + 1, newlineBefore);
        break;
      case 0x3d: return this.set(Tok.Equals, start, start + 1, newlineBefore);
      case 0x2b:
        if (t.charCodeAt(start + 1) === 0x3d) return this.set(Tok.PlusEquals, start, start + 2, newlineBefore);
        break;
      case 0x22: {
        const triple = t.charCodeAt(start + 1) === 0x22 && t.charCodeAt(start + 2) === 0x22;
        this.tokValue = triple ? readTripleQuoted(t, start, this) : readQuoted(t, start, this);
        this.triple = triple;
        return this.set(Tok.Quoted, start, this.scanEnd, newlineBefore);
      }
      case 0x24:
        if (t.charCodeAt(start + 1) === 0x7b) return this.substitution(start, newlineBefore);
        break;
    }
    // Unquoted tokens never hold NUL or U+FFFD (both end the run), so they need no bad-character check.
    return this.set(Tok.Unquoted, start, this.unquotedEnd(start, keyMode), newlineBefore);
  }

  /** Reports NUL and U+FFFD inside a string literal (called by the string readers when they saw one). */
  badCharsIn(start: number, end: number): void {
    this.checkBadChars(start, end);
  }

  /** End of `{{ ... }}` on the same line, or -1. */
  private templateEnd(start: number): number {
    // A search that found no `}}` up to the end of its line answers every later search on that line too:
    // without this, a line of n `{` would cost n²/2 steps.
    if (start >= this.noTemplateFrom && start < this.noTemplateBefore) return -1;
    const t = this.text;
    let i = start + 2;
    for (; i < this.len - 1; i++) {
      const c = t.charCodeAt(i);
      if (isNewline(c)) break;
      if (c === 0x7d && t.charCodeAt(i + 1) === 0x7d) return i + 2;
    }
    this.noTemplateFrom = start;
    this.noTemplateBefore = i;
    return -1;
  }

  /** A `{{` starting in [noTemplateFrom, noTemplateBefore) has no closing `}}` on its line. */
  private noTemplateFrom = 0;
  private noTemplateBefore = 0;

  /** End of the unquoted run at `start`; sets `runFlags`. */
  private unquotedEnd(start: number, keyMode: boolean): number {
    const t = this.text;
    const len = this.len;
    let flags = 0;
    let i = start;
    for (; i < len; i++) {
      const c = t.charCodeAt(i);
      if (c < 128) {
        const k = RUN[c];
        if (k < Run.Stop) {
          flags |= k;
          continue;
        }
        if (k === Run.Stop) break;
        if (k === Run.Colon) {
          if (keyMode) break;
        } else if (k === Run.Plus) {
          if (t.charCodeAt(i + 1) === 0x3d) break;
        } else if (k === Run.Dollar) {
          if (t.charCodeAt(i + 1) === 0x7b) break;
        } else if (t.charCodeAt(i + 1) === 0x2f) {
          // `http://host` written unquoted: EMQX rejects it anyway, so read the URL a person meant.
          if (!keyMode && i > start && t.charCodeAt(i - 1) === 0x3a) {
            i++;
            flags |= RunFlags.NotWord;
            continue;
          }
          break;
        }
        flags |= RunFlags.NotWord;
      } else if (c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029 || c === 0xfffd) break;
      else flags |= RunFlags.NotWord;
    }
    // A lone character that cannot start anything (e.g. `+` or `:` in a key): take it so we advance.
    if (i === start) {
      this.runFlags = RunFlags.NotWord;
      return start + 1;
    }
    this.runFlags = flags;
    return i;
  }

  private substitution(start: number, newlineBefore: boolean): Tok {
    const t = this.text;
    let i = start + 2;
    let optional = false;
    if (t.charCodeAt(i) === 0x3f) {
      optional = true;
      i++;
    }
    const bodyStart = i;
    while (i < this.len && t.charCodeAt(i) !== 0x7d && !isNewline(t.charCodeAt(i))) i++;
    const closed = t.charCodeAt(i) === 0x7d;
    const end = closed ? i + 1 : i;
    const body = t.slice(bodyStart, i);
    this.set(Tok.Substitution, start, end, newlineBefore);
    this.subOptional = optional;
    if (!closed) {
      this.report(start, end, 'hocon/syntax', 'Expected `}` to close the substitution `${...}` on the same line.');
    }
    const name = body.trim();
    if (name.includes('"')) {
      this.report(start, end, 'hocon/emqx-dialect', 'EMQX does not accept quoted names in substitutions such as `${"a.b"}`; use an unquoted path like `${a.b}`.');
      this.subPath = splitQuotedPath(name);
    } else {
      if (!SUBSTITUTION_PATH.test(name) && closed) this.report(start, end, 'hocon/syntax', 'Expected a path such as `${node.name}` inside the substitution.');
      this.subPath = name.split('.');
    }
    return Tok.Substitution;
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

/** What an unquoted run is to EMQX. */
export const enum Unquoted {
  /** A string EMQX would not read unquoted (it has to be quoted). */
  InvalidString,
  /** A string EMQX reads unquoted: a bare word or a typed token such as `15s`, `16MB` or `80%`. */
  String,
  Number,
  True,
  False,
  Null,
}

/** Characters allowed after the first letter of an EMQX unquoted string: letters, digits, `_ . @ % - |`. */
const WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (letter || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2e || c === 0x40 || c === 0x25 || c === 0x2d || c === 0x7c) WORD[c] = 1;
}

export function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Whether `t[from, end)` holds only characters EMQX allows after the first letter of an unquoted string. */
export function allWordChars(t: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c >= 128 || WORD[c] === 0) return false;
  }
  return true;
}

/** `^[A-Za-z][A-Za-z0-9_.@%|-]*$` over `t[start, end)`. */
export function isEmqxWord(t: string, start: number, end: number): boolean {
  return end > start && isLetter(t.charCodeAt(start)) && allWordChars(t, start + 1, end);
}

/** `classifyUnquoted` for the scanner's current Unquoted token, using the flags gathered while scanning it. */
export function classifyRun(t: string, start: number, end: number, flags: number): Unquoted {
  if (!isLetter(t.charCodeAt(start))) return classifyUnquoted(t, start, end);
  if (flags & RunFlags.NotWord) return Unquoted.InvalidString;
  switch (end - start) {
    case 4:
      if (t.startsWith('true', start)) return Unquoted.True;
      if (t.startsWith('null', start)) return Unquoted.Null;
      break;
    case 5:
      if (t.startsWith('false', start)) return Unquoted.False;
  }
  return Unquoted.String;
}

/**
 * Classifies the unquoted run `t[start, end)` the way EMQX's scanner reads it: integers `[+-]?\d+`,
 * floats `[+-]?\d*\.\d+` and `[+-]?\d+\.\d+[eE][+-]?\d+`, `true`, `false`, `null`; typed tokens
 * (`\d+` then `%`, `kb`, `mb`, `gb`, `d`, `h`, `m`, `s` or `ms`, in one case) read as strings.
 */
export function classifyUnquoted(t: string, start: number, end: number): Unquoted {
  const c0 = t.charCodeAt(start);
  if (isLetter(c0)) {
    if (end - start === 4) {
      if (t.startsWith('true', start)) return Unquoted.True;
      if (t.startsWith('null', start)) return Unquoted.Null;
    } else if (end - start === 5 && t.startsWith('false', start)) return Unquoted.False;
    return allWordChars(t, start + 1, end) ? Unquoted.String : Unquoted.InvalidString;
  }
  let i = start;
  if (c0 === 0x2b || c0 === 0x2d) i++;
  const intStart = i;
  while (i < end && isDigit(t.charCodeAt(i))) i++;
  const intDigits = i - intStart;
  if (i === end) return intDigits > 0 ? Unquoted.Number : Unquoted.InvalidString;
  if (t.charCodeAt(i) === 0x2e) {
    const fracStart = ++i;
    while (i < end && isDigit(t.charCodeAt(i))) i++;
    if (i === fracStart) return Unquoted.InvalidString;
    if (i === end) return Unquoted.Number;
    const e = t.charCodeAt(i);
    if (intDigits === 0 || (e !== 0x65 && e !== 0x45)) return Unquoted.InvalidString;
    i++;
    const s = t.charCodeAt(i);
    if (s === 0x2b || s === 0x2d) i++;
    const expStart = i;
    while (i < end && isDigit(t.charCodeAt(i))) i++;
    return i === end && i > expStart ? Unquoted.Number : Unquoted.InvalidString;
  }
  // Typed tokens have no sign.
  if (intDigits === 0 || intStart !== start) return Unquoted.InvalidString;
  return isTypedSuffix(t, i, end) ? Unquoted.String : Unquoted.InvalidString;
}

function isTypedSuffix(t: string, i: number, end: number): boolean {
  const a = t.charCodeAt(i);
  if (end - i === 1) {
    switch (a) {
      case 0x25: case 0x64: case 0x44: case 0x68: case 0x48: case 0x6d: case 0x4d: case 0x73: case 0x53:
        return true;
    }
    return false;
  }
  if (end - i !== 2) return false;
  const b = t.charCodeAt(i + 1);
  // kb KB mb MB gb GB ms MS: both letters in the same case.
  if (b === 0x62) return a === 0x6b || a === 0x6d || a === 0x67;
  if (b === 0x42) return a === 0x4b || a === 0x4d || a === 0x47;
  if (b === 0x73) return a === 0x6d;
  if (b === 0x53) return a === 0x4d;
  return false;
}
