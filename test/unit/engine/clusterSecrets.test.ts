import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../../server/src/engine/engine';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { ClusterSecrets } from '../../../server/src/engine/clusterSecrets';
import { selectSafeEdits } from '../../../server/src/engine/safeFixes';
import { workspaceOf, readerOf, ROOT } from '../rules/ruleTester';

function analyze(files: Record<string, string>) {
  return analyzeWorkspace(workspaceOf(files), { ...DEFAULT_SETTINGS, rules: {}, files: [] }, readerOf(files));
}

const STRONG = 'Qw7rTy2uIo9pAs4dFg6hJk1lZx3cVb8nMq5wEr0tYu7iOp2a';

test('nodes sharing cluster.static.seeds (HOCON list or 4.x string) share a cookie; an unrelated node does not', () => {
  const hocon = (n: number) => `node.name = "emqx@10.0.0.${n}"\nnode.cookie = emqxsecretcookie\ncluster.static.seeds = ["emqx@10.0.0.1", "emqx@10.0.0.2"]\n`;
  const flat = (n: number) => `node.name = emqx@10.1.0.${n}\nnode.cookie = emqxsecretcookie\ncluster.discovery = static\ncluster.static.seeds = emqx@10.1.0.1,emqx@10.1.0.2\n`;
  const result = analyze({ 'a/emqx.conf': hocon(1), 'b/emqx.conf': hocon(2), 'c/emqx.conf': flat(1), 'd/emqx.conf': flat(2), 'e/emqx.conf': 'node.name = "emqx@10.9.9.9"\n' });
  const secrets = new ClusterSecrets(result.models);
  const of = (d: string) => secrets.cookieFor(`${ROOT}/${d}/emqx.conf`);
  assert.equal(of('a'), of('b'));
  assert.equal(of('c'), of('d'));
  assert.notEqual(of('a'), of('c'));
  assert.notEqual(of('e'), of('a'));
  assert.equal(of('a'), of('a'), 'chosen once');
});

test('a cluster that already holds a strong cookie gets that one: every weak site is fixed to it', () => {
  const conf = (n: number, cookie: string) => `node.name = "emqx@10.0.0.${n}"\nnode.cookie = ${cookie}\ncluster.static.seeds = ["emqx@10.0.0.1", "emqx@10.0.0.2"]\n`;
  const result = analyze({ 'a/emqx.conf': conf(1, STRONG), 'b/emqx.conf': conf(2, 'emqxsecretcookie'), 'b/vm.args': '-setcookie emqxsecretcookie\n' });
  const edits = selectSafeEdits(result.findings.filter((f) => f.ruleId === 'erlang/weak-cookie'), new ClusterSecrets(result.models));
  assert.deepEqual([...edits.keys()].sort(), [`${ROOT}/b/emqx.conf`, `${ROOT}/b/vm.args`]);
  for (const fileEdits of edits.values()) assert.ok(fileEdits.every((e) => e.newText.includes(STRONG)), JSON.stringify(fileEdits));
});
