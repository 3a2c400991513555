// closest() skips candidates whose length alone rules them out; the suggestions stay those of the full
// comparison, and a huge word is never compared cell by cell against short candidates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closest, editDistance } from '../../../server/src/schema/distance';

/** closest() as it was before the length check: every candidate measured in full. */
function reference(word: string, candidates: string[]): string | undefined {
  const tolerance = (n: number) => (n <= 3 ? 1 : n <= 10 ? 2 : 3);
  let best: string | undefined;
  let bestScore = Infinity;
  let bestPrefix = -1;
  const lower = word.toLowerCase();
  for (const c of candidates) {
    const d = c.toLowerCase() === lower ? (c === word ? 0 : 0.5) : editDistance(lower, c.toLowerCase());
    if (d > tolerance(Math.min(word.length, c.length))) continue;
    let prefix = 0;
    while (prefix < lower.length && prefix < c.length && lower[prefix] === c.toLowerCase()[prefix]) prefix++;
    if (d < bestScore || (d === bestScore && prefix > bestPrefix)) [best, bestScore, bestPrefix] = [c, d, prefix];
  }
  return best;
}

test('closest gives the same suggestion as the full comparison, over random words', () => {
  let seed = 42;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const word = () => Array.from({ length: 1 + rand(14) }, () => 'abcde_'[rand(6)]).join('');
  for (let i = 0; i < 2000; i++) {
    const candidates = Array.from({ length: 1 + rand(8) }, word);
    const w = rand(3) === 0 ? candidates[0] + 'ab'.slice(0, rand(3)) : word();
    assert.equal(closest(w, candidates), reference(w, candidates), `${w} among ${JSON.stringify(candidates)}`);
  }
});

test('a 1,000,000-character word gets no suggestion among short keys, and a near-length one still does', () => {
  assert.equal(closest('k'.repeat(1_000_000), ['cookie', 'name', 'kkkk']), undefined);
  assert.equal(closest('cookiee', ['cookie', 'name']), 'cookie');
  assert.equal(closest('coo', ['cookie']), undefined);
});
