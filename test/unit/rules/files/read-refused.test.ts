import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Sandbox, readRegularFile } from '../../../../server/src/core/sandbox';
import { sandboxedFileReader } from '../../../../server/src/host/fileReader';
import { Workspace } from '../../../../server/src/workspace/workspace';
import { analyzeWorkspace } from '../../../../server/src/engine/engine';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';

function tree(files: Record<string, string>): string {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mqtt-harden-refused-')));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(base, rel)), { recursive: true });
    fs.writeFileSync(path.join(base, rel), text);
  }
  return base;
}

function findings(root: string, files: string[], sandbox = new Sandbox([root])) {
  const ws = new Workspace();
  for (const f of files) {
    const outcome = sandbox.read(f, 1 << 20);
    if ('refused' in outcome) ws.refuse(f, outcome.refused);
    else if ('text' in outcome) ws.set(f, outcome.text);
  }
  return analyzeWorkspace(ws, { ...DEFAULT_SETTINGS, rules: {}, files: [] }, sandboxedFileReader(sandbox)).findings.filter((f) => f.ruleId === 'files/read-refused');
}

test('the policy: inside the workspace and EMQX\'s own folders yes; outside, links out, kernel files and devices no', () => {
  const base = tree({ 'ws/etc/emqx.conf': '', 'ws/etc/a.conf': 'a = 1\n', 'ws/data/configs/c.conf': '', 'outside.conf': 'x = 1\n' });
  fs.symlinkSync(path.join(base, 'outside.conf'), path.join(base, 'ws/etc/out-link.conf'));
  fs.symlinkSync(path.join(base, 'ws/etc/a.conf'), path.join(base, 'ws/etc/in-link.conf'));
  const sandbox = new Sandbox([path.join(base, 'ws/etc')]);
  assert.equal(sandbox.refusal(path.join(base, 'ws/etc/a.conf')), undefined);
  assert.equal(sandbox.refusal(path.join(base, 'ws/etc/in-link.conf')), undefined, 'a link inside the workspace is followed');
  assert.equal(sandbox.refusal(path.join(base, 'ws/data/configs/c.conf')), undefined, 'data/configs beside etc/ is EMQX\'s own');
  assert.equal(sandbox.refusal(path.join(base, 'ws/etc/missing.conf')), undefined, 'a missing file is not refused: reading it fails');
  assert.match(sandbox.refusal(path.join(base, 'outside.conf'))!, /outside the workspace/);
  assert.match(sandbox.refusal(path.join(base, 'ws/etc/out-link.conf'))!, /symbolic link to .*outside\.conf, outside/);
  for (const kernel of ['/proc/self/environ', '/proc/self/pagemap', '/sys/kernel/mm', '/dev/zero']) assert.match(sandbox.refusal(kernel)!, /kernel or device/);
  assert.deepEqual(sandbox.read(path.join(base, 'ws/etc/a.conf'), 100), { text: 'a = 1\n' });
  assert.ok('refused' in sandbox.read(path.join(base, 'outside.conf'), 100));
});

test('reads are capped: a file larger than the cap is an error, not a read', () => {
  const base = tree({ 'big.conf': 'x'.repeat(5000) });
  assert.match((readRegularFile(path.join(base, 'big.conf'), 4096) as { error: string }).error, /larger than/);
  assert.equal((readRegularFile(path.join(base, 'big.conf'), 5000) as { text: string }).text.length, 5000);
});

test('a refused include is a warning at the include line, for a plain and a required include alike', () => {
  const base = tree({ 'outside/x.conf': 'secret_value = abc\n', 'ws/emqx.conf': 'node.name = "emqx@h"\ninclude "../outside/x.conf"\ninclude required("/proc/self/environ")\n' });
  const root = path.join(base, 'ws');
  const found = findings(root, [path.join(root, 'emqx.conf')]);
  const text = fs.readFileSync(path.join(root, 'emqx.conf'), 'utf8');
  assert.deepEqual(found.map((f) => text.slice(f.span.start, f.span.end)), ['include "../outside/x.conf"', 'include required("/proc/self/environ")']);
  assert.ok(found.every((f) => f.severity === 'warning' && f.file === path.join(root, 'emqx.conf')));
  assert.ok(!found.some((f) => f.message.includes('abc')));
});

test('a workspace file linked outside is a finding at its start; an include of a file inside is read', () => {
  const base = tree({ 'outside/vm.args': '-setcookie abcdef\n', 'ws/emqx.conf': 'include "parts/p.conf"\n', 'ws/parts/p.conf': 'node.name = "emqx@h"\n' });
  const root = path.join(base, 'ws');
  fs.symlinkSync(path.join(base, 'outside/vm.args'), path.join(root, 'vm.args'));
  const found = findings(root, [path.join(root, 'emqx.conf'), path.join(root, 'vm.args')]);
  assert.equal(found.length, 1);
  assert.equal(found[0].file, path.join(root, 'vm.args'));
  assert.deepEqual(found[0].span, { start: 0, end: 0 });
  assert.match(found[0].message, /^This file is not read: .*symbolic link/);
});

test('the rule can be switched off like any other', () => {
  const base = tree({ 'ws/emqx.conf': 'include "/proc/self/environ"\n' });
  const root = path.join(base, 'ws');
  const sandbox = new Sandbox([root]);
  const ws = new Workspace();
  ws.set(path.join(root, 'emqx.conf'), 'include "/proc/self/environ"\n');
  const result = analyzeWorkspace(ws, { ...DEFAULT_SETTINGS, rules: { 'files/read-refused': 'off' }, files: [] }, sandboxedFileReader(sandbox));
  assert.ok(!result.findings.some((f) => f.ruleId === 'files/read-refused'));
});
