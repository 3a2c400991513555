// KNOWN BUGS found by the robustness fuzzing, reported to the lead, not fixed yet (the code is owned elsewhere).
// Each is a `todo` test: it runs and shows as TODO while the bug is there; once fixed it passes, and the
// entry in KNOWN_BUGS (fuzzSupport.ts) should be removed so the fuzz tests enforce it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkParser, checkEngine, KNOWN_BUGS, type ParserName } from './fuzzSupport';

describe('known bugs (todo until fixed)', () => {
  for (const [id, bug] of Object.entries(KNOWN_BUGS)) {
    const parser = id.split('-')[0] as ParserName;
    it(`KNOWN BUG ${id}: ${bug.summary}`, { todo: `reported: reproducer ${JSON.stringify(bug.reproducer)}` }, () => {
      assert.deepEqual(checkParser(parser, bug.reproducer), []);
    });
  }
  // Found by the fuzzer and fixed in c7c5406 (no fixes into a file with broken syntax): kept as a regression test.
  it('fixed: fixes no longer insert into a file that ends inside an unclosed block, so "fix all" settles', () => {
    assert.deepEqual(checkEngine({ 'etc/emqx.conf': 'dashboard {\n  listeners.http.bind = 18083\n' }), []);
  });

  it('each reproducer still shows its bug (so the todo tests above are not vacuous)', () => {
    for (const [id, bug] of Object.entries(KNOWN_BUGS)) {
      const parser = id.split('-')[0] as ParserName;
      // When this fails for an entry, the bug is fixed: delete the entry from KNOWN_BUGS.
      assert.ok(checkParser(parser, bug.reproducer).length > 0 && bug.matches(parser, bug.reproducer), `${id} no longer reproduces: remove it from KNOWN_BUGS`);
    }
  });
});
