import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeSettings, DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { findingsOf } from '../rules/ruleTester';

test('normalizeSettings keeps defaults and reports every invalid value without throwing', () => {
  assert.deepEqual(normalizeSettings(undefined).settings, DEFAULT_SETTINGS);
  const r = normalizeSettings({ emqxVersion: '7', targetConnections: -1, rules: { 'a/b': 'loud' }, files: 'x', other: 1 });
  assert.equal(r.settings.emqxVersion, 'auto');
  assert.equal(r.problems.length, 5);
  assert.deepEqual(normalizeSettings([1]).problems, ['settings must be a JSON object']);
});

test('per-rule severity and off apply to findings', () => {
  const files = { 'emqx.conf': 'node.cookie = emqxsecretcookie\n' };
  assert.equal(findingsOf('erlang/weak-cookie', { name: '', files, settings: { rules: { 'erlang/weak-cookie': 'hint' } } })[0].severity, 'hint');
  assert.deepEqual(findingsOf('erlang/weak-cookie', { name: '', files, settings: { rules: { 'erlang/weak-cookie': 'off' } } }), []);
});
