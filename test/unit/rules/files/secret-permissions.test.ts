import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { rule, extraReaders } from '../../../../server/src/rules/files/secret-permissions';
import { runRuleTests } from '../ruleTester';
import { Workspace } from '../../../../server/src/workspace/workspace';
import { analyzeWorkspace } from '../../../../server/src/engine/engine';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { nodeFileReader } from '../../../../server/src/host/fileReader';

const COOKIE = 'Vb7TqkL2mXw9RzH4pNc8sJd3FgY6aKe5Q1uBnZrWtMhx0oPi';

// Virtual files are not on disk: nothing to stat, so the rule stays quiet whatever they hold.
runRuleTests(rule, {
  valid: [
    { name: 'a cookie in a virtual file', files: { 'emqx.conf': `node.cookie = "${COOKIE}"\n` } },
    { name: 'a key file path that does not exist', files: { 'emqx.conf': 'listeners.ssl.default.ssl_options.keyfile = "/etc/emqx/certs/key.pem"\n' } },
  ],
  invalid: [],
});

/** Writes files into a fresh folder with the given modes and analyses them as the CLI would (reading the disk). */
const roots: string[] = [];
after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

function deployment(files: Record<string, { text: string; mode: number; uid?: number }>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mqtt-harden-perm-'));
  roots.push(root);
  const ws = new Workspace();
  for (const [rel, { text, mode, uid }] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    fs.chmodSync(file, mode);
    if (uid !== undefined && process.getuid?.() === 0) fs.chownSync(file, uid, uid);
    ws.set(file, text);
  }
  // File modes are model facts, read through the reader as the CLI's reads them from the disk.
  const reader = { read: (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined), mode: (f: string) => nodeFileReader.mode!(f) };
  const { findings } = analyzeWorkspace(ws, { ...DEFAULT_SETTINGS, rules: {}, files: [] }, reader);
  return { root, findings: findings.filter((f) => f.ruleId === rule.id) };
}

const SKIP = process.platform === 'win32' ? 'file modes do not apply on Windows' : false;

test('a world-readable emqx.conf with the cookie is reported at the cookie, with the chmod command', { skip: SKIP }, () => {
  const text = `node {\n  name = "emqx@10.0.0.1"\n  cookie = "${COOKIE}"\n}\n`;
  const { root, findings } = deployment({ 'emqx.conf': { text, mode: 0o644 } });
  assert.equal(findings.length, 1);
  const f = findings[0];
  assert.equal(f.file, path.join(root, 'emqx.conf'));
  assert.equal(text.slice(f.span.start, f.span.end), `"${COOKIE}"`);
  assert.match(f.message, /emqx\.conf holds the Erlang cookie and has mode 644, so every local user can read it/);
  assert.ok(f.message.includes(`chmod 600 ${path.join(root, 'emqx.conf')}`));
  assert.ok(!f.message.includes(COOKIE.slice(0, 6)), 'never echoes the secret');
  assert.equal(f.severity, 'warning');
  assert.equal(f.fixes.length, 0);
});

test('mode 600 is quiet; so is a root-owned 640 file (shared with the service group on purpose)', { skip: SKIP }, () => {
  const text = `node.cookie = "${COOKIE}"\n`;
  assert.equal(deployment({ 'emqx.conf': { text, mode: 0o600 } }).findings.length, 0);
  assert.equal(deployment({ 'emqx.conf': { text, mode: 0o640, uid: 0 } }).findings.length, process.getuid?.() === 0 ? 0 : 1);
});

test('a group-readable file owned by a service account is reported', { skip: SKIP }, () => {
  const { findings } = deployment({ 'vm.args': { text: `-name emqx@10.0.0.1\n-setcookie ${COOKIE}\n`, mode: 0o640, uid: 1 } });
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /vm\.args holds the Erlang cookie and has mode 640, so its group can read it/);
});

test('a file without secrets is not reported whatever its mode', { skip: SKIP }, () => {
  assert.equal(deployment({ 'emqx.conf': { text: 'node.name = "emqx@10.0.0.1"\n', mode: 0o666 } }).findings.length, 0);
});

test('an EnvironmentFile with a secret, and a private key the config names', { skip: SKIP }, () => {
  const { root, findings } = deployment({
    'emqx.service': { text: '[Service]\nUser=emqx\nEnvironmentFile=/etc/emqx/emqx.env\nExecStart=/usr/bin/emqx foreground\n', mode: 0o644 },
    'emqx.env': { text: 'EMQX_DASHBOARD__DEFAULT_PASSWORD=Xk29sLq0Zp81Wc\nEMQX_LOG__CONSOLE__LEVEL=warning\n', mode: 0o644 },
    'etc/emqx.conf': { text: 'listeners.ssl.default {\n  bind = "0.0.0.0:8883"\n  ssl_options.keyfile = "${EMQX_ETC_DIR}/certs/key.pem"\n}\n', mode: 0o600 },
    'etc/certs/key.pem': { text: '-----BEGIN PRIVATE KEY-----\n', mode: 0o604 },
  });
  const byTarget = findings.map((f) => path.relative(root, f.file) + ': ' + f.message).sort();
  assert.equal(findings.length, 2, byTarget.join('\n'));
  assert.match(byTarget[0], /^emqx\.env: emqx\.env holds the dashboard password and has mode 644/);
  assert.match(byTarget[1], /^etc\/emqx\.conf: key\.pem holds the private key of listeners\.ssl\.default and has mode 604/);
});

test('who else can read, by mode and owner', () => {
  assert.equal(extraReaders(0o644, 1000), 'every local user');
  assert.equal(extraReaders(0o604, 0), 'every local user');
  assert.equal(extraReaders(0o640, 1000), 'its group');
  assert.equal(extraReaders(0o640, 0), undefined);
  assert.equal(extraReaders(0o600, 1000), undefined);
});
