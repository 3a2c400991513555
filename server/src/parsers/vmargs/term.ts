/**
 * A small reader for the Erlang terms that appear as vm.args values (`{10,0,1,5}`, `[a,b]`, `"s"`,
 * `'quoted atom'`, `16#ff`, `-1`, `1.5`): enough to validate them, not a full Erlang parser.
 */
import type { Span } from '../../core/text';

export type ErlangTerm =
  | ({ type: 'integer'; value: number } & Span)
  | ({ type: 'float'; value: number } & Span)
  | ({ type: 'atom'; value: string } & Span)
  | ({ type: 'string'; value: string } & Span)
  | ({ type: 'tuple'; items: ErlangTerm[] } & Span)
  | ({ type: 'list'; items: ErlangTerm[] } & Span);

/** A problem in a term, with offsets relative to the text given to `parseErlangTerm`. */
export interface TermProblem extends Span {
  message: string;
}

const MAX_DEPTH = 200;

/**
 * Reads one Erlang term from `text` (surrounding blanks and one trailing `.` allowed). Returns the term,
 * or the first problem with its span; never throws, however deep or long the input.
 */
export function parseErlangTerm(text: string): { term?: ErlangTerm; problem?: TermProblem } {
  let pos = 0;
  const fail = (start: number, end: number, message: string): never => {
    throw new TermError({ start, end: Math.max(start, Math.min(end, text.length)), message });
  };
  const blanks = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
  const read = (depth: number): ErlangTerm => {
    blanks();
    const start = pos;
    if (pos >= text.length) fail(pos, pos, 'Expected a term, found the end of the value.');
    if (depth > MAX_DEPTH) fail(pos, pos + 1, 'The term is nested too deeply.');
    const c = text[pos];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      pos++;
      const items: ErlangTerm[] = [];
      blanks();
      if (text[pos] === close) {
        pos++;
      } else {
        for (;;) {
          items.push(read(depth + 1));
          blanks();
          if (text[pos] === ',') { pos++; continue; }
          if (text[pos] === close) { pos++; break; }
          if (pos >= text.length) fail(start, pos, `\`${c}\` is not closed: \`${close}\` is missing.`);
          fail(pos, pos + 1, `Expected \`,\` or \`${close}\`, found \`${text[pos]}\`.`);
        }
      }
      return c === '{' ? { type: 'tuple', items, start, end: pos } : { type: 'list', items, start, end: pos };
    }
    if (c === '"' || c === "'") {
      let value = '';
      pos++;
      while (pos < text.length && text[pos] !== c) {
        if (text[pos] === '\\' && pos + 1 < text.length) pos++;
        value += text[pos++];
      }
      if (pos >= text.length) fail(start, pos, `Unclosed ${c === '"' ? 'string' : 'quoted atom'}.`);
      pos++;
      return c === '"' ? { type: 'string', value, start, end: pos } : { type: 'atom', value, start, end: pos };
    }
    const number = /^[+-]?(\d+#[0-9A-Za-z]+|\d+(\.\d+([eE][+-]?\d+)?)?)/.exec(text.slice(pos, pos + 400));
    if (number && number[0].length > 0 && /\d/.test(number[0])) {
      pos += number[0].length;
      const raw = number[0];
      if (raw.includes('#')) {
        const [base, digits] = raw.replace(/^[+-]/, '').split('#');
        const radix = Number(base);
        const value = parseInt(digits, radix);
        if (radix < 2 || radix > 36 || Number.isNaN(value) || !new RegExp(`^[${'0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, radix)}]+$`, 'i').test(digits)) {
          fail(start, pos, `\`${raw}\` is not an integer in base ${base}.`);
        }
        return { type: 'integer', value: raw.startsWith('-') ? -value : value, start, end: pos };
      }
      if (raw.includes('.')) return { type: 'float', value: Number(raw), start, end: pos };
      return { type: 'integer', value: Number(raw), start, end: pos };
    }
    if (/[a-z]/.test(c)) {
      while (pos < text.length && /[A-Za-z0-9_@]/.test(text[pos])) pos++;
      return { type: 'atom', value: text.slice(start, pos), start, end: pos };
    }
    return fail(pos, pos + 1, `Unexpected \`${c}\`: expected an integer, atom, string, tuple or list.`);
  };
  try {
    const term = read(0);
    blanks();
    if (text[pos] === '.') {
      pos++;
      blanks();
    }
    if (pos < text.length) fail(pos, text.length, `Unexpected text after the term: \`${text.slice(pos, pos + 20)}\`.`);
    return { term };
  } catch (e) {
    if (e instanceof TermError) return { problem: e.problem };
    return { problem: { start: 0, end: text.length, message: 'The value could not be read as an Erlang term.' } };
  }
}

class TermError extends Error {
  constructor(readonly problem: TermProblem) {
    super(problem.message);
  }
}

/** True for an `inet:ip_address()`: a tuple of 4 integers 0..255 (IPv4) or 8 integers 0..65535 (IPv6). */
export function isInetAddressTuple(term: ErlangTerm | undefined): boolean {
  if (!term || term.type !== 'tuple') return false;
  const max = term.items.length === 4 ? 255 : term.items.length === 8 ? 65535 : -1;
  return max > 0 && term.items.every((t) => t.type === 'integer' && t.value >= 0 && t.value <= max);
}
