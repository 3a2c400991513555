// Property-based fuzzing of every parser with a fixed seed (bench/fuzz.mjs runs the same checks at scale).
// Properties (see fuzzSupport.ts): no exception; problem, fix and node ranges inside the text; children
// inside parents; a parser's own fix adds no syntax problem; the print-back partition (pieces never overlap,
// pieces and gaps concatenate to the input, skipped text always carries a problem).
// Cases explained by a reported, unfixed bug (KNOWN_BUGS) are counted apart; known-bugs.test.ts tracks them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { classifyParserCase, textArb, PARSER_NAMES, seeds, runProperty } from './fuzzSupport';

const SEED = 20240611;
// 3,500 cases in all, the hostile shapes among them (a seeded slice of bench/fuzz.mjs's 100,000).
const RUNS = 500;

describe('parsers under fuzzed input', () => {
  for (const parser of PARSER_NAMES) {
    it(`${parser}: every corpus seed holds the properties unmutated`, () => {
      for (const [i, text] of seeds()[parser].entries()) assert.deepEqual(classifyParserCase(parser, text).violations, [], `seed ${i}`);
    });

    it(`${parser}: ${RUNS} mutated and random inputs hold the properties`, () => {
      const failure = runProperty(textArb(parser), (text) => classifyParserCase(parser, text).violations, SEED, RUNS);
      assert.equal(failure, undefined, failure);
    });
  }
});
