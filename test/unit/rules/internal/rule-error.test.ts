import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeModel } from '../../../../server/src/engine/analyze';
import { rule as weakCookie } from '../../../../server/src/rules/erlang/weak-cookie';
import type { Rule } from '../../../../server/src/rules/types';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { workspaceOf, readerOf } from '../ruleTester';
import { buildModel } from '../../../../server/src/model/build';

test('a rule that throws is reported as internal/rule-error and the other rules still run', () => {
  const files = { 'emqx.conf': 'node.cookie = emqxsecretcookie\n' };
  const ws = workspaceOf(files);
  const { model } = buildModel({ root: '/deploy', files: ws.all().map((s) => ws.parse(s.file)!), settings: DEFAULT_SETTINGS, reader: readerOf(files) });
  const broken: Rule = { id: 'test/broken', severity: 'warning', fixable: false, docs: { title: 'broken', path: 'docs/rules/test/broken.md' }, check: () => { throw new Error('boom'); } };
  const findings = analyzeModel(model, DEFAULT_SETTINGS, [broken, weakCookie]);
  const internal = findings.find((f) => f.ruleId === 'internal/rule-error');
  assert.ok(internal);
  assert.match(internal.message, /test\/broken failed.*boom/);
  assert.ok(findings.some((f) => f.ruleId === 'erlang/weak-cookie'));
});

test('no fix is offered into a file whose syntax is broken (its edits could land inside an unterminated block)', async () => {
  const { findingsOf } = await import('../ruleTester');
  const broken = findingsOf(undefined, { name: 'broken', files: { 'emqx.conf': 'node.cookie = emqxsecretcookie\ndashboard {\n  listeners.http.bind = 18083\n' } });
  assert.ok(broken.some((f) => f.ruleId === 'hocon/syntax'));
  assert.ok(broken.some((f) => f.ruleId === 'erlang/weak-cookie'), 'findings are still reported');
  assert.deepEqual(broken.filter((f) => f.ruleId !== 'hocon/syntax' && f.fixes.length > 0).map((f) => f.ruleId), []);
  const ok = findingsOf('erlang/weak-cookie', { name: 'ok', files: { 'emqx.conf': 'node.cookie = emqxsecretcookie\n' } });
  assert.equal(ok[0].fixes.length, 1);
});
