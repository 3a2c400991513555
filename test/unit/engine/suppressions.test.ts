import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf as allFindings, type RuleCase } from '../rules/ruleTester';

/** Only the findings these tests are about: the cookie rule and the suppression hints. */
const RELEVANT = new Set(['erlang/weak-cookie', 'suppressions/missing-reason', 'suppressions/unused', 'hocon/syntax']);
const findingsOf = (id: undefined, c: RuleCase) => allFindings(id, c).filter((f) => RELEVANT.has(f.ruleId));

const cookieLine = 'node.cookie = emqxsecretcookie';

test('disable-next-line with a reason suppresses the finding on the next line only', () => {
  const found = findingsOf(undefined, { name: '', files: { 'emqx.conf': `# mqtt-harden-disable-next-line erlang/weak-cookie -- lab broker, rebuilt nightly\n${cookieLine}\n` } });
  assert.deepEqual(found.map((f) => f.ruleId), []);
});

test('disable-line at the end of the line suppresses it; // comments work in HOCON', () => {
  const found = findingsOf(undefined, { name: '', files: { 'emqx.conf': `${cookieLine} // mqtt-harden-disable-line erlang/weak-cookie -- test rig\n` } });
  assert.deepEqual(found.map((f) => f.ruleId), []);
});

test('disable-file suppresses the rule everywhere in the file; several ids separated by commas', () => {
  const found = findingsOf(undefined, { name: '', files: { 'emqx.conf': `# mqtt-harden-disable-file hocon/syntax, erlang/weak-cookie -- fixture\nnode { cookie = emqxsecretcookie }\n` } });
  assert.deepEqual(found.map((f) => f.ruleId), []);
});

test('a suppression without a reason still suppresses but is reported as a hint', () => {
  const found = findingsOf(undefined, { name: '', files: { 'emqx.conf': `# mqtt-harden-disable-next-line erlang/weak-cookie\n${cookieLine}\n` } });
  assert.deepEqual(found.map((f) => [f.ruleId, f.severity]), [['suppressions/missing-reason', 'hint']]);
});

test('a suppression that matches nothing is reported, with a fix that removes it', () => {
  const text = `# mqtt-harden-disable-next-line tls/weak-cipher -- old\n${cookieLine}\n`;
  const found = findingsOf(undefined, { name: '', files: { 'emqx.conf': text } });
  const unused = found.find((f) => f.ruleId === 'suppressions/unused');
  assert.ok(unused);
  assert.equal(text.slice(unused.span.start, unused.span.end), '# mqtt-harden-disable-next-line tls/weak-cipher -- old');
  assert.ok(found.some((f) => f.ruleId === 'erlang/weak-cookie'), 'the other rule is not suppressed');
});

test('the hint rules obey severity settings too', () => {
  const found = findingsOf(undefined, { name: '', files: { 'emqx.conf': `# mqtt-harden-disable-next-line erlang/weak-cookie\n${cookieLine}\n` }, settings: { rules: { 'suppressions/missing-reason': 'off' } } });
  assert.deepEqual(found, []);
});
