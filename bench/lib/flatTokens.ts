/**
 * The ceiling of parse speed with this project's scanner (bench/hocon-ceiling.mjs): one pass over the
 * tokens that stores each as a row of typed arrays (kind, start, end, enclosing bracket) and does nothing
 * else: no tree objects, no key paths, no value conversion, no dialect checks beyond the scanner's own.
 * No parser that builds a usable tree on this scanner can be faster than this.
 */
import { Scanner, Tok } from '../../server/src/parsers/hocon/scanner';

export function tokenRows(text: string): number {
  let cap = 1024;
  let kind = new Uint8Array(cap);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let parent = new Int32Array(cap);
  const stack = new Int32Array(1 << 16);
  let sp = 0;
  stack[0] = -1;
  const sc = new Scanner(text, [], 0, text.length);
  let keyMode = true;
  let n = 0;
  for (;;) {
    const k = sc.next(keyMode);
    if (k === Tok.EOF) break;
    if (n === cap) {
      cap *= 2;
      kind = grow(kind, new Uint8Array(cap));
      start = grow(start, new Int32Array(cap));
      end = grow(end, new Int32Array(cap));
      parent = grow(parent, new Int32Array(cap));
    }
    kind[n] = k;
    start[n] = sc.tokStart;
    end[n] = sc.tokEnd;
    parent[n] = stack[sp];
    if (k === Tok.LBrace || k === Tok.LBracket) {
      if (sp < stack.length - 1) stack[++sp] = n;
      keyMode = k === Tok.LBrace;
    } else if (k === Tok.RBrace || k === Tok.RBracket) {
      if (sp > 0) sp--;
      keyMode = true;
    } else if (k === Tok.Equals || k === Tok.Colon) keyMode = false;
    // After a key comes a separator or `{`; after a value, the next key.
    else keyMode = sc.newlineBefore || k === Tok.Comma || !keyMode;
    n++;
  }
  return n;
}

function grow<T extends Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
