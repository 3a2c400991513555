/**
 * Issue 25, leaks (items 7, 8, 8b, 9 and the include sandbox of 7c): reproducers from the issue as
 * regression tests. Nothing outside the workspace is read, no secret value is printed whole, no output
 * carries a raw control character.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../server/src/cli/main';
import { runCli } from '../cli/runCli';
import type { Io } from '../../../server/src/cli/io';

const run = runCli;

/** A temp folder with `ws/` (the workspace) and `outside/` beside it. */
function layout(files: Record<string, string>): { base: string; ws: string } {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mqtt-harden-leaks-')));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(base, rel)), { recursive: true });
    fs.writeFileSync(path.join(base, rel), text);
  }
  fs.mkdirSync(path.join(base, 'ws'), { recursive: true });
  return { base, ws: path.join(base, 'ws') };
}

const OUTSIDE_MARKER = 'x9outsideSecretValue';
const OUTSIDE = { 'outside/file.conf': `leaked = 1${OUTSIDE_MARKER}\nother = ${OUTSIDE_MARKER}:0:0\n` };
const FORMATS = ['text', 'json', 'sarif'] as const;

function allOutputs(cwd: string, extra: string[] = []): string {
  return FORMATS.map((f) => run(['--format', f, ...extra, '.'], cwd).out).join('\n');
}

test('item 7: an include of a file outside the workspace is a finding at the include, not a read', () => {
  const { ws } = layout({ ...OUTSIDE, 'ws/emqx.conf': 'node.name = "emqx@127.0.0.1"\ninclude "../outside/file.conf"\n' });
  const outputs = allOutputs(ws);
  assert.ok(!outputs.includes(OUTSIDE_MARKER), 'no content of the outside file in any format');
  const json = JSON.parse(run(['--format', 'json', '.'], ws).out);
  const refused = json.findings.find((f: { ruleId: string }) => f.ruleId === 'files/read-refused');
  assert.ok(refused, 'the include is reported');
  assert.equal(refused.file, 'emqx.conf');
  assert.equal(refused.range.startLine, 2);
  assert.match(refused.message, /outside/);
  const resolved = run(['resolve', 'emqx.conf'], ws);
  assert.ok(!resolved.out.includes(OUTSIDE_MARKER) && !resolved.err.includes(OUTSIDE_MARKER), 'resolve does not print it either');
});

test('item 7: includes of /etc/passwd and /proc/self/environ are not read; the environment does not appear', () => {
  const { ws } = layout({ 'ws/emqx.conf': 'include "/etc/passwd"\ninclude "/proc/self/environ"\n' });
  const outputs = allOutputs(ws) + run(['resolve', 'emqx.conf'], ws).out;
  assert.ok(!outputs.includes('root:'), 'no line of /etc/passwd');
  assert.ok(!outputs.includes('/bin/'), 'no shell path from /etc/passwd or PATH');
  const home = process.env.HOME;
  if (home) assert.ok(!outputs.includes(`"${home}"`), 'no value of the CLI environment');
  const json = JSON.parse(run(['--format', 'json', '.'], ws).out);
  const lines = json.findings.filter((f: { ruleId: string }) => f.ruleId === 'files/read-refused').map((f: { range: { startLine: number } }) => f.range.startLine);
  assert.deepEqual(lines, [1, 2]);
  assert.ok(json.findings.every((f: { file: string }) => f.file === 'emqx.conf'), 'no finding in a file outside the workspace');
});

test('item 7c: include "/proc/self/pagemap" and a FIFO do not crash or block, they are findings', () => {
  const { ws } = layout({ 'ws/emqx.conf': 'include "/proc/self/pagemap"\ninclude "/dev/zero"\ninclude "fifo.conf"\n' });
  let fifo = false;
  try {
    require('node:child_process').execFileSync('mkfifo', [path.join(ws, 'fifo.conf')]);
    fifo = true;
  } catch {
    // no mkfifo on this machine: the /proc and /dev cases still run
  }
  const r = run(['--format', 'json', '.'], ws);
  const json = JSON.parse(r.out);
  const refused = json.findings.filter((f: { ruleId: string }) => f.ruleId === 'files/read-refused');
  assert.equal(refused.length, fifo ? 3 : 2);
  assert.ok(refused.every((f: { message: string }) => /not a regular file|kernel|device/.test(f.message)));
});

test('item 8b: a workspace file that links outside is a finding at the file; none of its lines are echoed', () => {
  const { base, ws } = layout({ ...OUTSIDE, 'ws/emqx.conf': 'node.name = "emqx@127.0.0.1"\n' });
  fs.symlinkSync(path.join(base, 'outside/file.conf'), path.join(ws, 'vm.args'));
  const outputs = allOutputs(ws);
  assert.ok(!outputs.includes(OUTSIDE_MARKER));
  const json = JSON.parse(run(['--format', 'json', '.'], ws).out);
  const refused = json.findings.find((f: { ruleId: string }) => f.ruleId === 'files/read-refused');
  assert.ok(refused);
  assert.equal(refused.file, 'vm.args');
  assert.match(refused.message, /symbolic link/);
});

test('a link inside the workspace, and includes of etc/ and data/configs/ of the deployment, are read', () => {
  const { ws } = layout({
    'ws/etc/emqx.conf': 'include "../data/configs/cluster-extra.conf"\ninclude "listeners.conf"\n',
    'ws/etc/listeners.conf': 'listeners.tcp.default.bind = "0.0.0.0:1883"\n',
    'ws/data/configs/cluster-extra.conf': 'node.name = "emqx@10.0.0.1"\n',
  });
  const etc = path.join(ws, 'etc');
  const resolved = JSON.parse(run(['resolve', 'emqx.conf'], etc).out);
  assert.equal(resolved.node.name, 'emqx@10.0.0.1', 'data/configs of the deployment is EMQX\'s own folder');
  assert.equal(resolved.listeners.tcp.default.bind, '0.0.0.0:1883');
  // Scanning etc/ alone: data/configs beside it still belongs to the deployment.
  const json = JSON.parse(run(['--format', 'json', '.'], etc).out);
  assert.ok(!json.findings.some((f: { ruleId: string }) => f.ruleId === 'files/read-refused'));
});

test('an EnvironmentFile= target that links outside the workspace is not read', () => {
  const { base, ws } = layout({
    'outside/secret.env': `EMQX_NODE__COOKIE=${OUTSIDE_MARKER}\n`,
    'ws/emqx.service': '[Service]\nUser=emqx\nEnvironmentFile=/etc/emqx/emqx.env\nExecStart=/usr/bin/emqx foreground\n',
  });
  fs.mkdirSync(path.join(ws, 'etc/emqx'), { recursive: true });
  fs.symlinkSync(path.join(base, 'outside/secret.env'), path.join(ws, 'etc/emqx/emqx.env'));
  const outputs = allOutputs(ws);
  assert.ok(!outputs.includes(OUTSIDE_MARKER.slice(0, 8)), 'not even a redacted prefix of it');
  const json = JSON.parse(run(['--format', 'json', '.'], ws).out);
  const refused = json.findings.find((f: { ruleId: string }) => f.ruleId === 'files/read-refused');
  assert.ok(refused);
  assert.equal(refused.file, 'emqx.service');
  assert.equal(refused.range.startLine, 3);
});

const COOKIE = '3f9c2a7be14d4c0e9b8f6a5d2c1e0f7a';
const PASSWORD = '2Xq7wLp9Rt';

test('item 8: a digit-first cookie and password are never echoed whole (text, JSON, SARIF, resolve, dry-run)', () => {
  const { ws } = layout({
    'ws/emqx.conf': `node.name = "emqx@127.0.0.1"\nnode.cookie = ${COOKIE}\ndashboard.default_password = ${PASSWORD}\n`,
    'ws/vm.args': `${COOKIE} junk\n-setcookie ${COOKIE}\n`,
  });
  const outputs = allOutputs(ws);
  assert.ok(!outputs.includes(COOKIE), 'cookie in a scan output');
  assert.ok(!outputs.includes(PASSWORD), 'password in a scan output');
  const json = JSON.parse(run(['--format', 'json', '.'], ws).out);
  assert.ok(json.findings.some((f: { ruleId: string }) => f.ruleId === 'hocon/emqx-dialect'), 'the dialect finding is still there');
  const resolved = run(['resolve', 'emqx.conf'], ws);
  assert.ok(!resolved.out.includes(COOKIE) && !resolved.out.includes(PASSWORD) && !resolved.err.includes(COOKIE), 'resolve');
  assert.equal(JSON.parse(resolved.out).node.name, 'emqx@127.0.0.1', 'other values stay as they are');
  const dry = run(['--fix', '--dry-run', '.'], ws);
  assert.ok(!dry.out.includes(COOKIE) && !dry.out.includes(PASSWORD), `dry-run diff: ${dry.out}`);
  // Quoting a secret is still offered and still works.
  run(['--fix', '.'], ws);
  assert.match(fs.readFileSync(path.join(ws, 'emqx.conf'), 'utf8'), /dashboard\.default_password = "?[^\n]+/);
});

test('item 9: control characters in folder names, file names and keys are shown escaped', () => {
  const esc = '\x1b';
  const { ws } = layout({});
  const folder = path.join(ws, `dep${esc}[5A${esc}[J`);
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'emqx.conf'), `foo${esc}c = 1\nnode.cookie = emqxsecretcookie\n`);
  for (const format of FORMATS) {
    const r = run(['--format', format, '--no-color', '.'], ws);
    assert.ok(!/[\x00-\x08\x0b-\x1f\x7f]/.test(r.out), `${format}: raw control character in the output`);
    assert.ok(r.out.includes('\\x1b'), `${format}: the character is shown escaped`);
    if (format !== 'text') {
      // JSON escapes the character itself; a reader that prints a message must still get no ESC from it.
      const texts = JSON.stringify(JSON.parse(r.out), (k, v) => v).match(/"(message|text|title)":"(?:[^"\\]|\\.)*"/g) ?? [];
      assert.ok(texts.length > 0 && texts.every((t) => !/\\u00(1b|0[0-8]|1[0-9a-f]|7f)/i.test(t)), `${format}: a message holds a control character`);
    }
    if (format === 'sarif') assert.ok(!/\\u001b/i.test(r.out), 'SARIF locations are percent-encoded');
  }
  assert.ok(!/[\x00-\x08\x0b-\x1f\x7f]/.test(run(['--format', 'text', '.'], ws).err));
});

test('8b: findings in an included file outside the workspace files are placed where they are', () => {
  const { ws } = layout({ 'ws/emqx.conf': 'include "parts/listeners.inc"\n', 'ws/parts/listeners.inc': '\n\nlisteners.tcp.default {\n  bind = 0:1883x\n}\n' });
  const json = JSON.parse(run(['--format', 'json', '.'], ws).out);
  const inner = json.findings.filter((f: { file: string }) => f.file === path.join('parts', 'listeners.inc'));
  assert.ok(inner.length > 0, JSON.stringify(json.findings.map((f: { file: string; ruleId: string }) => [f.file, f.ruleId])));
  // The block starts on line 3, its bind value on line 4: nothing is left at 1:1.
  assert.ok(inner.every((f: { range: { startLine: number } }) => f.range.startLine === 3 || f.range.startLine === 4), JSON.stringify(inner.map((f: { range: unknown }) => f.range)));
  assert.ok(inner.some((f: { range: { startLine: number; startColumn: number } }) => f.range.startLine === 4 && f.range.startColumn === 10));
});
