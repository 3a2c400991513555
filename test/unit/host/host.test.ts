/** The host layer the CLI and the language server share: settings file, files setting, texts, line indexes. */
import { tempDeployment } from '../cli/runCli';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readSettingsFile, SETTINGS_FILE_NAME } from '../../../server/src/host/settingsFile';
import { LineIndexes } from '../../../server/src/host/lineIndexes';
import { analyzeHost, filesFilter, textLookup } from '../../../server/src/host/analysis';
import { Workspace } from '../../../server/src/workspace/workspace';
import { DEFAULT_SETTINGS, type Settings } from '../../../server/src/core/settings';

const settingsWith = (files: string[]): Settings => ({ ...DEFAULT_SETTINGS, rules: {}, files });

const tempDir = (files: Record<string, string>) => tempDeployment(files, 'mqtt-harden-host-');

test('the settings file: absent, unreadable, not JSON, read with the settings it had to ignore', () => {
  const dir = tempDir({ [SETTINGS_FILE_NAME]: JSON.stringify({ targetConnections: 5000, colour: 'red' }), 'broken.json': '{ nope', 'folder.json/x': '' });
  assert.equal(SETTINGS_FILE_NAME, '.mqtt-harden.json');
  assert.deepEqual(readSettingsFile(path.join(dir, 'missing.json')), { status: 'absent' });
  assert.deepEqual(readSettingsFile(path.join(dir, 'folder.json')), { status: 'unreadable', reason: 'is a folder, not a file' });
  assert.equal(readSettingsFile(path.join(dir, 'broken.json')).status, 'invalid-json');
  const read = readSettingsFile(path.join(dir, SETTINGS_FILE_NAME));
  assert.ok(read.status === 'read');
  assert.equal(read.settings.targetConnections, 5000);
  assert.deepEqual(read.problems, ['unknown setting "colour"']);
});

test('line indexes: one per file, rebuilt when its text changes, gone once forgotten', () => {
  const indexes = new LineIndexes();
  const first = indexes.index('/a', 'x\ny\n');
  assert.equal(indexes.index('/a', 'x\ny\n'), first, 'same text: same index');
  assert.equal(first.positionAt(2).line, 1);
  const second = indexes.index('/a', 'xy\n');
  assert.notEqual(second, first);
  assert.equal(second.positionAt(2).line, 0);
  indexes.index('/b', '');
  assert.equal(indexes.size, 2);
  indexes.forget('/a');
  indexes.forget('/never-seen');
  assert.equal(indexes.size, 1);
});

test('the files setting applies relative to the host roots; files outside every root are kept', () => {
  assert.equal(filesFilter(settingsWith([]), ['/w']), undefined);
  const keep = filesFilter(settingsWith(['deploy/**']), ['/w'])!;
  assert.deepEqual([keep('/w/deploy/etc/emqx.conf'), keep('/w/old/emqx.conf'), keep('/elsewhere/emqx.conf')], [true, false, true]);
});

test('analyzeHost: only the deployments the files setting keeps, read from disk behind the workspace', () => {
  const weak = 'node.cookie = emqxsecretcookie\n';
  const dir = tempDir({ 'deploy/etc/emqx.conf': 'include "extra.hocon"\n', 'deploy/etc/extra.hocon': weak, 'old/etc/emqx.conf': weak });
  const ws = new Workspace();
  for (const rel of ['deploy/etc/emqx.conf', 'old/etc/emqx.conf']) ws.set(path.join(dir, rel), fs.readFileSync(path.join(dir, rel), 'utf8'));
  const all = analyzeHost(ws, settingsWith([]), [dir]);
  assert.deepEqual(all.models.map((m) => path.relative(dir, m.root)).sort(), ['deploy', 'old']);
  const cookies = all.findings.filter((f) => f.ruleId === 'erlang/weak-cookie').map((f) => path.relative(dir, f.file));
  assert.deepEqual(cookies, ['deploy/etc/extra.hocon', 'old/etc/emqx.conf'], 'the include was read from disk');
  const kept = analyzeHost(ws, settingsWith(['deploy/**']), [dir]);
  assert.deepEqual(kept.models.map((m) => path.relative(dir, m.root)), ['deploy']);
});

test('textLookup: the workspace text first, else the text the model read a file with (an EnvironmentFile= target)', () => {
  const dir = tempDir({
    'etc/emqx.conf': 'node.name = "emqx@10.0.0.1"\n',
    'emqx.service': '[Service]\nEnvironmentFile=-/etc/emqx/emqx.env\nExecStart=/usr/bin/emqx foreground\n',
    'etc/emqx.env': 'EMQX_NODE__COOKIE=emqxsecretcookie\n',
  });
  const ws = new Workspace();
  for (const rel of ['etc/emqx.conf', 'emqx.service']) ws.set(path.join(dir, rel), fs.readFileSync(path.join(dir, rel), 'utf8'));
  const result = analyzeHost(ws, settingsWith([]), [dir]);
  const env = path.join(dir, 'etc/emqx.env');
  assert.equal(ws.get(env), undefined, 'the env file is not a workspace file');
  const textOf = textLookup(ws, result.models);
  assert.equal(textOf(env), 'EMQX_NODE__COOKIE=emqxsecretcookie\n');
  ws.set(path.join(dir, 'etc/emqx.conf'), 'node.name = "emqx@10.0.0.2"\n');
  assert.equal(textOf(path.join(dir, 'etc/emqx.conf')), 'node.name = "emqx@10.0.0.2"\n', 'the workspace is asked first, as it is now');
  assert.equal(textOf(path.join(dir, 'nowhere.conf')), undefined);
});
