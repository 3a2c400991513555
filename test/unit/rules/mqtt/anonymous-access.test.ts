import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/mqtt/anonymous-access';
import { runRuleTests, findingsOf } from '../ruleTester';
import { applyEdits } from '../../../../server/src/core/text';
import { EMQX4, HARDENED } from './fixtures';

const AUTHN = 'authentication = [{ mechanism = password_based, backend = built_in_database }]\n';

runRuleTests(rule, {
  valid: [
    { name: 'a hardened config', files: { 'emqx.conf': HARDENED } },
    { name: 'a single authenticator', files: { 'emqx.conf': AUTHN } },
    { name: 'every enabled listener has its own chain', files: { 'emqx.conf': 'listeners.ws.default.enable = false\nlisteners.ssl.default.enable = false\nlisteners.wss.default.enable = false\nlisteners.tcp.default.authentication = [{ mechanism = jwt, from = password, algorithm = "hmac-based", secret = "file:///etc/emqx/jwt" }]\n' } },
    { name: '4.x with allow_anonymous = false', files: { 'emqx.conf': EMQX4.replace('allow_anonymous = true', 'allow_anonymous = false') } },
  ],
  invalid: [
    {
      name: 'no authentication at all (EMQX default)',
      files: { 'emqx.conf': 'node.name = "emqx@127.0.0.1"\n' },
      errors: [{ line: 1, message: /No authenticator is enabled in authentication \(not set, so EMQX 5\.x's default applies\), so listeners\.tcp\.default, listeners\.ssl\.default, listeners\.ws\.default, listeners\.wss\.default let every client connect/ }],
      output: { 'emqx.conf': /^node\.name = "emqx@127\.0\.0\.1"\nauthentication = \[\n  \{\n    mechanism = password_based\n    backend = built_in_database\n[\s\S]*name = pbkdf2[\s\S]*\]\n$/ },
    },
    {
      name: 'an empty list, and quick_deny_anonymous does not close it',
      files: { 'emqx.conf': 'authentication = []\nlisteners.tcp.default.enable_authn = quick_deny_anonymous\n' },
      errors: [{ text: '[]', line: 1, message: /any username gets in/ }],
      output: { 'emqx.conf': /^authentication = \[\n  \{[\s\S]*\}\n\]\nlisteners\.tcp\.default\.enable_authn = quick_deny_anonymous\n$/ },
    },
    {
      name: 'only disabled authenticators',
      files: { 'emqx.conf': 'authentication = [{ mechanism = password_based, backend = built_in_database, enable = false }]\n' },
      errors: [{ line: 1, message: /No authenticator is enabled/ }],
    },
    {
      name: 'a listener that skips authentication',
      files: { 'emqx.conf': `${AUTHN}listeners.tcp.default {\n  enable_authn = false\n}\n` },
      errors: [{ text: 'false', line: 3, message: /listeners\.tcp\.default\.enable_authn is false/ }],
      output: { 'emqx.conf': `${AUTHN}listeners.tcp.default {\n  enable_authn = true\n}\n` },
    },
    {
      name: '4.x allow_anonymous = true',
      files: { 'emqx.conf': EMQX4 },
      errors: [{ text: 'true', line: 3, message: /allow_anonymous is true: a client that no authentication plugin recognises/ }],
      output: { 'emqx.conf': EMQX4.replace('allow_anonymous = true', 'allow_anonymous = false') },
    },
    {
      name: '4.x zone override on an exposed listener',
      files: { 'emqx.conf': EMQX4.replace('allow_anonymous = true', 'allow_anonymous = false') + 'zone.external.allow_anonymous = true\n' },
      errors: [{ line: 16, message: /zone\.external\.allow_anonymous is true/ }],
    },
  ],
});

test('the fix result satisfies the rule and re-parses without problems', () => {
  const files = { 'emqx.conf': 'node.name = "emqx@127.0.0.1"\n' };
  const [finding] = findingsOf(rule.id, { name: 'x', files });
  const after = applyEdits(files['emqx.conf'], finding.fixes[0].edits);
  assert.deepEqual(findingsOf(undefined, { name: 'y', files: { 'emqx.conf': after } }).filter((f) => f.ruleId.startsWith('hocon/')), []);
});
