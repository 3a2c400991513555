import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/cross/nofile-exceeds-nr-open';
import { runRuleTests, findingsOf, ROOT } from '../ruleTester';

const UNIT = (limit: string) => `[Service]\nUser=emqx\nExecStart=/usr/bin/emqx foreground\nLimitNOFILE=${limit}\n`;

runRuleTests(rule, {
  valid: [
    { name: 'equal limits', files: { 'emqx.service': UNIT('2097152'), 'sysctl.conf': 'fs.nr_open = 2097152\n' } },
    { name: 'fs.nr_open absent (systemd raises it; nr-open-low covers the rest)', files: { 'emqx.service': UNIT('2097152'), 'sysctl.conf': 'fs.file-max = 2097152\n' } },
    { name: 'infinity is lowered by systemd, not refused', files: { 'emqx.service': UNIT('infinity'), 'sysctl.conf': 'fs.nr_open = 1048576\n' } },
    { name: 'not an EMQX unit', files: { 'redis.service': '[Service]\nExecStart=/usr/bin/redis-server\nLimitNOFILE=4000000\n', 'sysctl.conf': 'fs.nr_open = 1048576\n' } },
    { name: 'a limits line within the ceiling', files: { 'limits.conf': 'emqx - nofile 1048576\n', 'sysctl.conf': 'fs.nr_open = 1048576\n' } },
  ],
  invalid: [
    {
      name: 'LimitNOFILE one above fs.nr_open',
      files: { 'emqx.service': UNIT('65535'), 'sysctl.conf': 'fs.file-max = 65536\nfs.nr_open = 65534\n' },
      errors: [{ text: '65535', line: 4, message: /LimitNOFILE=65535 in emqx\.service is above fs\.nr_open = 65534 \(sysctl\.conf\)/ }],
    },
    {
      name: 'the hard half of a soft:hard pair is what exceeds',
      files: { 'emqx.service.d/limits.conf': '[Service]\nLimitNOFILE=65536:4194304\n', 'sysctl.d/90-emqx.conf': 'fs.nr_open=2097152\n' },
      errors: [{ file: 'emqx.service.d/limits.conf', text: '65536:4194304' }],
    },
    {
      name: 'a limits.conf line above the ceiling',
      files: { 'limits.conf': 'emqx soft nofile 2097152\nemqx hard nofile 2097152\n', 'sysctl.conf': 'fs.nr_open = 1048576\n' },
      errors: [
        { text: '2097152', line: 1, message: /^emqx soft nofile 2097152 in limits\.conf is above fs\.nr_open = 1048576/ },
        { text: '2097152', line: 2, message: /^emqx hard nofile 2097152/ },
      ],
    },
  ],
});

test('the finding points at both the limit and fs.nr_open', () => {
  const files = { 'emqx.service': UNIT('4194304'), 'sysctl.conf': 'fs.nr_open = 2097152\n' };
  const [finding] = findingsOf(rule.id, { name: 'x', files });
  assert.ok(finding);
  const related = finding.related ?? [];
  assert.deepEqual(related.map((r) => r.file).sort(), [`${ROOT}/emqx.service`, `${ROOT}/sysctl.conf`]);
  const nr = related.find((r) => r.file.endsWith('sysctl.conf'))!;
  assert.equal(files['sysctl.conf'].slice(nr.span.start, nr.span.end), '2097152');
  assert.equal(finding.fixes.length, 0);
});
