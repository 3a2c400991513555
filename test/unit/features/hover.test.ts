import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../../server/src/features/hover';
import { contextAt } from './featureHarness';

test('hover on a HOCON key shows type, default for the version, allowed values and the rules that check it', () => {
  const { ctx, offset, text } = contextAt({ 'emqx.conf': 'listeners.ssl.default.ssl_options {\n  ver|ify = verify_peer\n  fail_if_no_peer_cert = true\n}\n' }, 'emqx.conf');
  const h = hover(ctx, offset)!;
  assert.ok(h);
  assert.equal(text.slice(h.span.start, h.span.end), 'verify');
  assert.match(h.markdown, /listeners\.ssl\.default\.ssl_options\.verify/);
  assert.match(h.markdown, /Default in EMQX 5\.x: `verify_none`/);
  assert.match(h.markdown, /`verify_peer`/);
});

test('hover on node.name shows the derived distribution and RPC ports', () => {
  const { ctx, offset } = contextAt({ 'emqx.conf': 'node {\n  na|me = "emqx3@10.0.0.3"\n}\n' }, 'emqx.conf');
  const h = hover(ctx, offset)!;
  assert.match(h.markdown, /distribution \*\*4373\*\*/);
  assert.match(h.markdown, /RPC \(gen_rpc\) \*\*5373\*\*/);
});

test('hover on a finding explains the rule with a docs link', () => {
  const { ctx, offset } = contextAt({ 'emqx.conf': 'node.cookie = emqxsec|retcookie\n' }, 'emqx.conf');
  const h = hover(ctx, offset)!;
  assert.match(h.markdown, /\*\*erlang\/weak-cookie\*\*/);
  assert.match(h.markdown, /\(docs:erlang\/weak-cookie\)/);
});

test('hover on a sysctl key gives its meaning and recommended value', () => {
  const { ctx, offset } = contextAt({ 'sysctl.conf': 'fs.nr_op|en = 2097152\n' }, 'sysctl.conf');
  const h = hover(ctx, offset)!;
  assert.match(h.markdown, /\*\*fs\.nr_open\*\*/);
  assert.match(h.markdown, /Recommended for a broker: `2097152`/);
});

test('hover on vm.args flags, kernel parameters and unit directives', () => {
  const vm = contextAt({ 'vm.args': '-kernel inet_dist_use_inter|face {10,0,0,1}\n' }, 'vm.args');
  assert.match(hover(vm.ctx, vm.offset)!.markdown, /inet_dist_use_interface/);
  const unit = contextAt({ 'emqx.service': '[Service]\nLimitNO|FILE=2097152\n' }, 'emqx.service');
  assert.match(hover(unit.ctx, unit.offset)!.markdown, /\[Service\] LimitNOFILE=/);
});

test('no hover on whitespace', () => {
  const { ctx, offset } = contextAt({ 'emqx.conf': 'node {\n|\n}\n' }, 'emqx.conf');
  assert.equal(hover(ctx, offset), undefined);
});
