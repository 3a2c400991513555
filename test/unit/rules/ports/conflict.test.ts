import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/ports/conflict';
import { runRuleTests, findingsOf } from '../ruleTester';

runRuleTests(rule, {
  valid: [
    { name: 'hardened: distinct ports', files: { 'emqx.conf': 'listeners.tcp.default.bind = "127.0.0.1:1883"\nlisteners.ssl.default.bind = "0.0.0.0:8883"\ndashboard.listeners.http.bind = "127.0.0.1:18083"\n' } },
    { name: 'implicit defaults only', files: { 'emqx.conf': 'node.name = "emqx@127.0.0.1"\n' } },
    { name: 'one port on two specific addresses', files: { 'emqx.conf': 'listeners.tcp.default.bind = "127.0.0.1:1883"\nlisteners.tcp.lan.bind = "10.0.1.5:1883"\n' } },
    { name: 'QUIC (UDP) may share a number with TCP', files: { 'emqx.conf': 'listeners.quic.default.bind = "0.0.0.0:14567"\nlisteners.tcp.extra.bind = "0.0.0.0:14567"\n' } },
    { name: 'a disabled listener holds nothing', files: { 'emqx.conf': 'listeners.ws.default {\n  enable = false\n  bind = "0.0.0.0:1883"\n}\n' } },
    { name: 'manual RPC on its own port', files: { 'emqx.conf': 'node.name = "emqx@10.0.1.5"\nrpc {\n  port_discovery = manual\n  server_port = 5369\n}\n' } },
  ],
  invalid: [
    {
      name: 'a WebSocket listener on the default TCP listener\'s port',
      files: { 'emqx.conf': 'listeners.ws.default {\n  bind = "0.0.0.0:1883"\n}\n' },
      errors: [{ text: '"0.0.0.0:1883"', line: 2, message: /^The ws listener default binds 0\.0\.0\.0:1883, which the tcp listener default also binds \(0\.0\.0\.0:1883, EMQX's default\); whichever starts second fails/ }],
    },
    {
      name: 'the dashboard on an MQTT port, wildcard against a specific address',
      files: { 'emqx.conf': 'listeners.tcp.default.bind = "10.0.1.5:1883"\ndashboard.listeners.http.bind = 1883\n' },
      errors: [{ text: '1883', line: 2, message: /dashboard http listener binds 0\.0\.0\.0:1883, which the tcp listener default also binds \(10\.0\.1\.5:1883\)/ }],
    },
    {
      name: '4.x: two listeners on one port',
      files: { 'emqx.conf': 'listener.tcp.external = 0.0.0.0:1883\nlistener.ws.external = 1883\n' },
      errors: [{ text: '1883', line: 2, message: /ws listener external/ }],
    },
    {
      name: 'manual RPC port on the distribution port',
      files: { 'emqx.conf': 'node.name = "emqx@10.0.1.5"\nrpc {\n  port_discovery = manual\n  server_port = 4370\n}\n' },
      errors: [{ text: '4370', line: 4, message: /^The RPC port 4370 \(rpc\.server_port with manual discovery\) is also the Erlang distribution port \(derived from node name emqx@10\.0\.1\.5\)/ }],
    },
  ],
});

test('a conflict points at the other listener', () => {
  const files = { 'emqx.conf': 'listeners.tcp.default.bind = "0.0.0.0:1883"\nlisteners.ssl.default.bind = "0.0.0.0:1883"\n' };
  const found = findingsOf(rule.id, { name: 'pair', files });
  assert.equal(found.length, 1);
  assert.equal(found[0].span.start, files['emqx.conf'].lastIndexOf('"0.0.0.0:1883"'));
  assert.equal(found[0].related?.[0].span.start, files['emqx.conf'].indexOf('"0.0.0.0:1883"'));
});
