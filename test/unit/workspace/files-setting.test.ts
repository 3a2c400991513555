import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../../server/src/workspace/workspace';
import { filesSettingFilter } from '../../../server/src/workspace/glob';
import { analyzeWorkspace, AnalysisCache } from '../../../server/src/engine/engine';
import { DEFAULT_SETTINGS, type Settings } from '../../../server/src/core/settings';

const WEAK = 'node.cookie = emqxsecretcookie\n';

function workspaceOf(files: Record<string, string>): { ws: Workspace; reader: { read(f: string): string | undefined } } {
  const ws = new Workspace();
  for (const [file, text] of Object.entries(files)) assert.ok(ws.set(file, text), file);
  return { ws, reader: { read: (f) => files[f] } };
}

const settingsWith = (files: string[]): Settings => ({ ...DEFAULT_SETTINGS, rules: {}, files });
const cookieFiles = (findings: { file: string; ruleId: string }[]) => findings.filter((f) => f.ruleId === 'erlang/weak-cookie').map((f) => f.file);

test('files filter: patterns apply to the path relative to the deepest workspace folder holding the file', () => {
  assert.equal(filesSettingFilter([], ['/w']), undefined, 'no patterns: no filter at all');
  const keep = filesSettingFilter(['etc/*.conf', '**/vm.args'], ['/w', '/w/nested', '/x/'])!;
  assert.equal(keep('/w/etc/emqx.conf'), true);
  assert.equal(keep('/w/old/emqx.conf'), false);
  assert.equal(keep('/w/etc/sub/emqx.conf'), false, '* stays within one folder');
  assert.equal(keep('/w/nested/etc/emqx.conf'), true, 'relative to /w/nested, the deeper folder');
  assert.equal(keep('/w/deep/a/vm.args'), true);
  assert.equal(keep('/x/etc/emqx.conf'), true, 'a folder given with a trailing slash');
  assert.equal(keep('/wx/etc/old.conf'), true, '/wx is not inside /w: a file outside every folder is kept');
  assert.equal(keep('/elsewhere/emqx.conf'), true);
  const dotted = filesSettingFilter(['./deploy/**'], ['/w'])!;
  assert.deepEqual([dotted('/w/deploy/etc/emqx.conf'), dotted('/w/other/emqx.conf')], [true, false]);
});

test('files filter: files outside the patterns form no deployment and get no findings', () => {
  const { ws, reader } = workspaceOf({
    '/w/deploy/etc/emqx.conf': WEAK,
    '/w/deploy/vm.args': '-setcookie emqxsecretcookie\n',
    '/w/old/emqx.conf': WEAK,
    '/v/etc/emqx.conf': WEAK,
    '/v/archive/emqx.conf': WEAK,
  });
  const all = analyzeWorkspace(ws, settingsWith([]), reader);
  assert.deepEqual(all.models.map((m) => m.root).sort(), ['/v', '/v/archive', '/w/deploy', '/w/old']);

  const settings = settingsWith(['deploy/**', 'etc/*']);
  const filtered = analyzeWorkspace(ws, settings, reader, undefined, { include: filesSettingFilter(settings.files, ['/w', '/v']) });
  assert.deepEqual(filtered.models.map((m) => m.root).sort(), ['/v', '/w/deploy']);
  assert.deepEqual(filtered.models.find((m) => m.root === '/w/deploy')!.files.map((f) => f.file), ['/w/deploy/etc/emqx.conf', '/w/deploy/vm.args']);
  assert.deepEqual(cookieFiles(filtered.findings), ['/v/etc/emqx.conf', '/w/deploy/etc/emqx.conf', '/w/deploy/vm.args']);
  assert.ok(!filtered.findings.some((f) => f.file.startsWith('/w/old/') || f.file.startsWith('/v/archive/')));
});

test('files filter: an excluded unit leaves the deployment without its environment', () => {
  const { ws, reader } = workspaceOf({
    '/w/etc/emqx.conf': 'node.name = "emqx@10.0.0.1"\n',
    '/w/emqx.service': '[Service]\nEnvironment=EMQX_NODE__COOKIE=emqxsecretcookie\nExecStart=/usr/bin/emqx foreground\n',
  });
  const both = analyzeWorkspace(ws, settingsWith([]), reader);
  assert.equal(both.models[0].environment.get('EMQX_NODE__COOKIE')?.value, 'emqxsecretcookie');
  const onlyConf = analyzeWorkspace(ws, settingsWith(['etc/**']), reader, undefined, { include: filesSettingFilter(['etc/**'], ['/w']) });
  assert.equal(onlyConf.models.length, 1);
  assert.deepEqual(onlyConf.models[0].files.map((f) => f.file), ['/w/etc/emqx.conf']);
  assert.equal(onlyConf.models[0].environment.size, 0);
  assert.deepEqual(cookieFiles(onlyConf.findings), []);
});

test('files filter: a file read only through an include of a kept file gets no findings either', () => {
  const files = { '/w/etc/emqx.conf': 'include "extra/cookie.hocon"\n', '/w/etc/extra/cookie.hocon': WEAK };
  const { ws, reader } = workspaceOf(files);
  assert.deepEqual(cookieFiles(analyzeWorkspace(ws, settingsWith([]), reader).findings), ['/w/etc/extra/cookie.hocon']);
  const include = filesSettingFilter(['etc/emqx.conf'], ['/w']);
  const filtered = analyzeWorkspace(ws, settingsWith(['etc/emqx.conf']), reader, undefined, { include });
  assert.deepEqual(filtered.models.map((m) => m.files.map((f) => f.file)), [['/w/etc/emqx.conf']]);
  assert.equal(filtered.models[0].emqx?.get(['node', 'cookie'])?.value, 'emqxsecretcookie', 'the include is still read');
  assert.deepEqual(filtered.findings.filter((f) => f.file !== '/w/etc/emqx.conf'), []);
});

test('files filter: with a cache, changing the filter regroups instead of reusing stale deployments', () => {
  const { ws, reader } = workspaceOf({ '/w/a/emqx.conf': WEAK, '/w/b/emqx.conf': WEAK });
  const cache = new AnalysisCache();
  const settings = settingsWith(['a/**']);
  const first = analyzeWorkspace(ws, settings, reader, cache, { include: filesSettingFilter(settings.files, ['/w']) });
  assert.deepEqual(cookieFiles(first.findings), ['/w/a/emqx.conf']);
  const widened = settingsWith([]);
  const second = analyzeWorkspace(ws, widened, reader, cache, { include: filesSettingFilter(widened.files, ['/w']) });
  assert.deepEqual(cookieFiles(second.findings), ['/w/a/emqx.conf', '/w/b/emqx.conf']);
});
