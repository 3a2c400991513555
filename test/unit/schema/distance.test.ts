// The bounded edit distance agrees with the full matrix within its bound, and "did you mean" on a huge key
// does bounded work (issue 25 item 2: a 1,000,000-character key took 40 s and 900 MB).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { closest, editDistance, MAX_COMPARED_LENGTH, type DistanceStats } from '../../../server/src/schema/distance';
import { closestKey } from '../../../server/src/schema/index';

/** The full optimal-string-alignment matrix, as the product computed it before the bound. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('bounded edit distance', () => {
  it('equals the full matrix up to the bound, and says "more" beyond it', () => {
    const word = fc.array(fc.constantFrom('a', 'b', 'c', '_'), { maxLength: 12 }).map((x) => x.join(''));
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const full = fullDistance(a, b);
        const bounded = editDistance(a, b, max);
        return full <= max ? bounded === full : bounded === max + 1;
      }),
      { seed: 2, numRuns: 4000 },
    );
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  it('a 1,000,000-character unknown key: no comparison at all; a long near-miss: work linear in its length', () => {
    const stats: DistanceStats = { cells: 0 };
    const huge = 'k'.repeat(1_000_000);
    assert.equal(closest(huge, ['k'.repeat(999_999), 'verify', 'cookie'], stats), undefined);
    assert.equal(stats.cells, 0);
    assert.equal(closestKey(['node', huge], '5'), undefined);
    // Just under the cap, against a candidate two edits away: about (2 x bound + 1) cells per character.
    const long = 'x'.repeat(MAX_COMPARED_LENGTH - 1);
    const near = long.slice(0, 100) + 'yz' + long.slice(102);
    assert.equal(closest(long, [near, 'x'.repeat(MAX_COMPARED_LENGTH + 40)], stats), near);
    assert.ok(stats.cells <= 7 * MAX_COMPARED_LENGTH, `${stats.cells} cells`);
  });
});
