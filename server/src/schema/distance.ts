/**
 * Edit distance for typo suggestions (optimal string alignment: insert, delete, substitute, swap), bounded:
 * a suggestion is only ever within 3 edits, so only a diagonal band of the matrix is computed, candidates
 * whose length alone rules them out are skipped, and a word longer than any key is not compared at all.
 * (Unbounded, one 1,000,000-character key took 40 s and 900 MB against every candidate.)
 */

/** Longest word compared: no EMQX key or enum value is near this long, so a longer one is no typo. */
export const MAX_COMPARED_LENGTH = 256;

/** Matrix cells computed, for callers that count the work. */
export interface DistanceStats {
  cells: number;
}

/**
 * Number of single-character edits (adjacent swaps count as one) between two strings, or `max + 1` as soon
 * as it is known to exceed `max`. Work: O(length x max).
 */
export function editDistance(a: string, b: string, max = Infinity, stats?: DistanceStats): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  const band = Math.min(max, Math.max(a.length, b.length));
  const cols = b.length + 1;
  const big = max + 1;
  // Three rows (the swap looks two back); cells outside the band stay at `big`.
  let prev2 = new Array<number>(cols).fill(big);
  let prev = new Array<number>(cols).fill(big);
  let cur = new Array<number>(cols).fill(big);
  for (let j = 0; j < cols && j <= band; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(b.length, i + band);
    cur.fill(big, Math.max(0, from - 2), Math.min(cols, to + 2));
    cur[0] = i <= band ? i : big;
    let rowMin = cur[0];
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (stats) stats.cells += to - from + 1;
    if (rowMin > max) return big;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[b.length], big);
}

/** Largest distance still taken for a typo of a word of this length. */
function tolerance(length: number): number {
  if (length <= 3) return 1;
  if (length <= 10) return 2;
  return 3;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * The candidate closest to `word`, or undefined when none is within typo distance. Case differences
 * count as near (`Verify_Peer` -> `verify_peer`); ties go to the longer shared prefix, then list order.
 */
export function closest(word: string, candidates: Iterable<string>, stats?: DistanceStats): string | undefined {
  if (word.length > MAX_COMPARED_LENGTH) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  let bestPrefix = -1;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const allowed = tolerance(Math.min(word.length, candidate.length));
    if (Math.abs(candidate.length - word.length) > allowed) continue;
    const other = candidate.toLowerCase();
    const distance = other === lower ? (candidate === word ? 0 : 0.5) : editDistance(lower, other, allowed, stats);
    if (distance > allowed) continue;
    const prefix = commonPrefix(lower, other);
    if (distance < bestScore || (distance === bestScore && prefix > bestPrefix)) {
      best = candidate;
      bestScore = distance;
      bestPrefix = prefix;
    }
  }
  return best;
}
