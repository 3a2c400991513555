import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentSymbols } from '../../../server/src/features/symbols';
import { foldingRanges } from '../../../server/src/features/folding';
import { selectionSpans } from '../../../server/src/features/selection';
import { contextAt } from './featureHarness';

const CONF = '# a\n# b\n# c\nnode {\n  name = "emqx@h"\n}\nlisteners.tcp.default.bind = "127.0.0.1:1883"\nauthentication = [\n  { mechanism = password_based }\n]\n';

test('HOCON outline: blocks with children, path keys whole, array items', () => {
  const { ctx } = contextAt({ 'emqx.conf': CONF + '|' }, 'emqx.conf');
  const symbols = documentSymbols(ctx.file);
  assert.deepEqual(symbols.map((s) => [s.name, s.kind]), [['node', 'object'], ['listeners.tcp.default.bind', 'property'], ['authentication', 'array']]);
  assert.deepEqual(symbols[0].children.map((c) => c.name), ['name']);
  assert.deepEqual(symbols[2].children[0].children.map((c) => c.name), ['mechanism']);
});

test('unit outline: sections with their directives; vm.args flags name their parameter', () => {
  const unit = contextAt({ 'emqx.service': '[Unit]\nDescription=x\n[Service]\nUser=emqx\n|' }, 'emqx.service');
  assert.deepEqual(documentSymbols(unit.ctx.file).map((s) => [s.name, s.children.map((c) => c.name)]), [['[Unit]', ['Description']], ['[Service]', ['User']]]);
  const vm = contextAt({ 'vm.args': '-name emqx@h\n-kernel inet_dist_listen_min 4370\n|' }, 'vm.args');
  assert.deepEqual(documentSymbols(vm.ctx.file).map((s) => s.name), ['-name', '-kernel inet_dist_listen_min']);
});

test('folding: multi-line blocks and arrays up to the line before the closing bracket, comment runs', () => {
  const { ctx } = contextAt({ 'emqx.conf': CONF + '|' }, 'emqx.conf');
  assert.deepEqual(foldingRanges(ctx.file), [
    { startLine: 0, endLine: 2, kind: 'comment' },
    { startLine: 3, endLine: 4 },
    { startLine: 7, endLine: 8 },
  ]);
});

test('selection ranges grow from the key segment to the field, the block and the file', () => {
  const { ctx, offset, text } = contextAt({ 'emqx.conf': 'node {\n  na|me = "emqx@h"\n}\n' }, 'emqx.conf');
  const spans = selectionSpans(ctx.file, offset).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(spans, ['name', 'name = "emqx@h"', '{\n  name = "emqx@h"\n}', 'node {\n  name = "emqx@h"\n}', text]);
});
