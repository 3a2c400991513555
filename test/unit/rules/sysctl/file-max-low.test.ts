import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/sysctl/file-max-low';
import { descriptorTarget, nextPowerOfTwo, processLimitFloor } from '../../../../server/src/rules/helpers/sysctlKernel';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { sysctlKeyInfo, systemdDirectiveInfo, limitsItemInfo } from '../../../../server/src/schema';
import { runRuleTests } from '../ruleTester';

runRuleTests(rule, {
  valid: [
    { name: 'the tuning guide value', files: { 'sysctl.conf': 'fs.file-max = 2097152\n' } },
    { name: 'higher than needed', files: { 'sysctl.conf': 'fs.file-max=9223372036854775807\n' } },
    { name: 'absent: the kernel sizes it from RAM (and systemd raises it), so nothing to say', files: { 'sysctl.conf': 'net.core.somaxconn = 32768\n' } },
    { name: 'a low value overridden by a later file', files: { 'sysctl.d/10-base.conf': 'fs.file-max = 65536\n', 'sysctl.d/90-emqx.conf': 'fs.file-max = 2097152\n' } },
    { name: 'a smaller target connection count lowers the threshold', files: { 'sysctl.conf': 'fs.file-max = 262144\n' }, settings: { targetConnections: 100_000 } },
    { name: 'no sysctl file in the deployment', files: { 'emqx.conf': 'node.name = "emqx@127.0.0.1"\n' } },
  ],
  invalid: [
    {
      name: 'the example deployment value',
      files: { 'sysctl.conf': '# kernel\nfs.file-max = 65536\nfs.nr_open = 65536\n' },
      errors: [{ text: '65536', line: 2, message: /fs\.file-max = 65536 caps the whole host at 65,536 open files, below the 2,097,152 needed for 1,000,000 connections/ }],
      output: { 'sysctl.conf': '# kernel\nfs.file-max = 2097152\nfs.nr_open = 65536\n' },
    },
    {
      name: 'the file applied last wins: sysctl.conf after sysctl.d',
      files: { 'sysctl.d/90-emqx.conf': 'fs.file-max = 2097152\n', 'sysctl.conf': 'fs.file-max=100000\n' },
      errors: [{ file: 'sysctl.conf', text: '100000' }],
      output: { 'sysctl.conf': 'fs.file-max=2097152\n', 'sysctl.d/90-emqx.conf': 'fs.file-max = 2097152\n' },
    },
    {
      name: 'a larger target raises the threshold and the fixed value',
      files: { 'sysctl.conf': 'fs/file-max = 2097152\n' },
      settings: { targetConnections: 3_000_000 },
      errors: [{ text: '2097152', message: /below the 8,388,608 needed for 3,000,000 connections/ }],
      output: { 'sysctl.conf': 'fs/file-max = 8388608\n' },
    },
  ],
});

test('thresholds follow targetConnections and match the knowledge tables at the default', () => {
  assert.equal(nextPowerOfTwo(1), 1);
  assert.equal(nextPowerOfTwo(1025), 2048);
  assert.equal(descriptorTarget(DEFAULT_SETTINGS), 2097152);
  assert.equal(processLimitFloor(DEFAULT_SETTINGS), 1048576);
  assert.equal(String(descriptorTarget(DEFAULT_SETTINGS)), sysctlKeyInfo('fs.file-max')?.recommended);
  assert.equal(String(descriptorTarget(DEFAULT_SETTINGS)), sysctlKeyInfo('fs.nr_open')?.recommended);
  assert.equal(String(descriptorTarget(DEFAULT_SETTINGS)), systemdDirectiveInfo('Service', 'LimitNOFILE')?.recommended);
  assert.equal(String(descriptorTarget(DEFAULT_SETTINGS)), limitsItemInfo('nofile')?.recommended);
  assert.equal(String(DEFAULT_SETTINGS.targetConnections), sysctlKeyInfo('net.netfilter.nf_conntrack_max')?.recommended);
});
