import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule, cookieWeakness } from '../../../../server/src/rules/erlang/weak-cookie';
import { runRuleTests, findingsOf } from '../ruleTester';
import { fillSecrets, hasSecretPlaceholder } from '../../../../server/src/core/secrets';

const STRONG = 'Vb7TqkL2mXw9RzH4pNc8sJd3FgY6aKe5Q1uBnZrWtMhx0oPi';

runRuleTests(rule, {
  valid: [
    { name: 'a long random cookie', files: { 'emqx.conf': `node {\n  name = "emqx@10.0.0.1"\n  cookie = "${STRONG}"\n}\n` } },
    { name: 'no cookie in the file at all (nothing to check here)', files: { 'emqx.conf': 'node.name = "emqx@127.0.0.1"\n' } },
  ],
  invalid: [
    {
      name: 'the shipped default, quoted, in a node block',
      files: { 'emqx.conf': 'node {\n  name = "emqx@127.0.0.1"\n  cookie = "emqxsecretcookie"\n}\n' },
      errors: [{ text: '"emqxsecretcookie"', line: 3, message: /node\.cookie "emq…" is a publicly known default/ }],
      output: { 'emqx.conf': /^node \{\n  name = "emqx@127\.0\.0\.1"\n  cookie = "[A-Za-z][A-Za-z0-9]{47}"\n\}\n$/ },
    },
    {
      name: 'the 6.x default as an unquoted path key keeps its style',
      files: { 'emqx.conf': 'node.cookie = emqx50elixir\n' },
      errors: [{ text: 'emqx50elixir', message: /publicly known default/ }],
      output: { 'emqx.conf': /^node\.cookie = [A-Za-z][A-Za-z0-9]{47}\n$/ },
    },
    {
      name: 'a short cookie',
      files: { 'emqx.conf': 'node.cookie = "Xk29sLq0"\n' },
      errors: [{ message: /only 8 characters long/ }],
      output: { 'emqx.conf': /^node\.cookie = "[A-Za-z0-9]{48}"\n$/ },
    },
    {
      name: 'an unrendered template',
      files: { 'emqx.conf': 'node.cookie = "{{ emqx_default_erlang_cookie }}"\n' },
      errors: [{ message: /unrendered build template/ }],
    },
  ],
});

test('cookieWeakness explains each kind of weakness', () => {
  assert.match(cookieWeakness('emqxsecretcookie')!, /known default/);
  assert.match(cookieWeakness('a'.repeat(40))!, /single character class|repeats/);
  assert.match(cookieWeakness('abcdefghijklmnopqrstuvwxyzabcdefgh')!, /single character class/);
  assert.match(cookieWeakness('ab12ab12ab12ab12ab12ab12ab12ab12ab')!, /distinct characters/);
  assert.match(cookieWeakness('Abcd0000000000000000000000000000000')!, /repeats one character/);
  assert.equal(cookieWeakness(STRONG), undefined);
});

test('the message never carries the cookie whole', () => {
  const cookie = 'MySecretCookieValue1';
  const [finding] = findingsOf(rule.id, { name: 'short', files: { 'emqx.conf': `node.cookie = "${cookie}"\n` } });
  assert.ok(finding);
  assert.ok(!finding.message.includes(cookie));
  assert.ok(!finding.message.includes(cookie.slice(0, 6)));
});

test('the fix carries no secret until applied, and each application generates a different cookie', () => {
  const files = { 'emqx.conf': 'node.cookie = emqxsecretcookie\n' };
  const edits = findingsOf(rule.id, { name: 'a', files })[0].fixes[0].edits;
  assert.ok(hasSecretPlaceholder(edits[0].newText));
  const a = fillSecrets(edits)[0].newText;
  const b = fillSecrets(edits)[0].newText;
  assert.match(a, /^[A-Za-z][A-Za-z0-9]{47}$/);
  assert.notEqual(a, b);
});

test('one fix sets the same fresh cookie everywhere the deployment sets one', () => {
  const files = { 'emqx.conf': 'node.cookie = emqxsecretcookie\n', 'vm.args': '-setcookie emqxsecretcookie\n' };
  const [first] = findingsOf(rule.id, { name: 'both', files });
  const filled = fillSecrets(first.fixes[0].edits);
  assert.equal(filled.length, 2);
  assert.equal(filled[0].newText, filled[1].newText);
});
