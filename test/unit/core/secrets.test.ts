import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillSecrets, generateCookie, generatePassword, generateSecret, secretPlaceholder, type SecretFormat } from '../../../server/src/core/secrets';
import { analyzeWorkspace } from '../../../server/src/engine/engine';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { workspaceOf, readerOf } from '../rules/ruleTester';
import type { DeploymentModel } from '../../../server/src/model/deploymentModel';

const SAMPLES = 300;

function modelOf(files: Record<string, string>): { model: DeploymentModel; problems: number } {
  const result = analyzeWorkspace(workspaceOf(files), { ...DEFAULT_SETTINGS, rules: {}, files: [] }, readerOf(files));
  const problems = result.findings.filter((f) => /\/syntax$|emqx-dialect|unrendered-template/.test(f.ruleId)).length;
  return { model: result.models[0], problems };
}

/** How each format's file reads a secret back: the value EMQX would get, and no syntax finding. */
const READ_BACK: Record<Exclude<SecretFormat, 'yaml' | 'plain'>, (secret: string) => { value: unknown; problems: number; format?: string }> = {
  'hocon-string': (s) => {
    const { model, problems } = modelOf({ 'emqx.conf': `dashboard.default_password = "${s}"\n` });
    return { value: model.emqx?.get(['dashboard', 'default_password'])?.value, problems, format: model.emqx?.format };
  },
  hocon: (s) => {
    const { model, problems } = modelOf({ 'emqx.conf': `dashboard.default_password = ${s}\n` });
    return { value: model.emqx?.get(['dashboard', 'default_password'])?.value, problems, format: model.emqx?.format };
  },
  emqx4: (s) => {
    const { model, problems } = modelOf({ 'emqx.conf': `node.name = emqx@127.0.0.1\nallow_anonymous = false\ndashboard.default_user.password = ${s}\n` });
    const file = model.files.find((f) => f.file.endsWith('emqx.conf'));
    const entry = file?.kind === 'emqx-conf' && file.format === 'emqx4' ? file.doc.entries.find((e) => e.key === 'dashboard.default_user.password') : undefined;
    return { value: entry?.value, problems, format: model.emqx?.format };
  },
  vmargs: (s) => {
    const { model, problems } = modelOf({ 'vm.args': `-name emqx@127.0.0.1\n-setcookie ${s}\n` });
    return { value: model.node.cookies[0]?.value, problems };
  },
  systemd: (s) => {
    const { model, problems } = modelOf({ 'emqx.service': `[Service]\nEnvironment=EMQX_DASHBOARD__DEFAULT_PASSWORD=${s}\nExecStart=/usr/bin/emqx foreground\n` });
    return { value: model.environment.get('EMQX_DASHBOARD__DEFAULT_PASSWORD')?.value, problems };
  },
  env: (s) => {
    const { model, problems } = modelOf({ 'emqx.service': '[Service]\nEnvironmentFile=/deploy/emqx.env\nExecStart=/usr/bin/emqx foreground\n', 'emqx.env': `EMQX_DASHBOARD__DEFAULT_PASSWORD=${s}\n` });
    return { value: model.environment.get('EMQX_DASHBOARD__DEFAULT_PASSWORD')?.value, problems };
  },
};

for (const [format, read] of Object.entries(READ_BACK)) {
  test(`generated passwords and cookies read back unchanged in ${format}`, () => {
    for (let i = 0; i < SAMPLES; i++) {
      for (const secret of [generatePassword(format as SecretFormat), generateCookie()]) {
        if (format === 'vmargs' && secret.length !== 48) continue; // vm.args holds the cookie only
        const back = read(secret);
        assert.equal(back.value, secret, `${format} reads ${JSON.stringify(secret)} back`);
        assert.equal(back.problems, 0, `${format}: no syntax finding for ${JSON.stringify(secret)}`);
        if (back.format) assert.equal(back.format, format === 'emqx4' ? 'emqx4' : 'hocon', 'the file keeps its format');
      }
    }
  });
}

test('passwords keep to each format\'s alphabet: no %, $, quotes or backslashes, never a leading symbol', () => {
  const plain = /^[A-Za-z][A-Za-z0-9._-]{23}$/;
  for (let i = 0; i < 2000; i++) {
    for (const format of ['hocon', 'vmargs', 'systemd', 'env', 'yaml', 'plain'] as const) assert.match(generatePassword(format), plain);
    // 4.x: a value starting with { or [ made the file read as HOCON afterwards.
    assert.match(generatePassword('emqx4'), /^[A-Za-z0-9][^\s"'\\${}`]{23}$/);
    assert.match(generatePassword('hocon-string'), /^[^\s"'\\${}`]{24}$/);
    assert.match(generateCookie(), /^[A-Za-z][A-Za-z0-9]{47}$/);
  }
});

test('every password has a lower and upper case letter, a digit and a symbol; the alphabet is used in full', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const p = generateSecret('password', 'hocon-string');
    assert.ok(/[a-z]/.test(p) && /[A-Z]/.test(p) && /\d/.test(p) && /[^A-Za-z0-9]/.test(p), p);
    for (const c of p) seen.add(c);
  }
  assert.equal(seen.size, 62 + '!#%&()*+,-./:;<=>?@[]^_|~'.length);
});

test('fillSecrets: one cookie per call, a chosen cookie used as given, each password format its own', () => {
  const edits = [{ newText: secretPlaceholder('cookie') }, { newText: `x ${secretPlaceholder('cookie')}` }, { newText: secretPlaceholder('password', 'systemd') }];
  const filled = fillSecrets(edits);
  assert.equal(filled[1].newText, `x ${filled[0].newText}`);
  assert.match(filled[2].newText, /^[A-Za-z][A-Za-z0-9._-]{23}$/);
  const chosen = fillSecrets(edits, { cookie: 'Kept' });
  assert.deepEqual(chosen.slice(0, 2).map((e) => e.newText), ['Kept', 'x Kept']);
});
