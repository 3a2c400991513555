import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule, freshPassword } from '../../../../server/src/rules/dashboard/default-password';
import { fillSecrets, hasSecretPlaceholder } from '../../../../server/src/core/secrets';
import { runRuleTests, findingsOf } from '../ruleTester';
import { HARDENED, UNIT_WITH_PASSWORD } from '../mqtt/fixtures';

const PASSWORD = /"[A-Za-z0-9!#%&()*+,\-./:;<=>?@[\]^_{|}~]{24}"/.source;

runRuleTests(rule, {
  valid: [
    { name: 'a hardened config with the password from the unit environment', files: { 'emqx.conf': HARDENED, 'emqx.service': UNIT_WITH_PASSWORD } },
    { name: 'a strong password written in the file', files: { 'emqx.conf': 'dashboard.default_password = "Tq8vLw2Xn5Rk9Hb4Zc7Md3Fp"\n' } },
    { name: '4.x without the plugin files (nothing to judge)', files: { 'emqx.conf': 'node.name = emqx@127.0.0.1\n' } },
    { name: 'no EMQX config', files: { 'emqx.service': UNIT_WITH_PASSWORD } },
  ],
  invalid: [
    {
      name: 'the shipped default in a block',
      files: { 'emqx.conf': 'dashboard {\n  default_username = admin\n  default_password = public\n}\n' },
      errors: [{ text: 'public', line: 3, message: /dashboard\.default_password is EMQX's published default "pub…": on a fresh node/ }],
      output: { 'emqx.conf': new RegExp(`^dashboard \\{\\n  default_username = admin\\n  default_password = ${PASSWORD}\\n\\}\\n$`) },
    },
    {
      name: 'absent: EMQX uses public, reported at the dashboard block',
      files: { 'emqx.conf': 'dashboard {\n  listeners.http.bind = "127.0.0.1:18083"\n}\n' },
      errors: [{ text: 'dashboard', line: 1, message: /\(not set, so EMQX 5\.x's default applies\)/ }],
      output: { 'emqx.conf': new RegExp(`^dashboard \\{\\n  listeners\\.http\\.bind = "127\\.0\\.0\\.1:18083"\\n  default_password = ${PASSWORD}\\n\\}\\n$`) },
    },
    {
      name: 'public set through the unit environment: the finding and the fix are in the unit file',
      files: { 'emqx.conf': 'node.name = "emqx@127.0.0.1"\n', 'emqx.service': '[Service]\nEnvironment="EMQX_DASHBOARD__DEFAULT_PASSWORD=public"\nExecStart=/usr/bin/emqx foreground\n' },
      errors: [{ file: 'emqx.service', text: 'public', line: 2, message: /EMQX_DASHBOARD__DEFAULT_PASSWORD in emqx\.service is EMQX's published default/ }],
      output: { 'emqx.service': /^\[Service\]\nEnvironment="EMQX_DASHBOARD__DEFAULT_PASSWORD=[A-Za-z][A-Za-z0-9._@-]{23}"\nExecStart/ },
    },
    {
      name: 'public in emqx.conf overridden from the unit: a warning where public is written',
      files: { 'emqx.conf': 'dashboard.default_password = public\n', 'emqx.service': UNIT_WITH_PASSWORD },
      errors: [{ text: 'public', line: 1, severity: 'warning', message: /still EMQX's published default "pub…" here; EMQX_DASHBOARD__DEFAULT_PASSWORD in emqx\.service overrides it today/ }],
      output: { 'emqx.conf': new RegExp(`^dashboard\\.default_password = ${PASSWORD}\\n$`) },
    },
    {
      name: '4.x plugin files: dashboard and REST API defaults',
      files: {
        'emqx.conf': 'node.name = emqx@127.0.0.1\n',
        'plugins/emqx_dashboard.conf': 'dashboard.default_user.login = admin\ndashboard.default_user.password = public\ndashboard.listener.http = 127.0.0.1:18083\n',
        'plugins/emqx_management.conf': 'management.default_application.id = admin\nmanagement.default_application.secret = public\n',
      },
      errors: [
        { file: 'plugins/emqx_dashboard.conf', text: 'public', line: 2, message: /dashboard\.default_user\.password is EMQX's published default/ },
        { file: 'plugins/emqx_management.conf', text: 'public', line: 2, message: /management\.default_application\.secret .*REST API/ },
      ],
      output: { 'plugins/emqx_dashboard.conf': /^dashboard\.default_user\.login = admin\ndashboard\.default_user\.password = \S{24}\n/ },
    },
  ],
});

test('passwords written through the environment avoid characters HOCON or systemd would reinterpret', () => {
  const envEdit = [{ newText: freshPassword({ file: '/deploy/emqx.service', span: { start: 0, end: 0 }, env: 'EMQX_DASHBOARD__DEFAULT_PASSWORD' }, 'hocon') }];
  for (let i = 0; i < 200; i++) assert.match(fillSecrets(envEdit)[0].newText, /^[A-Za-z][A-Za-z0-9._@-]{23}$/);
  const confEdit = [{ newText: freshPassword({ file: '/deploy/emqx.conf', span: { start: 0, end: 0 } }, 'hocon') }];
  assert.equal(fillSecrets(confEdit)[0].newText.length, 24);
});

test('the message never carries a password whole and each fix is fresh', () => {
  const files = { 'emqx.conf': 'dashboard.default_password = public\n' };
  const [a] = findingsOf(rule.id, { name: 'a', files });
  const [b] = findingsOf(rule.id, { name: 'b', files });
  assert.ok(!/\bpublic\b/.test(a.message));
  assert.ok(hasSecretPlaceholder(a.fixes[0].edits[0].newText), 'no password exists before the fix is applied');
  assert.notEqual(fillSecrets(a.fixes[0].edits)[0].newText, fillSecrets(b.fixes[0].edits)[0].newText);
});

test('issue 25 item 17: the 4.x fix never writes a password that makes the file read as HOCON', () => {
  const files = {
    'emqx.conf': 'node.name = emqx@127.0.0.1\n',
    'plugins/emqx_dashboard.conf': 'dashboard.default_user.login = admin\ndashboard.default_user.password = public\ndashboard.listener.http = 127.0.0.1:18083\n',
  };
  const [finding] = findingsOf(rule.id, { name: '4.x', files });
  for (let i = 0; i < 300; i++) {
    const [edit] = fillSecrets(finding.fixes[0].edits);
    const text = files['plugins/emqx_dashboard.conf'];
    const fixed = text.slice(0, edit.offset) + edit.newText + text.slice(edit.offset + edit.length);
    const after = findingsOf(undefined, { name: 'after', files: { ...files, 'plugins/emqx_dashboard.conf': fixed } });
    assert.deepEqual(after.filter((f) => f.file.endsWith('emqx_dashboard.conf') && /syntax|dialect|unknown-key|template/.test(f.ruleId)).map((f) => `${f.ruleId}: ${f.message}`), [], edit.newText);
  }
});
