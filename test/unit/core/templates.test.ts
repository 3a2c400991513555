// hasDelimited is what `/open.*close/` tested, in one pass (issue 25: the regex was quadratic on a run of `{`).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hasDelimited, hasTemplatePlaceholder } from '../../../server/src/core/templates';
import { runStartBefore, trimTrailing, isBlank, isDigit } from '../../../server/src/core/scan';

describe('linear template and trailing-run scans', () => {
  it('agrees with the regexes they replace on random short texts', () => {
    const text = fc.array(fc.constantFrom('{', '}', '<', '%', '>', 'a', ' ', '\n', '\r', '\u2028'), { maxLength: 14 }).map((a) => a.join(''));
    fc.assert(fc.property(text, (t) => hasDelimited(t, '{{', '}}') === /\{\{.*\}\}/.test(t) && hasDelimited(t, '<%', '%>') === /<%.*%>/.test(t)), { seed: 25, numRuns: 3000 });
    const tail = fc.array(fc.constantFrom(' ', '\t', '1', 'x'), { maxLength: 10 }).map((a) => a.join(''));
    fc.assert(fc.property(tail, (t) => trimTrailing(t, isBlank) === t.replace(/[ \t]+$/, '') && t.slice(runStartBefore(t, isDigit)) === (/(\d+)$/.exec(t)?.[1] ?? '')), { seed: 26, numRuns: 2000 });
  });

  it('a 1,000,000-character run of `{` or `<%` is no placeholder', () => {
    assert.equal(hasTemplatePlaceholder('{'.repeat(1_000_000)), false);
    assert.equal(hasTemplatePlaceholder('<%'.repeat(500_000)), false);
    assert.equal(hasTemplatePlaceholder('{'.repeat(1_000_000) + '}}'), true);
  });
});
