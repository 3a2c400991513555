/**
 * A static check for regular expressions that backtrack super-linearly in V8 (which has no memoization):
 *
 * - a loop around a loop whose iterations can split the same characters in more than one way
 *   (`(a+)+`, `(\w*\s?)*`): exponential;
 * - in a pattern that is not anchored at its start, an unbounded repetition that can match the
 *   pattern's own first character and is followed by something that can fail (`/\{\{.*\}\}/`,
 *   `/\s+$/`): every start position rescans the rest of the line, quadratic.
 *
 * Character sets are compared on a sample alphabet (ASCII and a few non-ASCII code points), by
 * testing each sample against the atom compiled on its own, so classes, escapes and flags need no
 * reimplementation. It errs towards reporting; a pattern that is linear for a reason the check cannot
 * see (its input is one short token) is listed with that reason by the test.
 */

const SAMPLES = [...Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)), '\u00a0', '\u00e9', '\u2028', '\u3000', '\ufeff', '\ufffd', 'Ж'];

type Atom = { kind: 'set'; src: string } | { kind: 'group'; alts: Item[][] } | { kind: 'assert'; src: string } | { kind: 'any' };
interface Item {
  atom: Atom;
  min: number;
  max: number;
}

/** Parses a pattern into alternatives of quantified items (enough structure for the checks). */
export function parsePattern(src: string): Item[][] {
  let i = 0;
  const alternatives = (): Item[][] => {
    const alts: Item[][] = [[]];
    while (i < src.length && src[i] !== ')') {
      if (src[i] === '|') {
        i++;
        alts.push([]);
        continue;
      }
      const atom = parseAtom();
      const [min, max] = quantifier();
      alts[alts.length - 1].push({ atom, min, max });
    }
    return alts;
  };
  const parseAtom = (): Atom => {
    const start = i;
    const c = src[i];
    if (c === '(') {
      i++;
      let assertion = false;
      if (src[i] === '?') {
        if (src[i + 1] === ':') i += 2;
        else if (src[i + 1] === '=' || src[i + 1] === '!') (i += 2), (assertion = true);
        else if (src[i + 1] === '<' && (src[i + 2] === '=' || src[i + 2] === '!')) (i += 3), (assertion = true);
        else if (src[i + 1] === '<') i = src.indexOf('>', i) + 1;
      }
      const alts = alternatives();
      i++; // ')'
      return assertion ? { kind: 'assert', src: src.slice(start, i) } : { kind: 'group', alts };
    }
    if (c === '[') {
      i++;
      if (src[i] === '^') i++;
      if (src[i] === ']') i++;
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      i++;
      return { kind: 'set', src: src.slice(start, i) };
    }
    if (c === '^' || c === '$') {
      i++;
      return { kind: 'assert', src: c };
    }
    if (c === '\\') {
      const e = src[i + 1];
      i += 2;
      if (e === 'b' || e === 'B') return { kind: 'assert', src: src.slice(start, i) };
      if (/[1-9]/.test(e)) {
        while (/[0-9]/.test(src[i] ?? '')) i++;
        return { kind: 'any' };
      }
      if (e === 'k') {
        i = src.indexOf('>', i) + 1;
        return { kind: 'any' };
      }
      if (e === 'u' && src[i] === '{') i = src.indexOf('}', i) + 1;
      else if (e === 'u') i += 4;
      else if (e === 'x') i += 2;
      else if (e === 'c') i += 1;
      else if ((e === 'p' || e === 'P') && src[i] === '{') i = src.indexOf('}', i) + 1;
      return { kind: 'set', src: src.slice(start, i) };
    }
    i++;
    return { kind: 'set', src: c };
  };
  const quantifier = (): [number, number] => {
    let q: [number, number] = [1, 1];
    const c = src[i];
    if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '?') q = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) return q;
      i += m[0].length - 1;
      q = [Number(m[1]), m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3])];
    } else return q;
    i++;
    if (src[i] === '?') i++;
    return q;
  };
  return alternatives();
}

/** Sample characters each atom matches, by flags and source: atoms repeat across patterns. */
const SETS = new Map<string, boolean[]>();

/** The analysis of one pattern under its flags. */
class Analysis {
  constructor(private readonly flags: string) {}

  /** The sample characters an atom can consume (union over a group's contents). */
  chars(atom: Atom): boolean[] {
    if (atom.kind === 'assert') return SAMPLES.map(() => false);
    if (atom.kind === 'any') return SAMPLES.map(() => true);
    if (atom.kind === 'group') return this.union(atom.alts.flat().map((it) => this.chars(it.atom)));
    const key = `${this.flags}/${atom.src}`;
    let set = SETS.get(key);
    if (!set) {
      const re = new RegExp(`^(?:${atom.src})$`, this.flags.replace(/[gym]/g, ''));
      set = SAMPLES.map((ch) => re.test(ch));
      SETS.set(key, set);
    }
    return set;
  }

  union(sets: boolean[][]): boolean[] {
    return SAMPLES.map((_, k) => sets.some((s) => s[k]));
  }

  nullable(item: Item): boolean {
    if (item.min === 0 || item.atom.kind === 'assert' || item.atom.kind === 'any') return true;
    if (item.atom.kind === 'group') return item.atom.alts.some((alt) => alt.every((it) => this.nullable(it)));
    return false;
  }

  /** Characters that can start a match of `seq` from index `from`, and whether that rest can match empty. */
  first(seq: Item[], from: number): { set: boolean[]; nullable: boolean } {
    const sets: boolean[][] = [];
    for (let j = from; j < seq.length; j++) {
      const it = seq[j];
      sets.push(it.atom.kind === 'group' ? this.union(it.atom.alts.map((alt) => this.first(alt, 0).set)) : this.chars(it.atom));
      if (!this.nullable(it)) return { set: this.union(sets), nullable: false };
    }
    return { set: this.union(sets), nullable: true };
  }

  unboundedInside(item: Item): boolean {
    return item.max === Infinity || (item.atom.kind === 'group' && item.atom.alts.some((alt) => alt.some((it) => this.unboundedInside(it))));
  }
}

const overlaps = (a: boolean[], b: boolean[]) => a.some((x, k) => x && b[k]);

/** What makes `pattern` backtrack super-linearly, as sentences; empty when the check finds nothing. */
export function regexHazards(pattern: string, flags = ''): string[] {
  const a = new Analysis(flags);
  const top = parsePattern(pattern);
  const out: string[] = [];

  // Nested loops whose iterations can be split more than one way.
  const visit = (alts: Item[][]) => {
    for (const seq of alts) {
      for (const loop of seq) {
        if (loop.atom.kind !== 'group') continue;
        visit(loop.atom.alts);
        if (loop.max !== Infinity) continue;
        const bodyFirst = a.union(loop.atom.alts.map((alt) => a.first(alt, 0).set));
        for (const body of loop.atom.alts) {
          body.forEach((inner, j) => {
            if (!a.unboundedInside(inner)) return;
            const rest = a.first(body, j + 1);
            const next = rest.nullable ? a.union([rest.set, bodyFirst]) : rest.set;
            if (overlaps(a.chars(inner.atom), next)) out.push('a repetition inside a repetition can split the same text in more than one way (exponential backtracking)');
          });
        }
      }
    }
  };
  visit(top);

  // Unanchored search: each start position may rescan the rest of the input.
  const anchored = flags.includes('y') || top.every((seq) => seq[0]?.atom.kind === 'assert' && seq[0].atom.src === '^');
  if (!anchored) {
    const patternFirst = a.union(top.map((seq) => a.first(seq, 0).set));
    for (const seq of top) {
      seq.forEach((item, j) => {
        if (!a.unboundedInside(item)) return;
        const canFail = seq.slice(j + 1).some((it) => !a.nullable(it) || it.atom.kind === 'assert');
        if (canFail && overlaps(a.chars(item.atom), patternFirst)) out.push('in an unanchored pattern, a repetition that can match the first character is followed by something that can fail (quadratic search)');
      });
    }
  }
  return [...new Set(out)];
}
