// The `files` globs match as the regex they replaced did, and a pattern with many `**` segments is matched
// in one pass (issue 25 item 7c: 18 of them backtracked for a minute).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileGlob } from '../../../server/src/workspace/glob';

/** The conversion the product used before, as the reference for small cases. */
function oldGlobRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

describe('files globs', () => {
  it('match what the regex conversion matched', () => {
    const piece = fc.constantFrom('**/', '**', '*', '?', 'a', 'b', '/', '.', 'x.conf');
    const glob = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
    const file = fc.array(fc.constantFrom('a', 'b', '/', '.', 'x.conf', 'etc/'), { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(fc.property(glob, file, (g, f) => compileGlob(g).test(f) === oldGlobRegExp(g).test(f)), { seed: 7, numRuns: 5000 });
  });

  it('24 `**/` segments against a 200-segment path that fails at its end: answered, with at most states x characters steps', () => {
    const glob = '**/'.repeat(24) + 'emqx.conf';
    const file = 'a/'.repeat(200) + 'emqx.confx';
    assert.equal(compileGlob(glob).test(file), false);
    assert.equal(compileGlob(glob).test('a/'.repeat(200) + 'emqx.conf'), true);
  });
});
