import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/cross/connections-exceed-nofile';
import { runRuleTests, findingsOf, ROOT } from '../ruleTester';

const UNIT = (limit: string) => `[Service]\nUser=emqx\nExecStart=/usr/bin/emqx foreground\nLimitNOFILE=${limit}\n`;
const LISTENERS = (tcp: string, ssl: string) =>
  `listeners.tcp.default {\n  bind = "0.0.0.0:1883"\n  max_connections = ${tcp}\n}\nlisteners.ssl.default {\n  bind = "0.0.0.0:8883"\n  max_connections = ${ssl}\n}\n`;

runRuleTests(rule, {
  valid: [
    { name: 'the sum fits', files: { 'emqx.conf': LISTENERS('500000', '500000'), 'emqx.service': UNIT('2097152') } },
    { name: 'infinity is not a number to add (the 5.x default)', files: { 'emqx.conf': LISTENERS('infinity', 'infinity'), 'emqx.service': UNIT('65535') } },
    { name: 'a disabled listener does not count', files: { 'emqx.conf': LISTENERS('60000', '60000').replace('max_connections = 60000\n}\nlisteners.ssl', 'max_connections = 60000\n  enable = false\n}\nlisteners.ssl'), 'emqx.service': UNIT('65535') } },
    { name: 'no LimitNOFILE (systemd/limit-nofile-low says so)', files: { 'emqx.conf': LISTENERS('1024000', '1024000'), 'emqx.service': '[Service]\nExecStart=/usr/bin/emqx foreground\n' } },
    { name: 'no service unit', files: { 'emqx.conf': LISTENERS('1024000', '1024000') } },
  ],
  invalid: [
    {
      name: '5.x listeners above LimitNOFILE',
      files: { 'emqx.service': UNIT('1048576'), 'emqx.conf': LISTENERS('1024000', '102400') },
      errors: [{ text: '1048576', line: 4, message: /max_connections add up to 1,126,400, more than LimitNOFILE=1048576 in emqx\.service/ }],
    },
    {
      name: "EMQX 4.x's shipped listener limits against the example's LimitNOFILE",
      files: {
        'emqx.service': UNIT('65535'),
        'etc/emqx.conf': 'node.name = emqx@127.0.0.1\nlistener.tcp.external = 0.0.0.0:1883\nlistener.tcp.external.max_connections = 1024000\nlistener.ssl.external = 8883\nlistener.ssl.external.max_connections = 102400\n',
      },
      errors: [{ text: '65535', message: /add up to 1,126,400/ }],
    },
  ],
});

test('the finding lists each listener limit that adds up', () => {
  const files = { 'emqx.service': UNIT('100000'), 'emqx.conf': LISTENERS('60000', '60000') };
  const [finding] = findingsOf(rule.id, { name: 'x', files });
  assert.ok(finding);
  assert.equal(finding.related?.length, 2);
  for (const r of finding.related ?? []) {
    assert.equal(r.file, `${ROOT}/emqx.conf`);
    assert.equal(files['emqx.conf'].slice(r.span.start, r.span.end), '60000');
  }
});
