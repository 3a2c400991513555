import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule, intendedAddress } from '../../../../server/src/rules/erlang/dist-interface-syntax';
import { runRuleTests } from '../ruleTester';

runRuleTests(rule, {
  valid: [
    { name: 'hardened: an IPv4 tuple', files: { 'vm.args': '-name emqx1@10.0.1.5\n-kernel inet_dist_use_interface {10,0,1,5}\n' } },
    { name: 'an IPv6 tuple', files: { 'vm.args': '-kernel inet_dist_use_interface {64768,0,0,0,0,0,0,1}\n' } },
    { name: 'not set at all', files: { 'vm.args': '-name emqx@127.0.0.1\n' } },
    { name: 'an unrendered template is another rule\'s business', files: { 'vm.args': '-kernel inet_dist_use_interface {{ dist_iface }}\n' } },
  ],
  invalid: [
    {
      name: 'a dotted address without braces',
      files: { 'vm.args': '-name emqx1@10.0.1.5\n-kernel inet_dist_use_interface 10.0.1.5\n' },
      errors: [{ text: '10.0.1.5', line: 2, message: /is not an Erlang address tuple.*write it as \{10,0,1,5\}/ }],
      output: { 'vm.args': '-name emqx1@10.0.1.5\n-kernel inet_dist_use_interface {10,0,1,5}\n' },
    },
    {
      name: 'dots inside braces',
      files: { 'vm.args': '-kernel inet_dist_use_interface {10.0.1.5}\n' },
      errors: [{ text: '{10.0.1.5}' }],
      output: { 'vm.args': '-kernel inet_dist_use_interface {10,0,1,5}\n' },
    },
    {
      name: 'a tuple written with spaces (the VM splits it into words)',
      files: { 'vm.args': '-kernel inet_dist_use_interface {10, 0, 1, 5} # private NIC\n' },
      errors: [{ text: '{10, 0, 1, 5}' }],
      output: { 'vm.args': '-kernel inet_dist_use_interface {10,0,1,5} # private NIC\n' },
    },
    {
      name: 'a quoted IPv6 address',
      files: { 'vm.args': '-kernel inet_dist_use_interface "fd00::1"\n' },
      errors: [{ text: '"fd00::1"', message: /\{64768,0,0,0,0,0,0,1\}/ }],
      output: { 'vm.args': '-kernel inet_dist_use_interface {64768,0,0,0,0,0,0,1}\n' },
    },
    {
      name: 'an octet out of range: reported without a guess',
      files: { 'vm.args': '-kernel inet_dist_use_interface {10,0,1,500}\n' },
      errors: [{ text: '{10,0,1,500}', message: /a tuple such as \{10,0,1,5\}/ }],
    },
  ],
});

test('intendedAddress reads the usual mistakes and refuses nonsense', () => {
  assert.equal(intendedAddress('10.0.1.5'), '10.0.1.5');
  assert.equal(intendedAddress("'10.0.1.5'"), '10.0.1.5');
  assert.equal(intendedAddress('{10 0 1 5}'), '10.0.1.5');
  assert.equal(intendedAddress('eth0'), undefined);
  assert.equal(intendedAddress('{10,0,1}'), undefined);
  assert.equal(intendedAddress('{256,0,0,1}'), undefined);
});
