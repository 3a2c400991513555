// Bugs the robustness fuzzing found. Open ones (KNOWN_BUGS in fuzzSupport.ts) are `todo` tests until fixed;
// fixed ones keep their minimal reproducer here as a regression test.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkParser, KNOWN_BUGS, FIXED_BUGS, type ParserName } from './fuzzSupport';

describe('bugs found by fuzzing', () => {
  for (const [id, bug] of Object.entries(KNOWN_BUGS)) {
    const parser = id.split('-')[0] as ParserName;
    it(`KNOWN BUG ${id}: ${bug.summary}`, { todo: `reported: reproducer ${JSON.stringify(bug.reproducer)}` }, () => {
      assert.deepEqual(checkParser(parser, bug.reproducer), []);
    });
  }
  for (const bug of FIXED_BUGS) {
    it(`fixed ${bug.id}: ${bug.summary}`, () => {
      assert.deepEqual(checkParser(bug.parser, bug.reproducer), []);
    });
  }
});
