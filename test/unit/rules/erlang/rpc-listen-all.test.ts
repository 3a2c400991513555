import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/erlang/rpc-listen-all';
import { runRuleTests, findingsOf } from '../ruleTester';

runRuleTests(rule, {
  valid: [
    { name: 'hardened: the private address', files: { 'emqx.conf': 'node.name = "emqx1@10.0.1.5"\nrpc.listen_address = "10.0.1.5"\n' } },
    { name: '4.x rpc.tcp_server_ip pinned', files: { 'emqx.conf': 'node.name = emqx@10.0.1.5\nrpc.tcp_server_ip = 10.0.1.5\n' } },
    { name: 'no EMQX configuration', files: { 'vm.args': '-name emqx@10.0.1.5\n' } },
  ],
  invalid: [
    {
      name: 'EMQX\'s default: insert the node name\'s address into the rpc block',
      files: { 'emqx.conf': 'node.name = "emqx1@10.0.1.5"\nrpc {\n  port_discovery = stateless\n}\n' },
      errors: [{ text: 'rpc', line: 2, message: /^rpc\.listen_address is "0\.0\.0\.0" \(not set, so EMQX 5\.x's default applies\): the gen_rpc port \(5371 here\)/ }],
      output: { 'emqx.conf': 'node.name = "emqx1@10.0.1.5"\nrpc {\n  port_discovery = stateless\n  listen_address = "10.0.1.5"\n}\n' },
    },
    {
      name: 'explicit IPv6 wildcard, host name in the node name: placeholder',
      files: { 'emqx.conf': 'node.name = "emqx@mq.example.net"\nrpc.listen_address = "::"\n' },
      errors: [{ text: '"::"', line: 2 }],
      output: { 'emqx.conf': 'node.name = "emqx@mq.example.net"\nrpc.listen_address = "10.0.0.1"\n' },
    },
    {
      name: '4.x rpc.tcp_server_ip = 0.0.0.0 with manual discovery',
      files: { 'emqx.conf': 'node.name = emqx@10.0.2.9\nrpc.port_discovery = manual\nrpc.tcp_server_port = 5369\nrpc.tcp_server_ip = 0.0.0.0\n' },
      errors: [{ text: '0.0.0.0', line: 4, message: /^rpc\.tcp_server_ip is "0\.0\.0\.0": the gen_rpc port \(5369 here\)/ }],
      output: { 'emqx.conf': 'node.name = emqx@10.0.2.9\nrpc.port_discovery = manual\nrpc.tcp_server_port = 5369\nrpc.tcp_server_ip = 10.0.2.9\n' },
    },
  ],
});

test('the fix is never applied by fix-all (the address must be checked)', () => {
  const [finding] = findingsOf(rule.id, { name: 'f', files: { 'emqx.conf': 'node.name = "emqx1@10.0.1.5"\n' } });
  assert.equal(finding.fixes[0].safe, false);
});
