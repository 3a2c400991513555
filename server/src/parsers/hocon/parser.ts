/**
 * Fault-tolerant HOCON parser producing the CST in ast.ts. It never throws, runs in linear time and keeps
 * its own stack (no recursion), so any nesting depth is safe; beyond MAX_DEPTH the nested value is
 * skipped and reported, which keeps every later (recursive) walker of the tree safe too.
 */
import type { ParseProblem } from '../../core/problems';
import type {
  HoconArray, HoconDocument, HoconField, HoconInclude, HoconKey, HoconKeySegment, HoconObject, HoconValue,
} from './ast';
import { Scanner, Tok, type Token, classifyUnquoted } from './scanner';
import { quoteString, EMQX_UNQUOTED } from './strings';

export const MAX_DEPTH = 256;

type Mode = 'key' | 'value';

interface ObjectFrame { t: 'object'; node: HoconObject; lastComma: number; any: boolean }
interface ArrayFrame { t: 'array'; node: HoconArray; lastComma: number; any: boolean }
interface ValueFrame { t: 'value'; parts: HoconValue[]; literal: boolean; joinReported?: boolean; field?: HoconField; array?: HoconArray }
type Frame = ObjectFrame | ArrayFrame | ValueFrame;

const INCLUDE_FORMS: Record<string, HoconInclude['form']> = {
  'required(': 'required', 'file(': 'file', 'url(': 'url', 'classpath(': 'classpath',
};

class Parser {
  readonly problems: ParseProblem[] = [];
  readonly sc: Scanner;
  private la: { tok: Token; mode: Mode } | null = null;
  private depth = 0;

  constructor(readonly text: string) {
    this.sc = new Scanner(text, this.problems);
  }

  private peek(mode: Mode): Token {
    const la = this.la;
    if (la) {
      if (la.mode === mode) return la.tok;
      const k = la.tok.kind;
      if (k !== Tok.Unquoted && k !== Tok.Colon && k !== Tok.LBrace && k !== Tok.Template) return la.tok;
      this.sc.pos = la.tok.start;
      const tok = this.sc.next(mode);
      tok.newlineBefore = la.tok.newlineBefore;
      this.la = { tok, mode };
      return tok;
    }
    const tok = this.sc.next(mode);
    this.la = { tok, mode };
    return tok;
  }

  private take(mode: Mode): Token {
    const tok = this.peek(mode);
    this.la = null;
    return tok;
  }

  private error(start: number, end: number, message: string): void {
    this.sc.report(start, end, 'hocon/syntax', message);
  }

  private dialect(start: number, end: number, message: string, fix?: ParseProblem['fix']): void {
    this.sc.report(start, end, 'hocon/emqx-dialect', message, fix ? { fix } : undefined);
  }

  /** Looks past the buffered token without consuming: is a key (followed by `=`, `:`, `{`) or an include next? */
  private keyAhead(): boolean {
    const la = this.la;
    if (!la) return false;
    const sc = this.sc;
    const saved = { pos: sc.pos, problems: this.problems.length, comments: sc.comments.length };
    const savedUpTo = (sc as unknown as { commentsUpTo: number }).commentsUpTo;
    sc.pos = la.tok.start;
    let tok = sc.next('key');
    let result = false;
    if (tok.kind === Tok.Unquoted || tok.kind === Tok.Quoted) {
      const isInclude = tok.kind === Tok.Unquoted && tok.value === 'include';
      let next = sc.next('key');
      while ((next.kind === Tok.Unquoted || next.kind === Tok.Quoted) && next.start === tok.end) {
        tok = next;
        next = sc.next('key');
      }
      result = next.kind === Tok.Colon || next.kind === Tok.Equals || next.kind === Tok.PlusEquals || next.kind === Tok.LBrace;
      if (isInclude && (next.kind === Tok.Quoted || (next.kind === Tok.Unquoted && !next.newlineBefore))) result = true;
    }
    sc.pos = saved.pos;
    this.problems.length = saved.problems;
    sc.comments.length = saved.comments;
    (sc as unknown as { commentsUpTo: number }).commentsUpTo = savedUpTo;
    return result;
  }

  parse(): HoconDocument {
    const text = this.text;
    const root: HoconObject = { type: 'object', braced: false, members: [], start: 0, end: text.length };
    const stack: Frame[] = [{ t: 'object', node: root, lastComma: -1, any: false }];
    let rootClosed = false;
    const first = this.peek('key');
    if (first.kind === Tok.LBrace) {
      this.take('key');
      root.braced = true;
      root.start = first.start;
    }
    for (;;) {
      const frame = stack[stack.length - 1];
      if (frame.t === 'object') {
        const tok = this.peek('key');
        if (rootClosed && stack.length === 1 && tok.kind !== Tok.EOF) {
          this.error(tok.start, tok.end, 'Expected the end of the file after the `}` that closes the root object.');
          rootClosed = false;
        }
        if (tok.kind === Tok.EOF) {
          if (stack.length === 1) {
            if (root.braced && !rootClosed) {
              this.error(root.start, root.start + 1, 'Expected `}` to close this `{` before the end of the file.');
              root.end = text.length;
            }
            break;
          }
          this.error(frame.node.start, frame.node.start + 1, 'Expected `}` to close this `{` before the end of the file.');
          frame.node.end = text.length;
          this.closeContainer(stack);
          continue;
        }
        this.take('key');
        if (tok.kind === Tok.Comma) {
          if (!frame.any || frame.lastComma >= 0) this.error(tok.start, tok.end, 'Expected a field before this comma.');
          frame.lastComma = tok.start;
          continue;
        }
        if (tok.kind === Tok.RBrace) {
          if (stack.length === 1) {
            if (root.braced && !rootClosed) {
              root.end = tok.end;
              rootClosed = true;
            } else this.error(tok.start, tok.end, 'Unexpected `}`: there is no open `{` to close.');
            continue;
          }
          frame.node.end = tok.end;
          this.closeContainer(stack);
          continue;
        }
        frame.lastComma = -1;
        frame.any = true;
        if (tok.kind === Tok.Unquoted || tok.kind === Tok.Quoted) {
          if (tok.kind === Tok.Unquoted && tok.value === 'include' && this.include(tok, frame.node)) continue;
          this.field(tok, frame.node, stack);
          continue;
        }
        this.error(tok.start, tok.end, `Expected a key (such as \`node.name\`) but found \`${clip(text, tok)}\`.`);
        if (tok.kind === Tok.LBrace || tok.kind === Tok.LBracket || tok.kind === Tok.Substitution) {
          // Read the stray value so its brackets stay balanced, then drop it.
          this.la = { tok, mode: 'value' };
          stack.push({ t: 'value', parts: [], literal: false });
        }
        continue;
      }
      if (frame.t === 'array') {
        const tok = this.peek('value');
        if (tok.kind === Tok.RBracket) {
          this.take('value');
          frame.node.end = tok.end;
          this.closeContainer(stack);
        } else if (tok.kind === Tok.EOF || tok.kind === Tok.RBrace) {
          this.error(frame.node.start, frame.node.start + 1, 'Expected `]` to close this `[`.');
          frame.node.end = tok.kind === Tok.EOF ? text.length : tok.start;
          this.closeContainer(stack);
        } else if (tok.kind === Tok.Comma) {
          this.take('value');
          if (!frame.any || frame.lastComma >= 0) this.error(tok.start, tok.end, 'Expected an array element before this comma.');
          frame.lastComma = tok.start;
        } else if (tok.kind === Tok.Colon || tok.kind === Tok.Equals || tok.kind === Tok.PlusEquals) {
          this.take('value');
          this.error(tok.start, tok.end, `Unexpected \`${clip(text, tok)}\` inside an array.`);
        } else {
          frame.lastComma = -1;
          frame.any = true;
          stack.push({ t: 'value', parts: [], literal: false, array: frame.node });
        }
        continue;
      }
      this.valueStep(frame, stack);
    }
    return { text, root, problems: this.problems, comments: this.sc.comments };
  }

  /** Pops a closed object/array frame and hands the node to the value being built below it. */
  private closeContainer(stack: Frame[]): void {
    const done = stack.pop() as ObjectFrame | ArrayFrame;
    this.depth--;
    const below = stack[stack.length - 1];
    if (below && below.t === 'value') below.parts.push(done.node);
  }

  private valueStep(frame: ValueFrame, stack: Frame[]): void {
    const text = this.text;
    const tok = this.peek('value');
    const first = frame.parts.length === 0;
    if (!first) {
      const k = tok.kind;
      const startsValue = k === Tok.LBrace || k === Tok.LBracket || k === Tok.Quoted || k === Tok.Unquoted || k === Tok.Substitution || k === Tok.Template;
      if (!startsValue) return this.finishValue(stack);
      if ((k === Tok.Quoted || k === Tok.Unquoted) && this.keyAhead()) {
        if (!tok.newlineBefore) this.error(tok.start, tok.end, 'Expected a comma or a new line before the next field.');
        return this.finishValue(stack);
      }
      const literal = k === Tok.Unquoted && classifyUnquoted(tok.value).kind !== 'string';
      if (frame.literal || literal) {
        if (tok.newlineBefore) return this.finishValue(stack);
        if (!frame.joinReported) this.dialect(frame.parts[0].start, tok.end, 'EMQX cannot join a number, `true`, `false` or `null` with other values written after it; quote the whole value.');
        frame.joinReported = true;
      }
    }
    switch (tok.kind) {
      case Tok.LBrace:
      case Tok.LBracket: {
        this.take('value');
        if (this.depth >= MAX_DEPTH) {
          frame.parts.push(this.skipNested(tok));
          return;
        }
        this.depth++;
        if (tok.kind === Tok.LBrace) {
          stack.push({ t: 'object', node: { type: 'object', braced: true, members: [], start: tok.start, end: tok.end }, lastComma: -1, any: false });
        } else {
          stack.push({ t: 'array', node: { type: 'array', items: [], start: tok.start, end: tok.end }, lastComma: -1, any: false });
        }
        return;
      }
      case Tok.Quoted:
        this.take('value');
        frame.parts.push({ type: 'string', value: tok.value, quoting: tok.triple ? 'triple' : 'quoted', start: tok.start, end: tok.end });
        return;
      case Tok.Template:
        this.take('value');
        frame.parts.push({ type: 'string', value: tok.value, quoting: 'unquoted', start: tok.start, end: tok.end });
        return;
      case Tok.Substitution:
        this.take('value');
        frame.parts.push({ type: 'substitution', path: tok.path ?? [], optional: !!tok.optional, start: tok.start, end: tok.end });
        return;
      case Tok.Unquoted: {
        this.take('value');
        const cls = classifyUnquoted(tok.value);
        const span = { start: tok.start, end: tok.end };
        if (cls.kind === 'number') frame.parts.push({ type: 'number', value: cls.value, raw: tok.value, ...span });
        else if (cls.kind === 'boolean') frame.parts.push({ type: 'boolean', value: cls.value, ...span });
        else if (cls.kind === 'null') frame.parts.push({ type: 'null', ...span });
        else {
          frame.parts.push({ type: 'string', value: tok.value, quoting: 'unquoted', ...span });
          if (!cls.emqxValid) {
            this.dialect(tok.start, tok.end,
              `EMQX reads an unquoted value only when it starts with a letter and holds letters, digits and \`_ . @ % - |\`; quote \`${tok.value}\`.`,
              { title: `Quote ${tok.value}`, edits: [{ offset: tok.start, length: tok.end - tok.start, newText: quoteString(tok.value) }] });
          }
        }
        if (cls.kind !== 'string') frame.literal = true;
        return;
      }
      default: {
        const where = tok.kind === Tok.EOF ? 'the end of the file' : `\`${clip(text, tok)}\``;
        const at = tok.kind === Tok.EOF ? Math.max(0, text.length - 1) : tok.start;
        this.error(at, Math.max(at, tok.end), `Expected a value but found ${where}.`);
        this.finishValue(stack);
      }
    }
  }

  private finishValue(stack: Frame[]): void {
    const frame = stack.pop() as ValueFrame;
    const parts = frame.parts;
    let value: HoconValue | undefined;
    if (parts.length === 1) value = parts[0];
    else if (parts.length > 1) value = { type: 'concat', parts, start: parts[0].start, end: parts[parts.length - 1].end };
    if (frame.field) {
      frame.field.value = value;
      if (value) frame.field.end = value.end;
    } else if (frame.array && value) frame.array.items.push(value);
  }

  /** Skips a too-deeply nested value, counting brackets without building nodes. */
  private skipNested(open: Token): HoconValue {
    let level = 1;
    let end = this.text.length;
    for (;;) {
      const tok = this.take('value');
      if (tok.kind === Tok.EOF) break;
      if (tok.kind === Tok.LBrace || tok.kind === Tok.LBracket) level++;
      else if (tok.kind === Tok.RBrace || tok.kind === Tok.RBracket) {
        if (--level === 0) {
          end = tok.end;
          break;
        }
      }
    }
    this.error(open.start, open.end, `Values nested deeper than ${MAX_DEPTH} levels are not read.`);
    return { type: 'invalid', start: open.start, end };
  }

  private field(first: Token, obj: HoconObject, stack: Frame[]): void {
    const key = this.key(first);
    const field: HoconField = { type: 'field', key, separator: null, value: undefined, start: key.start, end: key.end };
    obj.members.push(field);
    const sep = this.peek('key');
    if (sep.kind === Tok.Colon || sep.kind === Tok.Equals || sep.kind === Tok.PlusEquals) {
      this.take('key');
      field.separator = { kind: sep.kind === Tok.Colon ? ':' : sep.kind === Tok.Equals ? '=' : '+=', start: sep.start, end: sep.end };
      field.end = sep.end;
      if (sep.kind === Tok.PlusEquals) this.dialect(sep.start, sep.end, 'EMQX does not support `+=`; write the whole array instead.');
    } else if (sep.kind !== Tok.LBrace) {
      const keyText = this.text.slice(key.start, key.end);
      this.error(key.start, key.end, `Expected \`=\`, \`:\` or \`{\` after the key \`${keyText}\`.`);
      const sameLineValue = !sep.newlineBefore && (sep.kind === Tok.Quoted || sep.kind === Tok.Unquoted || sep.kind === Tok.LBracket || sep.kind === Tok.Substitution);
      if (!sameLineValue) return;
    }
    stack.push({ t: 'value', parts: [], literal: false, field });
  }

  private key(first: Token): HoconKey {
    const segments: HoconKeySegment[] = [];
    let tok = first;
    let pieces = 0;
    let end = first.end;
    let joinNext = false;
    for (;;) {
      pieces++;
      if (tok.kind === Tok.Quoted) {
        if (joinNext && segments.length) {
          const last = segments[segments.length - 1];
          last.name += tok.value;
          last.end = tok.end;
        } else segments.push({ name: tok.value, quoted: true, start: tok.start, end: tok.end });
        joinNext = true;
      } else {
        const raw = tok.value;
        if (!EMQX_UNQUOTED.test(raw) && !(pieces > 1 && /^\.[A-Za-z0-9_.@%|-]*$/.test(raw))) {
          this.dialect(tok.start, tok.end, `EMQX reads an unquoted key only when it starts with a letter and holds letters, digits and \`_ . @ % - |\`; quote \`${raw}\`.`);
        }
        let segStart = 0;
        for (let i = 0; i <= raw.length; i++) {
          if (i < raw.length && raw[i] !== '.') continue;
          const name = raw.slice(segStart, i);
          if (segStart === 0 && joinNext && segments.length) {
            const last = segments[segments.length - 1];
            last.name += name;
            last.end = tok.start + i;
          } else if (name === '' && !(i === 0 && pieces > 1) && !(i === raw.length && i > 0 && this.nextIsAdjacent(tok))) {
            this.error(tok.start + segStart, tok.start + Math.min(i + 1, raw.length), 'Expected a key segment between dots.');
          } else if (name !== '') {
            segments.push({ name, quoted: false, start: tok.start + segStart, end: tok.start + i });
          }
          segStart = i + 1;
        }
        joinNext = !raw.endsWith('.');
      }
      end = tok.end;
      const next = this.peek('key');
      if ((next.kind === Tok.Unquoted || next.kind === Tok.Quoted) && next.start === end) {
        this.take('key');
        tok = next;
        continue;
      }
      break;
    }
    if (pieces > 1) this.dialect(first.start, end, 'EMQX reads a key as a single token; write the path unquoted (`a.b.c`) instead of mixing quoted parts.');
    return { segments, start: first.start, end };
  }

  private nextIsAdjacent(tok: Token): boolean {
    const next = this.peek('key');
    return (next.kind === Tok.Quoted || next.kind === Tok.Unquoted) && next.start === tok.end;
  }

  /** Parses `include "f"` / `include required("f")`; returns false when `include` is just a key. */
  private include(kw: Token, obj: HoconObject): boolean {
    const next = this.peek('value');
    let form: HoconInclude['form'] = 'plain';
    if (next.kind === Tok.Unquoted && next.value in INCLUDE_FORMS) form = INCLUDE_FORMS[next.value];
    // EMQX also takes an unquoted file name: `include other.conf`.
    else if (next.kind !== Tok.Quoted && !(next.kind === Tok.Unquoted && !next.newlineBefore)) return false;
    this.take('value');
    let targetTok = next;
    let end = next.end;
    if (form !== 'plain') {
      targetTok = this.peek('value');
      if (targetTok.kind !== Tok.Quoted) {
        this.error(next.start, next.end, `Expected a quoted file name after \`${next.value}\`.`);
        return true;
      }
      this.take('value');
      end = targetTok.end;
      const close = this.peek('value');
      if (close.kind === Tok.Unquoted && close.value.startsWith(')') && close.start === end) {
        this.take('value');
        end = close.start + 1;
        if (close.value.length > 1) this.error(close.start + 1, close.end, 'Unexpected text after `)`.');
      } else this.error(targetTok.start, targetTok.end, 'Expected `)` right after the file name.');
      if (form !== 'required') {
        this.dialect(kw.start, end, `EMQX does not support \`include ${form}(...)\`; use \`include "file"\` or \`include required("file")\`.`);
      }
    }
    obj.members.push({
      type: 'include', target: targetTok.value, targetSpan: { start: targetTok.start, end: targetTok.end },
      required: form === 'required', form, start: kw.start, end,
    });
    return true;
  }
}

function clip(text: string, tok: Token): string {
  const s = text.slice(tok.start, Math.min(tok.end, tok.start + 30));
  return s.length < tok.end - tok.start ? s + '…' : s;
}

/** Parses EMQX HOCON text into a CST with problems; never throws. */
export function parseHocon(text: string): HoconDocument {
  return new Parser(text).parse();
}
