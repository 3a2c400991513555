import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyPath } from '../../../server/src/workspace/fileKinds';
import { groupDeployments, Workspace } from '../../../server/src/workspace/workspace';
import { compileGlob, matchesAny } from '../../../server/src/workspace/glob';

test('file kinds are recognised by path, and unrelated *.conf files are left alone', () => {
  const cases: [string, string | undefined][] = [
    ['/etc/emqx/emqx.conf', 'emqx-conf'],
    ['/opt/emqx/etc/base.hocon', 'emqx-conf'],
    ['/opt/emqx/etc/listeners.conf', 'emqx-conf'],
    ['/srv/emqx/cluster.conf', 'emqx-conf'],
    ['/etc/emqx/acl.conf', undefined],
    ['/etc/nginx/nginx.conf', undefined],
    ['/etc/app.conf', undefined],
    ['/etc/emqx/vm.args', 'vmargs'],
    ['/etc/sysctl.conf', 'sysctl'],
    ['/etc/sysctl.d/99-emqx.conf', 'sysctl'],
    ['/etc/systemd/system/emqx.service', 'systemd'],
    ['/etc/systemd/system/emqx.service.d/limits.conf', 'systemd'],
    ['/etc/systemd/system/emqx.service.d/emqx-override.conf', 'systemd'],
    ['/etc/security/limits.conf', 'limits'],
    ['/etc/security/limits.d/emqx.conf', 'limits'],
  ];
  for (const [p, kind] of cases) assert.equal(classifyPath(p), kind, p);
});

test('deployments group around each main config; other files join the deepest root above them', () => {
  const f = (file: string) => ({ file, kind: classifyPath(file)!, text: '' });
  const groups = groupDeployments([f('/w/a/emqx.conf'), f('/w/a/vm.args'), f('/w/b/etc/emqx.conf'), f('/w/b/sysctl.d/90.conf'), f('/w/other/sysctl.conf')]);
  const names = groups.map((g) => g.map((x) => x.file).sort());
  assert.deepEqual(names, [['/w/a/emqx.conf', '/w/a/vm.args'], ['/w/b/etc/emqx.conf', '/w/b/sysctl.d/90.conf'], ['/w/other/sysctl.conf']]);
});

test('the parse cache re-parses only a file whose text changed', () => {
  const ws = new Workspace();
  ws.set('/w/emqx.conf', 'a = 1\n');
  ws.set('/w/vm.args', '-name emqx@h\n');
  const a1 = ws.parse('/w/emqx.conf');
  const v1 = ws.parse('/w/vm.args');
  ws.set('/w/emqx.conf', 'a = 2\n');
  assert.notEqual(ws.parse('/w/emqx.conf'), a1);
  assert.equal(ws.parse('/w/vm.args'), v1);
});

test('globs: ** spans folders, * stays in one segment', () => {
  assert.ok(compileGlob('deploy/**').test('deploy/etc/emqx.conf'));
  assert.ok(compileGlob('**/emqx.conf').test('emqx.conf'));
  assert.ok(!compileGlob('*.conf').test('etc/emqx.conf'));
  assert.ok(matchesAny('etc/emqx.conf', []));
  assert.ok(matchesAny('./etc/emqx.conf'.slice(2), ['./etc/*.conf']));
});

test('an edit re-analyzes only the deployment it touches', async () => {
  const { analyzeWorkspace, AnalysisCache } = await import('../../../server/src/engine/engine');
  const { DEFAULT_SETTINGS } = await import('../../../server/src/core/settings');
  const ws = new Workspace();
  ws.set('/w/a/emqx.conf', 'node.cookie = emqxsecretcookie\n');
  ws.set('/w/b/emqx.conf', 'node.cookie = emqxsecretcookie\n');
  const cache = new AnalysisCache();
  const reader = { read: () => undefined };
  const first = analyzeWorkspace(ws, DEFAULT_SETTINGS, reader, cache);
  ws.set('/w/b/emqx.conf', 'node.cookie = "Vb7TqkL2mXw9RzH4pNc8sJd3FgY6aKe5Q1uBnZrWtMhx0oPi"\n');
  const second = analyzeWorkspace(ws, DEFAULT_SETTINGS, reader, cache);
  const modelA = (r: typeof first) => r.models.find((m) => m.root === '/w/a');
  assert.equal(modelA(second), modelA(first), 'deployment a was reused');
  assert.notEqual(second.models.find((m) => m.root === '/w/b'), first.models.find((m) => m.root === '/w/b'));
  assert.ok(!second.findings.some((f) => f.file === '/w/b/emqx.conf' && f.ruleId === 'erlang/weak-cookie'));
  assert.ok(second.findings.some((f) => f.file === '/w/a/emqx.conf' && f.ruleId === 'erlang/weak-cookie'));
});
