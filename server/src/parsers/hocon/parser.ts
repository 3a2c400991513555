/**
 * Fault-tolerant HOCON parser producing the CST in ast.ts. It never throws, runs in linear time and keeps
 * its own stack (no recursion), so any nesting depth is safe; beyond MAX_DEPTH the nested value is
 * skipped and reported, which keeps every later (recursive) walker of the tree safe too.
 *
 * Speed matters (10 MB files, re-parse on every keystroke): the scanner keeps the current token in its
 * fields, stack frames are reused, and every CST node is built once, as an object literal of one shape.
 */
import type { ParseProblem } from '../../core/problems';
import type { HoconDocument, HoconField, HoconInclude, HoconKey, HoconKeySegment, HoconMember, HoconObject, HoconValue } from './ast';
import { RunFlags, Scanner, Tok, Unquoted, allWordChars, classifyRun, isEmqxWord, isLetter } from './scanner';
import { numberValue } from './strings';
import { F, KEY, VALUE, clip, includeForm, quoteEdits, quoteFixIsSound, type Frame } from './parserFrames';

export const MAX_DEPTH = 256;

export class Parser {
  readonly problems: ParseProblem[] = [];
  readonly sc: Scanner;
  /** The scanner's current token is a lookahead not consumed yet, scanned in mode `laKey`. */
  private laValid = false;
  private laKey = KEY;
  private readonly frames: Frame[] = [];
  private readonly segments: HoconKeySegment[] = [];
  /**
   * The punctuation token keyAhead found after a key (scanning from `sepPos` in key mode), kept so the
   * parser does not scan it twice; -1 when none. Only kept when scanning it reported nothing.
   */
  private sepPos = -1;
  private sepKind = Tok.EOF;
  private sepStart = 0;
  private sepEnd = 0;
  private sepNewline = false;
  /**
   * The last chain of adjacent key pieces keyAhead read in vain (no separator after it): where each
   * piece starts, and the token after the chain. A value written as adjacent pieces (`a = b"c""d"...`)
   * asks again at every piece; answering from here keeps that linear.
   */
  private readonly chainStarts: number[] = [];
  private chainCount = 0;
  private chainAt = 0;
  private chainEnd = 0;
  private chainNext = Tok.EOF;
  private chainNextNewline = false;
  private sp = 0;

  /** `from`, `to`, `depth`: read only text[from, to), as members of an object nested `depth` deep (incremental/reparse.ts). */
  constructor(readonly text: string, from = 0, to = text.length, private depth = 0) {
    this.sc = new Scanner(text, this.problems, from, to);
  }

  private peek(keyMode: boolean): Tok {
    const sc = this.sc;
    if (this.laValid) {
      if (this.laKey === keyMode) return sc.kind;
      const k = sc.kind;
      if (k !== Tok.Unquoted && k !== Tok.Colon && k !== Tok.LBrace && k !== Tok.Template) return k;
      // The token reads differently in the other mode: scan it again from its start.
      const newlineBefore = sc.newlineBefore;
      sc.pos = sc.tokStart;
      sc.next(keyMode);
      sc.newlineBefore = newlineBefore;
      this.laKey = keyMode;
      return sc.kind;
    }
    this.laValid = true;
    this.laKey = keyMode;
    if (keyMode && sc.pos === this.sepPos) {
      // The separator after a key was already scanned by keyAhead.
      this.sepPos = -1;
      sc.kind = this.sepKind;
      sc.tokStart = this.sepStart;
      sc.tokEnd = sc.pos = this.sepEnd;
      sc.newlineBefore = this.sepNewline;
      return sc.kind;
    }
    return sc.next(keyMode);
  }

  private take(keyMode: boolean): Tok {
    const k = this.peek(keyMode);
    this.laValid = false;
    return k;
  }

  private tokText(): string {
    return this.text.slice(this.sc.tokStart, this.sc.tokEnd);
  }

  private error(start: number, end: number, message: string): void {
    this.sc.report(start, end, 'hocon/syntax', message);
  }

  private dialect(start: number, end: number, message: string, fix?: ParseProblem['fix']): void {
    this.sc.report(start, end, 'hocon/emqx-dialect', message, fix);
  }

  private push(t: F, start: number): Frame {
    let f = this.frames[this.sp];
    if (f === undefined) {
      f = { t, start, end: start, lastComma: -1, any: false, list: [], n: 0, literal: false, joinReported: false, field: null };
      this.frames.push(f);
    } else {
      f.t = t;
      f.start = start;
      f.end = start;
      f.lastComma = -1;
      f.any = false;
      f.n = 0;
      f.literal = false;
      f.joinReported = false;
      f.field = null;
    }
    this.sp++;
    return f;
  }

  /**
   * Looks past the lookahead without consuming it: is a key (followed by `=`, `:`, `{`) or an include
   * next? When it is, the lookahead is left scanned as a key (the parser reads it as one right after);
   * otherwise the scanner is left exactly as it was.
   */
  private keyAhead(): boolean {
    if (!this.laValid) return false;
    const sc = this.sc;
    const problems = this.problems;
    const comments = sc.comments;
    const pos = sc.pos, kind = sc.kind, tokStart = sc.tokStart, tokEnd = sc.tokEnd, newlineBefore = sc.newlineBefore;
    const tokValue = sc.tokValue, triple = sc.triple, subPath = sc.subPath, subOptional = sc.subOptional, runFlags = sc.runFlags;
    const problemCount = problems.length, commentCount = comments.length, commentsUpTo = sc.commentsUpTo;
    if (this.inFailedChain(tokStart)) {
      // Same pieces to the same end: no separator follows, unless this piece is `include` before a file name.
      const n = this.chainNext;
      const i = this.chainAt;
      const pieceEnd = i + 1 < this.chainCount ? this.chainStarts[i + 1] : this.chainEnd;
      const isInclude = pieceEnd - tokStart === 7 && this.text.startsWith('include', tokStart);
      return isInclude && (n === Tok.Quoted || (n === Tok.Unquoted && !this.chainNextNewline));
    }
    // A quoted string reads the same in both modes, and so does a run of word characters and dots
    // (`:` and `//` are what differ); anything else is scanned again as a key.
    let k = kind;
    if (!(kind === Tok.Quoted || (kind === Tok.Unquoted && !(runFlags & RunFlags.NotWord)))) {
      sc.pos = tokStart;
      k = sc.next(KEY);
    }
    let result = false;
    if (k === Tok.Unquoted || k === Tok.Quoted) {
      const keyEnd = sc.tokEnd, keyFlags = sc.runFlags;
      const isInclude = k === Tok.Unquoted && this.isIncludeWord();
      let end = keyEnd;
      const starts = this.chainStarts;
      let count = 0;
      starts[count++] = sc.tokStart;
      let n = sc.next(KEY);
      while ((n === Tok.Unquoted || n === Tok.Quoted) && sc.tokStart === end) {
        starts[count++] = sc.tokStart;
        end = sc.tokEnd;
        n = sc.next(KEY);
      }
      result = n === Tok.Colon || n === Tok.Equals || n === Tok.PlusEquals || n === Tok.LBrace;
      if (!result && count > 1) {
        this.chainCount = count;
        this.chainAt = 1;
        this.chainEnd = end;
        this.chainNext = n;
        this.chainNextNewline = sc.newlineBefore;
      } else this.chainCount = 0;
      if (result && end === keyEnd && problems.length === problemCount && comments.length === commentCount) {
        this.sepPos = keyEnd;
        this.sepKind = n;
        this.sepStart = sc.tokStart;
        this.sepEnd = sc.tokEnd;
        this.sepNewline = sc.newlineBefore;
      }
      if (isInclude && (n === Tok.Quoted || (n === Tok.Unquoted && !sc.newlineBefore))) result = true;
      if (result) {
        // Keep the key-mode scan of the lookahead (a Quoted one reads the same in both modes).
        sc.setToken(k, tokStart, keyEnd, keyEnd, keyFlags);
        this.laKey = KEY;
      }
    }
    if (!result) sc.setToken(kind, tokStart, tokEnd, pos, runFlags);
    sc.newlineBefore = newlineBefore;
    sc.tokValue = tokValue;
    sc.triple = triple;
    sc.subPath = subPath;
    sc.subOptional = subOptional;
    // Problems and comments met while looking ahead are met again when the parser gets there.
    if (problems.length !== problemCount) problems.length = problemCount;
    if (comments.length !== commentCount) comments.length = commentCount;
    sc.commentsUpTo = commentsUpTo;
    return result;
  }

  /** `start` is where a later piece of the last failed chain starts (asked in increasing order). */
  private inFailedChain(start: number): boolean {
    const starts = this.chainStarts;
    let i = this.chainAt;
    while (i < this.chainCount && starts[i] < start) i++;
    this.chainAt = i;
    return i < this.chainCount && starts[i] === start;
  }

  /** The current (Unquoted) token is the word `include`. */
  private isIncludeWord(): boolean {
    const sc = this.sc;
    return sc.tokEnd - sc.tokStart === 7 && this.text.startsWith('include', sc.tokStart);
  }

  parse(): HoconDocument {
    const text = this.text;
    const sc = this.sc;
    const rootFrame = this.push(F.Object, 0);
    let rootBraced = false;
    let rootEnd = text.length;
    let rootClosed = false;
    let trailing = false;
    if (this.peek(KEY) === Tok.LBrace) {
      this.laValid = false;
      rootBraced = true;
      rootFrame.start = sc.tokStart;
    }
    for (;;) {
      const frame = this.frames[this.sp - 1];
      if (frame.t === F.Object) {
        const k = this.peek(KEY);
        if (rootClosed && !trailing && this.sp === 1 && k !== Tok.EOF && k !== Tok.RBrace) {
          // Reported once; what follows is still read (into the root, so every node stays inside it).
          // The range runs from the root's `}` to the stray token, so the brace that ends the root early is in it.
          this.error(rootEnd - 1, sc.tokEnd, 'Expected the end of the file after the `}` that closes the root object.');
          trailing = true;
          rootEnd = text.length;
        }
        if (k === Tok.EOF) {
          if (this.sp === 1) {
            if (rootBraced && !rootClosed) {
              this.error(frame.start, frame.start + 1, 'Expected `}` to close this `{` before the end of the file.');
              rootEnd = text.length;
            }
            break;
          }
          this.error(frame.start, frame.start + 1, 'Expected `}` to close this `{` before the end of the file.');
          this.closeContainer(text.length);
          continue;
        }
        this.laValid = false;
        const start = sc.tokStart;
        const end = sc.tokEnd;
        if (k === Tok.Comma) {
          if (!frame.any || frame.lastComma >= 0) this.error(start, end, 'Expected a field before this comma.');
          frame.lastComma = start;
          continue;
        }
        if (k === Tok.RBrace) {
          if (this.sp === 1) {
            if (rootBraced && !rootClosed) {
              rootEnd = end;
              rootClosed = true;
            } else this.error(start, end, 'Unexpected `}`: there is no open `{` to close.');
            continue;
          }
          this.closeContainer(end);
          continue;
        }
        frame.lastComma = -1;
        frame.any = true;
        if (k === Tok.Quoted) {
          this.field(frame, k, start, end, sc.tokValue, 0);
          continue;
        }
        if (k === Tok.Unquoted) {
          if (this.isIncludeWord() && this.include(start, frame)) continue;
          // After a failed include, the scanner holds the next token; `include` itself is a plain word.
          this.field(frame, k, start, end, '', sc.tokStart === start ? sc.runFlags : 0);
          continue;
        }
        this.error(start, end, `Expected a key (such as \`node.name\`) but found \`${clip(text, start, end)}\`.`);
        if (k === Tok.LBrace || k === Tok.LBracket || k === Tok.Substitution) {
          // Read the stray value so its brackets stay balanced, then drop it.
          this.laValid = true;
          this.laKey = VALUE;
          this.push(F.Value, start);
        }
        continue;
      }
      if (frame.t === F.Array) {
        const k = this.peek(VALUE);
        if (k === Tok.RBracket) {
          this.laValid = false;
          this.closeContainer(sc.tokEnd);
        } else if (k === Tok.EOF || k === Tok.RBrace) {
          this.error(frame.start, frame.start + 1, 'Expected `]` to close this `[`.');
          this.closeContainer(k === Tok.EOF ? text.length : sc.tokStart);
        } else if (k === Tok.Comma) {
          this.laValid = false;
          if (!frame.any || frame.lastComma >= 0) this.error(sc.tokStart, sc.tokEnd, 'Expected an array element before this comma.');
          frame.lastComma = sc.tokStart;
        } else if (k === Tok.Colon || k === Tok.Equals || k === Tok.PlusEquals) {
          this.laValid = false;
          this.error(sc.tokStart, sc.tokEnd, `Unexpected \`${clip(text, sc.tokStart, sc.tokEnd)}\` inside an array.`);
        } else {
          frame.lastComma = -1;
          frame.any = true;
          this.push(F.Value, sc.tokStart);
        }
        continue;
      }
      this.valueStep(frame);
    }
    const members = rootFrame.list.slice(0, rootFrame.n) as HoconMember[];
    const root: HoconObject = { type: 'object', braced: rootBraced, members, start: rootFrame.start, end: rootEnd };
    return { text, root, problems: this.problems, comments: sc.comments };
  }

  /** Pops an object/array frame, builds its node (ending at `end`) and hands it to the value below. */
  private closeContainer(end: number): void {
    const done = this.frames[--this.sp];
    this.depth--;
    const below = this.frames[this.sp - 1];
    if (below.t !== F.Value) return;
    const list = done.list.slice(0, done.n);
    below.end = end;
    below.list[below.n++] = done.t === F.Object
      ? { type: 'object', braced: true, members: list as HoconMember[], start: done.start, end }
      : { type: 'array', items: list as HoconValue[], start: done.start, end };
  }

  private valueStep(frame: Frame): void {
    const text = this.text;
    const sc = this.sc;
    const k = this.peek(VALUE);
    let cls = -1;
    if (frame.n > 0) {
      const startsValue = k === Tok.LBrace || k === Tok.LBracket || k === Tok.Quoted || k === Tok.Unquoted || k === Tok.Substitution || k === Tok.Template;
      if (!startsValue) return this.finishValue();
      if (k === Tok.Quoted || k === Tok.Unquoted) {
        const start = sc.tokStart;
        const end = sc.tokEnd;
        if (this.keyAhead()) {
          if (!sc.newlineBefore) this.error(start, end, 'Expected a comma or a new line before the next field.');
          return this.finishValue();
        }
      }
      if (k === Tok.Unquoted) cls = classifyRun(text, sc.tokStart, sc.tokEnd, sc.runFlags);
      if (frame.literal || cls >= Unquoted.Number) {
        if (sc.newlineBefore) return this.finishValue();
        if (!frame.joinReported) this.dialect((frame.list[0] as HoconValue).start, sc.tokEnd, 'EMQX cannot join a number, `true`, `false` or `null` with other values written after it; quote the whole value.');
        frame.joinReported = true;
      }
    }
    const start = sc.tokStart;
    const end = sc.tokEnd;
    // Where the value ends if this token is its last part (containers set it when they close).
    frame.end = end;
    switch (k) {
      case Tok.LBrace:
      case Tok.LBracket: {
        this.laValid = false;
        if (this.depth >= MAX_DEPTH) {
          const skipped = this.skipNested(start, end);
          frame.list[frame.n++] = skipped;
          frame.end = skipped.end;
          return;
        }
        this.depth++;
        this.push(k === Tok.LBrace ? F.Object : F.Array, start);
        return;
      }
      case Tok.Quoted:
        this.laValid = false;
        frame.list[frame.n++] = { type: 'string', value: sc.tokValue, quoting: sc.triple ? 'triple' : 'quoted', start, end };
        return;
      case Tok.Template:
        this.laValid = false;
        frame.list[frame.n++] = { type: 'string', value: this.tokText(), quoting: 'unquoted', start, end };
        return;
      case Tok.Substitution:
        this.laValid = false;
        frame.list[frame.n++] = { type: 'substitution', path: sc.subPath, optional: sc.subOptional, start, end };
        return;
      case Tok.Unquoted: {
        this.laValid = false;
        const raw = text.slice(start, end);
        if (cls < 0) cls = classifyRun(text, start, end, sc.runFlags);
        switch (cls) {
          case Unquoted.Number: frame.list[frame.n++] = { type: 'number', value: numberValue(text, start, end, raw), raw, start, end }; break;
          case Unquoted.True: frame.list[frame.n++] = { type: 'boolean', value: true, start, end }; break;
          case Unquoted.False: frame.list[frame.n++] = { type: 'boolean', value: false, start, end }; break;
          case Unquoted.Null: frame.list[frame.n++] = { type: 'null', start, end }; break;
          default:
            frame.list[frame.n++] = { type: 'string', value: raw, quoting: 'unquoted', start, end };
            if (cls === Unquoted.InvalidString) {
              this.dialect(start, end,
                `EMQX reads an unquoted value only when it starts with a letter and holds letters, digits and \`_ . @ % - |\`; quote \`${raw}\`.`,
                quoteFixIsSound(text, this.sc.problems, start, end) ? { title: `Quote ${raw}`, edits: quoteEdits(raw, start, end) } : undefined);
            }
        }
        if (cls >= Unquoted.Number) frame.literal = true;
        return;
      }
      default: {
        const where = k === Tok.EOF ? 'the end of the file' : `\`${clip(text, start, end)}\``;
        const at = k === Tok.EOF ? Math.max(0, text.length - 1) : start;
        this.error(at, Math.max(at, end), `Expected a value but found ${where}.`);
        this.finishValue();
      }
    }
  }

  private finishValue(): void {
    const frame = this.frames[--this.sp];
    const n = frame.n;
    let value: HoconValue | undefined;
    if (n === 1) value = frame.list[0] as HoconValue;
    else if (n > 1) {
      const parts = frame.list.slice(0, n) as HoconValue[];
      value = { type: 'concat', parts, start: parts[0].start, end: frame.end };
    }
    if (frame.field) {
      frame.field.value = value;
      if (value) frame.field.end = frame.end;
    } else if (value) {
      // An array item; a stray value read after an error (object frame below) is dropped.
      const below = this.frames[this.sp - 1];
      if (below.t === F.Array) below.list[below.n++] = value;
    }
  }

  /** Skips a too-deeply nested value, counting brackets without building nodes. */
  private skipNested(openStart: number, openEnd: number): HoconValue {
    let level = 1;
    let end = this.text.length;
    for (;;) {
      const k = this.take(VALUE);
      if (k === Tok.EOF) break;
      if (k === Tok.LBrace || k === Tok.LBracket) level++;
      else if (k === Tok.RBrace || k === Tok.RBracket) {
        if (--level === 0) {
          end = this.sc.tokEnd;
          break;
        }
      }
    }
    this.error(openStart, openEnd, `Values nested deeper than ${MAX_DEPTH} levels are not read.`);
    return { type: 'invalid', start: openStart, end };
  }

  /** Reads a field whose key starts with the token just taken (kind, offsets, and value when quoted). */
  private field(obj: Frame, kind: Tok, start: number, end: number, quotedValue: string, runFlags: number): void {
    const sc = this.sc;
    const key = this.key(kind, start, end, quotedValue, runFlags);
    const field: HoconField = { type: 'field', key, separator: null, value: undefined, start: key.start, end: key.end };
    obj.list[obj.n++] = field;
    const s = this.peek(KEY);
    if (s === Tok.Colon || s === Tok.Equals || s === Tok.PlusEquals) {
      this.laValid = false;
      field.separator = { kind: s === Tok.Colon ? ':' : s === Tok.Equals ? '=' : '+=', start: sc.tokStart, end: sc.tokEnd };
      field.end = sc.tokEnd;
      if (s === Tok.PlusEquals) this.dialect(sc.tokStart, sc.tokEnd, 'EMQX does not support `+=`; write the whole array instead.');
    } else if (s !== Tok.LBrace) {
      const keyText = this.text.slice(key.start, key.end);
      this.error(key.start, key.end, `Expected \`=\`, \`:\` or \`{\` after the key \`${keyText}\`.`);
      const sameLineValue = !sc.newlineBefore && (s === Tok.Quoted || s === Tok.Unquoted || s === Tok.LBracket || s === Tok.Substitution);
      if (!sameLineValue) return;
    }
    this.push(F.Value, field.start).field = field;
  }

  private key(firstKind: Tok, firstStart: number, firstEnd: number, firstValue: string, firstFlags: number): HoconKey {
    const text = this.text;
    const sc = this.sc;
    if (firstKind === Tok.Quoted || (firstFlags === 0 && isLetter(text.charCodeAt(firstStart)))) {
      // The common case, a key of one quoted string or plain word: its one segment, built in place.
      const n = this.peek(KEY);
      if (!((n === Tok.Unquoted || n === Tok.Quoted) && sc.tokStart === firstEnd)) {
        const quoted = firstKind === Tok.Quoted;
        const name = quoted ? firstValue : text.slice(firstStart, firstEnd);
        return { segments: [{ name, quoted, start: firstStart, end: firstEnd }], start: firstStart, end: firstEnd };
      }
    }
    // Collected in a reused scratch list, then copied to an array of exactly the right size.
    const segments = this.segments;
    let count = 0;
    let kind = firstKind;
    let start = firstStart;
    let end = firstEnd;
    let value = firstValue;
    let flags = firstFlags;
    let pieces = 0;
    let joinNext = false;
    for (;;) {
      pieces++;
      if (kind === Tok.Quoted) {
        if (joinNext && count) {
          const last = segments[count - 1];
          last.name += value;
          last.end = end;
        } else segments[count++] = { name: value, quoted: true, start, end };
        joinNext = true;
      } else if (flags === 0 && isLetter(text.charCodeAt(start))) {
        // The common case: a plain word without dots is one segment EMQX reads as is.
        if (joinNext && count) {
          const last = segments[count - 1];
          last.name += text.slice(start, end);
          last.end = end;
        } else segments[count++] = { name: text.slice(start, end), quoted: false, start, end };
        joinNext = true;
      } else {
        if (!isEmqxWord(text, start, end) && !(pieces > 1 && text.charCodeAt(start) === 0x2e && allWordChars(text, start + 1, end))) {
          const raw = text.slice(start, end);
          this.dialect(start, end, `EMQX reads an unquoted key only when it starts with a letter and holds letters, digits and \`_ . @ % - |\`; quote \`${raw}\`.`);
        }
        let segStart = start;
        for (let i = start; i <= end; i++) {
          if (i < end && text.charCodeAt(i) !== 0x2e) continue;
          if (segStart === start && joinNext && count) {
            const last = segments[count - 1];
            last.name += text.slice(segStart, i);
            last.end = i;
          } else if (i === segStart) {
            if (!(i === start && pieces > 1) && !(i === end && i > start && this.nextIsAdjacent(end))) {
              this.error(segStart, Math.min(i + 1, end), 'Expected a key segment between dots.');
            }
          } else {
            segments[count++] = { name: text.slice(segStart, i), quoted: false, start: segStart, end: i };
          }
          segStart = i + 1;
        }
        joinNext = text.charCodeAt(end - 1) !== 0x2e;
      }
      const n = this.peek(KEY);
      if ((n === Tok.Unquoted || n === Tok.Quoted) && sc.tokStart === end) {
        this.laValid = false;
        kind = n;
        start = sc.tokStart;
        end = sc.tokEnd;
        value = n === Tok.Quoted ? sc.tokValue : '';
        flags = sc.runFlags;
        continue;
      }
      break;
    }
    if (pieces > 1) this.dialect(firstStart, end, 'EMQX reads a key as a single token; write the path unquoted (`a.b.c`) instead of mixing quoted parts.');
    const exact = count === 1 ? [segments[0]] : count === 2 ? [segments[0], segments[1]] : segments.slice(0, count);
    return { segments: exact, start: firstStart, end };
  }

  private nextIsAdjacent(end: number): boolean {
    const n = this.peek(KEY);
    return (n === Tok.Quoted || n === Tok.Unquoted) && this.sc.tokStart === end;
  }

  /** Parses `include "f"` / `include required("f")`; returns false when `include` is just a key. */
  private include(kwStart: number, obj: Frame): boolean {
    const sc = this.sc;
    const n = this.peek(VALUE);
    let form: HoconInclude['form'] = 'plain';
    const word = n === Tok.Unquoted ? this.tokText() : '';
    const named = includeForm(word);
    if (named) form = named;
    // EMQX also takes an unquoted file name: `include other.conf`.
    else if (n !== Tok.Quoted && !(n === Tok.Unquoted && !sc.newlineBefore)) return false;
    this.laValid = false;
    let target = n === Tok.Quoted ? sc.tokValue : word;
    let targetStart = sc.tokStart;
    let targetEnd = sc.tokEnd;
    let end = targetEnd;
    if (form !== 'plain') {
      if (this.peek(VALUE) !== Tok.Quoted) {
        this.error(targetStart, targetEnd, `Expected a quoted file name after \`${word}\`.`);
        return true;
      }
      this.laValid = false;
      target = sc.tokValue;
      targetStart = sc.tokStart;
      targetEnd = sc.tokEnd;
      end = targetEnd;
      if (this.peek(VALUE) === Tok.Unquoted && this.text.charCodeAt(sc.tokStart) === 0x29 && sc.tokStart === end) {
        this.laValid = false;
        end = sc.tokStart + 1;
        if (sc.tokEnd - sc.tokStart > 1) this.error(sc.tokStart + 1, sc.tokEnd, 'Unexpected text after `)`.');
      } else this.error(targetStart, targetEnd, 'Expected `)` right after the file name.');
      if (form !== 'required') {
        this.dialect(kwStart, end, `EMQX does not support \`include ${form}(...)\`; use \`include "file"\` or \`include required("file")\`.`);
      }
    }
    obj.list[obj.n++] = {
      type: 'include', target, targetSpan: { start: targetStart, end: targetEnd },
      required: form === 'required', form, start: kwStart, end,
    };
    return true;
  }
}

/** Parses EMQX HOCON text into a CST with problems; never throws. */
export function parseHocon(text: string): HoconDocument {
  return new Parser(text).parse();
}
