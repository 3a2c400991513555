import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/systemd/limit-nofile-low';
import { parseNofile } from '../../../../server/src/rules/helpers/systemdUnit';
import { runRuleTests } from '../ruleTester';

const UNIT = (limit: string) => `[Unit]\nDescription=emqx\n\n[Service]\nUser=emqx\nExecStart=/usr/bin/emqx foreground\n${limit}Restart=on-failure\n`;

runRuleTests(rule, {
  valid: [
    { name: 'the tuning guide value', files: { 'emqx.service': UNIT('LimitNOFILE=2097152\n') } },
    { name: "EMQX's shipped unit (1048576)", files: { 'emqx.service': UNIT('LimitNOFILE=1048576\n') } },
    { name: 'infinity (systemd lowers it to what the kernel allows)', files: { 'emqx.service': UNIT('LimitNOFILE=infinity\n') } },
    { name: 'a soft:hard pair with a high soft limit', files: { 'emqx.service': UNIT('LimitNOFILE=1048576:2097152\n') } },
    { name: 'a low main unit raised by a drop-in', files: { 'emqx.service': UNIT('LimitNOFILE=65535\n'), 'emqx.service.d/limits.conf': '[Service]\nLimitNOFILE=2097152\n' } },
    { name: 'a unit that does not run EMQX', files: { 'nginx.service': '[Service]\nExecStart=/usr/sbin/nginx\n' } },
    { name: 'a smaller target', files: { 'emqx.service': UNIT('LimitNOFILE=131072\n') }, settings: { targetConnections: 100_000 } },
  ],
  invalid: [
    {
      name: 'the example deployment (65535)',
      files: { 'emqx.service': UNIT('LimitNOFILE=65535\n') },
      errors: [{ text: '65535', line: 7, message: /LimitNOFILE=65535 lets EMQX open only 65,535 files.*below 1,048,576/ }],
      output: { 'emqx.service': UNIT('LimitNOFILE=2097152\n') },
    },
    {
      name: 'absent: inserted into [Service] of the main unit',
      files: { 'emqx.service': UNIT('') },
      errors: [{ text: '[Service]', line: 4, message: /emqx\.service sets no LimitNOFILE, so EMQX starts with systemd's default of 1,024/ }],
      output: { 'emqx.service': UNIT('').replace('Restart=on-failure\n', 'Restart=on-failure\nLimitNOFILE=2097152\n') },
    },
    {
      name: 'set low in a drop-in: fixed in the drop-in',
      files: { 'emqx.service': UNIT('LimitNOFILE=2097152\n'), 'emqx.service.d/override.conf': '[Service]\nLimitNOFILE=4096:65536\n' },
      errors: [{ file: 'emqx.service.d/override.conf', text: '4096:65536', message: /only 4,096 files/ }],
      output: { 'emqx.service.d/override.conf': '[Service]\nLimitNOFILE=2097152\n', 'emqx.service': UNIT('LimitNOFILE=2097152\n') },
    },
    {
      name: 'reset to empty in a drop-in counts as absent',
      files: { 'emqx.service': UNIT('LimitNOFILE=2097152\n'), 'emqx.service.d/override.conf': '[Service]\nLimitNOFILE=\n' },
      errors: [{ file: 'emqx.service', text: '[Service]' }],
    },
    {
      name: 'the fix stays within an explicit fs.nr_open that covers the floor',
      files: { 'emqx.service': UNIT('LimitNOFILE=65535\n'), 'sysctl.conf': 'fs.nr_open = 1500000\n' },
      errors: [{ text: '65535' }],
      output: { 'emqx.service': UNIT('LimitNOFILE=1500000\n') },
    },
    {
      name: 'recognised by ExecStart when the unit has another name',
      files: { 'broker.service': '[Service]\nExecStart=/opt/emqx/bin/emqx foreground\nLimitNOFILE=1024\n' },
      errors: [{ text: '1024' }],
      output: { 'broker.service': '[Service]\nExecStart=/opt/emqx/bin/emqx foreground\nLimitNOFILE=2097152\n' },
    },
  ],
});

test('LimitNOFILE values are read as systemd reads them', () => {
  assert.deepEqual(parseNofile('65535'), { soft: 65535, hard: 65535 });
  assert.deepEqual(parseNofile('1024:524288'), { soft: 1024, hard: 524288 });
  assert.deepEqual(parseNofile('infinity'), { soft: Infinity, hard: Infinity });
  assert.equal(parseNofile('lots'), undefined);
  assert.equal(parseNofile('1:2:3'), undefined);
});
