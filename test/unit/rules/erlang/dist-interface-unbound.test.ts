import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/erlang/dist-interface-unbound';
import { runRuleTests, findingsOf } from '../ruleTester';

const CONF = 'node {\n  name = "emqx1@10.0.1.5"\n}\n';

runRuleTests(rule, {
  valid: [
    { name: 'hardened: vm.args pins distribution to the private address', files: { 'emqx.conf': CONF, 'vm.args': '-name emqx1@10.0.1.5\n-kernel inet_dist_use_interface {10,0,1,5}\n' } },
    { name: 'an IPv6 tuple', files: { 'vm.args': '-kernel inet_dist_use_interface {64768,0,0,0,0,0,0,1}\n' } },
    { name: '6.x node.dist_bind_address', files: { 'emqx.conf': 'node {\n  name = "emqx@10.0.1.5"\n  dist_bind_address = "10.0.1.5"\n}\n' }, settings: { emqxVersion: '6' } },
    { name: '4.x node.dist_use_interface set to a private address', files: { 'emqx.conf': 'node.name = emqx@10.0.1.5\nnode.dist_use_interface = 10.0.1.5\n' } },
    { name: 'a deployment without EMQX config or vm.args', files: { 'sysctl.conf': 'net.core.somaxconn = 32768\n' } },
    { name: 'a malformed value is left to erlang/dist-interface-syntax', files: { 'vm.args': '-kernel inet_dist_use_interface 10.0.1.5\n' } },
  ],
  invalid: [
    {
      name: 'vm.args without inet_dist_use_interface: insert the tuple of the node name\'s address',
      files: { 'vm.args': '-name emqx1@10.0.1.5\n-setcookie abc\n\n-kernel inet_dist_listen_min 4371\n', 'emqx.conf': CONF },
      errors: [{ text: '-name emqx1@10.0.1.5', line: 1, message: /vm\.args has no -kernel inet_dist_use_interface: .*\(4371 here\)/ }],
      output: { 'vm.args': '-name emqx1@10.0.1.5\n-setcookie abc\n\n-kernel inet_dist_listen_min 4371\n-kernel inet_dist_use_interface {10,0,1,5}\n' },
    },
    {
      name: 'the wildcard tuple',
      files: { 'vm.args': '-name emqx@broker.internal\n-kernel inet_dist_use_interface {0,0,0,0}\n' },
      errors: [{ text: '{0,0,0,0}', line: 2, message: /\{0,0,0,0\} binds Erlang distribution to all interfaces/ }],
      output: { 'vm.args': '-name emqx@broker.internal\n-kernel inet_dist_use_interface {10,0,0,1}\n' },
    },
    {
      name: '4.x shipped node.dist_use_interface = 0.0.0.0',
      files: { 'emqx.conf': 'node.name = emqx2@10.0.1.6\nnode.dist_use_interface = 0.0.0.0\n' },
      errors: [{ text: '0.0.0.0', line: 2, message: /^node\.dist_use_interface is "0\.0\.0\.0": .*\(4372 here\)/ }],
      output: { 'emqx.conf': 'node.name = emqx2@10.0.1.6\nnode.dist_use_interface = 10.0.1.6\n' },
    },
    {
      name: '6.x without dist_bind_address and without vm.args: insert it into the node block',
      files: { 'emqx.conf': 'node {\n  name = "emqx@mq1.example.net"\n  cookie = "x"\n}\n' },
      settings: { emqxVersion: '6' },
      errors: [{ text: 'node', line: 1, message: /node\.dist_bind_address is "0\.0\.0\.0" \(not set, so EMQX 6\.x's default applies\)/ }],
      output: { 'emqx.conf': 'node {\n  name = "emqx@mq1.example.net"\n  cookie = "x"\n  dist_bind_address = "10.0.0.1"\n}\n' },
    },
    {
      name: '5.x config without vm.args: reported on the node block, no fix possible here',
      files: { 'emqx.conf': CONF },
      errors: [{ text: 'node', line: 1, message: /EMQX 5\.x takes it from -kernel inet_dist_use_interface in vm\.args, which this deployment lacks/ }],
    },
  ],
});

test('fixes that carry a placeholder address are never applied by fix-all', () => {
  const [finding] = findingsOf(rule.id, { name: 'p', files: { 'vm.args': '-name emqx@host\n' } });
  assert.equal(finding.fixes[0].safe, false);
  assert.match(finding.fixes[0].title, /placeholder/);
});
