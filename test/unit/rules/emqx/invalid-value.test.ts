import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/emqx/invalid-value';
import { runRuleTests, findingsOf } from '../ruleTester';
import { HARDENED } from './hardened';

runRuleTests(rule, {
  valid: [
    { name: 'a hardened configuration', files: { 'emqx.conf': HARDENED } },
    {
      name: 'quoted booleans and numbers, infinity, bare ports, comma lists, null',
      files: {
        'emqx.conf': 'force_shutdown.enable = "true"\nmqtt.max_topic_levels = "10"\nlisteners.tcp.default { bind = 1883, max_connections = infinity }\n'
          + 'listeners.ssl.default.ssl_options.versions = "tlsv1.3,tlsv1.2"\nmqtt.idle_timeout = null\n',
      },
    },
    {
      name: 'values this rule leaves to others: substitutions, concatenations, build placeholders',
      files: { 'emqx.conf': 'mqtt.max_packet_size = ${?MAX_PACKET}\nnode.data_dir = ${?DATA} "/data"\nlisteners.tcp.default.bind = "{{ tcp_bind }}"\n' },
    },
    { name: 'authentication written as an object with list positions', files: { 'emqx.conf': 'authentication { 1 { mechanism = password_based, backend = built_in_database } }\n' } },
    { name: 'valid 4.x flat values', files: { 'emqx.conf': 'listener.tcp.external = 127.0.0.1:1883\nallow_anonymous = false\nacl_nomatch = deny\nlistener.ssl.external.verify = verify_peer\n' } },
  ],
  invalid: [
    {
      name: 'a misspelt enum value',
      files: { 'emqx.conf': 'listeners.ssl.default.ssl_options {\n  verify = verify_peers\n  fail_if_no_peer_cert = true\n}\n' },
      errors: [{ text: 'verify_peers', line: 2, message: /`verify` does not accept "verify_peers"; allowed: verify_peer, verify_none \(at `listeners\.ssl\.default\.ssl_options\.verify`\), so EMQX rejects the configuration/ }],
      output: { 'emqx.conf': 'listeners.ssl.default.ssl_options {\n  verify = verify_peer\n  fail_if_no_peer_cert = true\n}\n' },
    },
    {
      name: 'a yes/no word where EMQX wants a boolean (quoted: the fix writes a bare boolean)',
      files: { 'emqx.conf': 'force_shutdown {\n  enable = "yes"\n}\n' },
      errors: [{ text: '"yes"', line: 2, message: /`enable` expects true or false; got "yes"/ }],
      output: { 'emqx.conf': 'force_shutdown {\n  enable = true\n}\n' },
    },
    {
      name: 'one wrong item of a list: only that item is reported and replaced',
      files: { 'emqx.conf': 'listeners.ssl.default.ssl_options.versions = [tlsv1.3, "tls1.2"]\n' },
      errors: [{ text: '"tls1.2"', message: /`versions` does not accept "tls1\.2"/ }],
      output: { 'emqx.conf': 'listeners.ssl.default.ssl_options.versions = [tlsv1.3, "tlsv1.2"]\n' },
    },
    {
      name: 'a number outside its range is set to the nearest bound',
      files: { 'emqx.conf': 'mqtt.max_qos_allowed = 3\n' },
      errors: [{ text: '3', message: /must be at most 2/ }],
      output: { 'emqx.conf': 'mqtt.max_qos_allowed = 2\n' },
    },
    {
      name: 'a value in the base.hocon layer is reported where it is written',
      files: { 'emqx.conf': 'node.name = "emqx@10.0.0.1"\n', 'base.hocon': 'cluster {\n  proto_dist = inet_tsl\n}\n' },
      errors: [{ file: 'base.hocon', text: 'inet_tsl', line: 2, message: /`proto_dist` does not accept "inet_tsl"/ }],
      output: { 'base.hocon': 'cluster {\n  proto_dist = inet_tls\n}\n' },
    },
    {
      name: 'a value in an included file',
      files: { 'emqx.conf': 'mqtt {\n  include "emqx-mqtt.conf"\n}\n', 'emqx-mqtt.conf': 'max_packet_size = "1 MB"\n' },
      errors: [{ file: 'emqx-mqtt.conf', text: '"1 MB"', message: /`max_packet_size` expects a size/ }],
    },
    {
      name: 'an address EMQX cannot parse, with no obvious replacement',
      files: { 'emqx.conf': 'listeners.tcp.default.bind = "localhost:1883"\n' },
      errors: [{ text: '"localhost:1883"', message: /`bind` expects a port or "IP:port"/ }],
    },
    {
      name: 'a 4.x flat value outside its enum',
      files: { 'emqx.conf': 'listener.tcp.external = 127.0.0.1:1883\nacl_nomatch = dany\n' },
      errors: [{ text: 'dany', line: 2, message: /`acl_nomatch` does not accept "dany"/ }],
      output: { 'emqx.conf': 'listener.tcp.external = 127.0.0.1:1883\nacl_nomatch = deny\n' },
    },
  ],
});

test('a value with no obvious replacement gets no fix', () => {
  const [finding] = findingsOf(rule.id, { name: 'bind', files: { 'emqx.conf': 'listeners.tcp.default.bind = "localhost:1883"\n' } });
  assert.deepEqual(finding.fixes, []);
});

test('an object where a scalar belongs is reported on the object', () => {
  const text = 'node.name { a = 1 }\n';
  const [finding] = findingsOf(rule.id, { name: 'object', files: { 'emqx.conf': text } });
  assert.equal(text.slice(finding.span.start, finding.span.end), '{ a = 1 }');
  assert.match(finding.message, /`name` expects a single string value; got an object/);
});
