import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/emqx/deprecated-key';
import { runRuleTests, findingsOf } from '../ruleTester';
import { HARDENED } from './hardened';

runRuleTests(rule, {
  valid: [
    { name: 'a hardened configuration with the current names', files: { 'emqx.conf': HARDENED } },
    { name: 'rpc.protocol and rpc.server_port', files: { 'emqx.conf': 'rpc {\n  protocol = ssl\n  port_discovery = manual\n  server_port = 5369\n}\n' } },
    {
      name: 'keys deprecated in 5.1 are current in a 5.0 configuration',
      files: { 'emqx.conf': 'listeners.quic.default {\n  certfile = "/etc/emqx/certs/quic.pem"\n  idle_timeout = 15s\n}\n' },
      settings: { emqxVersion: '5.0' },
    },
    { name: '4.x flat files have no HOCON aliases', files: { 'emqx.conf': 'listener.tcp.external = 127.0.0.1:1883\nrpc.tcp_server_port = 5369\n' } },
  ],
  invalid: [
    {
      name: 'rpc.driver is the old name of rpc.protocol',
      files: { 'emqx.conf': 'rpc {\n  driver = ssl\n}\n' },
      errors: [{ text: 'driver', line: 2, message: /`rpc\.driver` is the old name of `rpc\.protocol`: EMQX still reads it/ }],
      output: { 'emqx.conf': 'rpc {\n  protocol = ssl\n}\n' },
    },
    {
      name: 'a quoted old name keeps its quotes',
      files: { 'emqx.conf': 'rpc."tcp_server_port" = 5369\n' },
      errors: [{ text: '"tcp_server_port"', message: /old name of `rpc\.server_port`/ }],
      output: { 'emqx.conf': 'rpc."server_port" = 5369\n' },
    },
    {
      name: 'a renamed block: cluster.etcd.ssl',
      files: { 'emqx.conf': 'cluster.etcd.ssl {\n  enable = true\n  verify = verify_peer\n}\n' },
      errors: [{ text: 'ssl', line: 1, message: /`cluster\.etcd\.ssl` is the old name of `cluster\.etcd\.ssl_options`/ }],
      output: { 'emqx.conf': 'cluster.etcd.ssl_options {\n  enable = true\n  verify = verify_peer\n}\n' },
    },
    {
      name: 'listener `enabled` in a nested block, with the listener name kept in the message',
      files: { 'emqx.conf': 'listeners {\n  ws.internal {\n    enabled = false\n  }\n}\n' },
      errors: [{ text: 'enabled', line: 3, message: /`listeners\.ws\.internal\.enabled` is the old name of `listeners\.ws\.internal\.enable`/ }],
      output: { 'emqx.conf': 'listeners {\n  ws.internal {\n    enable = false\n  }\n}\n' },
    },
    {
      name: 'a deprecated key whose replacement takes other values gets no rename',
      files: { 'emqx.conf': 'listeners.quic.default {\n  idle_timeout = 15s\n}\n' },
      errors: [{ text: 'idle_timeout', line: 2, message: /deprecated since EMQX 5\.1\.0.*`listeners\.quic\.default\.idle_timeout_ms` is not a plain rename/ }],
    },
    {
      name: 'an old handler name and an old option name below it',
      files: { 'emqx.conf': 'log.file_handlers.default {\n  to = "/var/log/emqx/emqx.log"\n}\n' },
      errors: [
        { text: 'file_handlers', line: 1, message: /old name of `log\.file`/ },
        { text: 'to', line: 2, message: /`log\.file_handlers\.default\.to` is the old name of `log\.file_handlers\.default\.path`/ },
      ],
      output: { 'emqx.conf': 'log.file.default {\n  to = "/var/log/emqx/emqx.log"\n}\n' },
    },
  ],
});

test('renames are safe for "fix all"; moves to another setting are not offered', () => {
  const files = { 'emqx.conf': 'rpc.driver = ssl\nnode.process_limit = 2097152\n' };
  const [driver, processLimit] = findingsOf(rule.id, { name: 'both', files });
  assert.equal(driver.fixes[0].safe, true);
  assert.match(processLimit.message, /`node\.process_limit` is deprecated.*`node\.max_ports`/);
  assert.deepEqual(processLimit.fixes, []);
});
