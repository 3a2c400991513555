import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule, allowsAll } from '../../../../server/src/rules/mqtt/proxy-protocol-unrestricted';
import { runRuleTests } from '../ruleTester';
import { HARDENED } from './fixtures';

const listener = (extra: string) => `listeners.tcp.default {\n  bind = "0.0.0.0:1883"\n  proxy_protocol = true\n${extra}}\n`;

runRuleTests(rule, {
  valid: [
    { name: 'a hardened config', files: { 'emqx.conf': HARDENED } },
    { name: 'restricted to the load balancer', files: { 'emqx.conf': listener('  access_rules = ["allow 10.0.5.10", "deny all"]\n') } },
    { name: 'no PROXY protocol', files: { 'emqx.conf': 'listeners.tcp.default.proxy_protocol = false\n' } },
    { name: '4.x restricted', files: { 'emqx.conf': 'node.name = emqx@127.0.0.1\nlistener.tcp.external = 0.0.0.0:1883\nlistener.tcp.external.proxy_protocol = on\nlistener.tcp.external.access.1 = allow 10.0.5.10\nlistener.tcp.external.access.2 = deny all\n' } },
  ],
  invalid: [
    {
      name: 'no access rules (EMQX default: allow all)',
      files: { 'emqx.conf': listener('') },
      errors: [{ text: 'true', line: 3, message: /listeners\.tcp\.default trusts PROXY protocol headers while its access rules still let every address in/ }],
      output: { 'emqx.conf': listener('  access_rules = ["allow 10.0.0.0/8", "deny all"]\n') },
    },
    {
      name: 'allow all before deny all',
      files: { 'emqx.conf': listener('  access_rules = ["allow all", "deny all"]\n') },
      errors: [{ text: 'true' }],
      output: { 'emqx.conf': listener('  access_rules = ["allow 10.0.0.0/8", "deny all"]\n') },
    },
    {
      name: '4.x access.1 = allow all',
      files: { 'emqx.conf': 'node.name = emqx@127.0.0.1\nlistener.tcp.external = 0.0.0.0:1883\nlistener.tcp.external.proxy_protocol = on\nlistener.tcp.external.access.1 = allow all\n' },
      errors: [{ text: 'on', line: 3 }],
    },
  ],
});

test('allowsAll follows esockd: first match wins, and no match allows', () => {
  assert.equal(allowsAll([]), true);
  assert.equal(allowsAll(['allow 10.0.0.0/8']), true);
  assert.equal(allowsAll(['allow 10.0.0.0/8', 'deny all']), false);
  assert.equal(allowsAll(['allow 10.0.0.1, deny  all']), false);
  assert.equal(allowsAll(['allow all', 'deny all']), true);
});
