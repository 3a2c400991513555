/** Random edits of a HOCON text, shared by the incremental re-parse and re-resolve tests. */
import { prng } from '../parsers/lineParserHelpers';

/** Characters typed into a word, and characters of any edit: letters, digits and all that shapes HOCON. */
const WORD = 'abcxyz019_';
const ANY = 'aZ7_ .\n{}"#=:,[]$';

const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);

/**
 * A random edit source. Half the edits are typing: 1–5 letters or digits inserted into the middle of a
 * word, or one deleted there (keys and values stay readable). The others insert, delete or replace 1–5
 * characters anywhere, drawn from every character that shapes HOCON. A text left with a syntax error for
 * three edits goes back to the last one without (a long run of edits breaks a text beyond repair).
 */
export function editStream(seed: number, start: string): (text: string, clean: boolean) => string {
  const rnd = prng(seed);
  let lastClean = start;
  let broken = 0;
  const pick = (pool: string, n: number) => Array.from({ length: n }, () => pool[Math.floor(rnd() * pool.length)]).join('');
  return (text, clean) => {
    if (clean) {
      lastClean = text;
      broken = 0;
    } else if (++broken > 1) return lastClean;
    const at = Math.floor(rnd() * (text.length + 1));
    const n = 1 + Math.floor(rnd() * 5);
    if (rnd() < 0.6) {
      // Typing: find a place between two word characters near `at`.
      for (let p = at; p < Math.min(text.length - 1, at + 200); p++) {
        if (!isWordChar(text[p - 1]) || !isWordChar(text[p]) || !isWordChar(text[p + 1])) continue;
        return rnd() < 0.7 ? text.slice(0, p) + pick(WORD, n) + text.slice(p) : text.slice(0, p) + text.slice(p + 1);
      }
    }
    const kind = rnd();
    if (kind < 0.4) return text.slice(0, at) + pick(ANY, n) + text.slice(at);
    return text.slice(0, at) + (kind < 0.7 ? '' : pick(ANY, n)) + text.slice(at + n);
  };
}
