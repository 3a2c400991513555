/** Edit distance for typo suggestions (optimal string alignment: insert, delete, substitute, swap). */

/** Number of single-character edits (adjacent swaps count as one) between two strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
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
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  let bestPrefix = -1;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    // The distance is at least the difference in length: a far longer or shorter word is no typo of this
    // one, and its full matrix (a 100 KB key against every sibling, on every keystroke) is never computed.
    if (Math.abs(candidate.length - word.length) > tolerance(Math.min(word.length, candidate.length))) continue;
    const distance = candidate.toLowerCase() === lower ? (candidate === word ? 0 : 0.5) : editDistance(lower, candidate.toLowerCase());
    if (distance > tolerance(Math.min(word.length, candidate.length))) continue;
    const prefix = commonPrefix(lower, candidate.toLowerCase());
    if (distance < bestScore || (distance === bestScore && prefix > bestPrefix)) {
      best = candidate;
      bestScore = distance;
      bestPrefix = prefix;
    }
  }
  return best;
}
