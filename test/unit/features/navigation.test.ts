import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definition, references } from '../../../server/src/features/navigation';
import { contextAt } from './featureHarness';

const shown = (files: Record<string, string>, locs: { file: string; span: { start: number; end: number } }[], clean: Record<string, string>) =>
  locs.map((l) => [l.file.replace('/deploy/', ''), (clean[l.file.replace('/deploy/', '')] ?? '').slice(l.span.start, l.span.end)]);

test('definition: include -> the file', () => {
  const { ctx, offset } = contextAt({ 'emqx.conf': 'include "listen|ers.hocon"\n', 'listeners.hocon': 'a = 1\n' }, 'emqx.conf');
  assert.deepEqual(definition(ctx, offset).map((l) => l.file), ['/deploy/listeners.hocon']);
});

test('definition: ${a.b} -> the key it resolves to', () => {
  const files = { 'emqx.conf': 'paths { data = "/var/lib/emqx" }\nnode.data_dir = ${paths.da|ta}\n' };
  const { ctx, offset, text } = contextAt(files, 'emqx.conf');
  assert.deepEqual(shown(files, definition(ctx, offset), { 'emqx.conf': text }), [['emqx.conf', 'data']]);
});

test('definition: a setting in base.hocon -> emqx.conf, which overrides it', () => {
  const files = { 'base.hocon': 'node.co|okie = "aaaa"\n', 'emqx.conf': 'node {\n  cookie = "bbbb"\n}\n' };
  const { ctx, offset } = contextAt(files, 'base.hocon');
  assert.deepEqual(shown(files, definition(ctx, offset), files), [['emqx.conf', 'cookie']]);
});

test('references: every place a path is set or substituted, across the deployment', () => {
  const files = { 'base.hocon': 'paths.data = "/a"\n', 'emqx.conf': 'paths { da|ta = "/b" }\nnode.data_dir = ${paths.data}\n' };
  const { ctx, offset, text } = contextAt(files, 'emqx.conf');
  const clean = { ...files, 'emqx.conf': text };
  assert.deepEqual(shown(files, references(ctx, offset), clean).sort(), [['base.hocon', 'paths.data'], ['emqx.conf', '${paths.data}'], ['emqx.conf', 'data']].sort());
});
