import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/ports/listener-protocol-mismatch';
import { runRuleTests, findingsOf } from '../ruleTester';

runRuleTests(rule, {
  valid: [
    {
      name: 'hardened: every listener on its usual port',
      files: {
        'emqx.conf':
          'listeners.tcp.default { bind = "127.0.0.1:1883" }\nlisteners.ssl.default { bind = "0.0.0.0:8883" }\n' +
          'listeners.ws.default { enable = false }\nlisteners.wss.default { bind = "0.0.0.0:8084" }\n' +
          'dashboard.listeners.https { bind = "10.0.1.5:18084", ssl_options { certfile = "/c", keyfile = "/k" } }\n',
      },
    },
    { name: 'implicit default listeners', files: { 'emqx.conf': 'node.name = "emqx@127.0.0.1"\n' } },
    { name: 'a disabled listener on the other protocol\'s port', files: { 'emqx.conf': 'listeners.ssl.legacy {\n  enable = false\n  bind = "0.0.0.0:1883"\n}\nlisteners.tcp.default.enable = false\n' } },
    { name: 'ports outside the conventions', files: { 'emqx.conf': 'listeners.ssl.default.bind = "0.0.0.0:9883"\nlisteners.tcp.default.bind = "0.0.0.0:11883"\n' } },
    { name: 'no EMQX configuration', files: { 'vm.args': '-name emqx@127.0.0.1\n' } },
  ],
  invalid: [
    {
      name: 'a TLS listener on 1883',
      files: { 'emqx.conf': 'listeners.tcp.default.enable = false\nlisteners.ssl.default {\n  bind = "0.0.0.0:1883"\n}\n' },
      errors: [{ text: '"0.0.0.0:1883"', line: 3, message: /^The ssl listener default binds port 1883, the usual port of MQTT over TCP: clients that pick the port by convention/ }],
      output: { 'emqx.conf': 'listeners.tcp.default.enable = false\nlisteners.ssl.default {\n  bind = "0.0.0.0:8883"\n}\n' },
    },
    {
      name: 'the dashboard over HTTP on the HTTPS port, written as a bare number',
      files: { 'emqx.conf': 'dashboard {\n  listeners.http.bind = 18084\n}\n' },
      errors: [{ text: '18084', line: 2, message: /dashboard http listener binds port 18084, the usual port of the dashboard over HTTPS: clients and operators expect encryption/ }],
      output: { 'emqx.conf': 'dashboard {\n  listeners.http.bind = 18083\n}\n' },
    },
    {
      name: 'plain WebSocket on the secure WebSocket port',
      files: { 'emqx.conf': 'listeners.ws.default.bind = "[::]:8084"\nlisteners.wss.default.enable = false\n' },
      errors: [{ text: '"[::]:8084"', message: /ws listener default binds port 8084/ }],
      output: { 'emqx.conf': 'listeners.ws.default.bind = "[::]:8083"\nlisteners.wss.default.enable = false\n' },
    },
    {
      name: '4.x flat format',
      files: { 'emqx.conf': 'listener.tcp.external = 0.0.0.0:11883\nlistener.ssl.external = 1883\n' },
      errors: [{ text: '1883', line: 2, message: /ssl listener external binds port 1883/ }],
      output: { 'emqx.conf': 'listener.tcp.external = 0.0.0.0:11883\nlistener.ssl.external = 8883\n' },
    },
  ],
});

test('the fix is not applied blindly when another listener holds the usual port', () => {
  const files = { 'emqx.conf': 'listeners.tcp.plain.bind = "0.0.0.0:8883"\nlisteners.tcp.main.bind = "0.0.0.0:1883"\nlisteners.ssl.default.enable = false\n' };
  const [finding] = findingsOf(rule.id, { name: 'taken', files });
  assert.match(finding.message, /tcp listener plain binds port 8883/);
  assert.equal(finding.fixes[0].safe, false, 'listeners.tcp.main already holds 1883');
});
