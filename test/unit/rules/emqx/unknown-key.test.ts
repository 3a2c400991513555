import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/emqx/unknown-key';
import { runRuleTests, findingsOf } from '../ruleTester';
import { HARDENED } from './hardened';

runRuleTests(rule, {
  valid: [
    { name: 'a hardened configuration', files: { 'emqx.conf': HARDENED } },
    {
      name: 'unknown keys in sections the product treats as open (authentication items, bridges, gateways)',
      files: {
        'emqx.conf': 'authentication = [ { mechanism = jwt, use_jwks = false, secret = "x", any_option = 1 } ]\nbridges.mqtt.up { server = "broker:1883", whatever = 2 }\ngateway.stomp { frame.max_headers = 10 }\n',
      },
    },
    { name: 'a 6.x-only key when the files are detected as 6.x', files: { 'emqx.conf': 'node.dist_bind_address = "10.0.1.5"\n' } },
    { name: '4.x flat files are not checked for unknown keys', files: { 'emqx.conf': 'listener.tcp.external = 127.0.0.1:1883\nlistener.ssl.external.fail_if_no_peer_certs = true\n' } },
    { name: 'a plugin config follows its plugin\'s schema', files: { 'plugins/emqx_acme/priv/config.hocon': 'dir_url = "https://acme.example/directory"\ndomains = ""\n' } },
    { name: 'no EMQX config in the deployment', files: { 'sysctl.conf': 'fs.file-max = 2097152\n' } },
  ],
  invalid: [
    {
      name: 'the design card\'s typo fail_if_no_peer_certs inside nested blocks',
      files: { 'emqx.conf': 'listeners.ssl.default {\n  ssl_options {\n    verify = verify_peer\n    fail_if_no_peer_certs = true\n  }\n}\n' },
      errors: [{ text: 'fail_if_no_peer_certs', line: 4, message: /`fail_if_no_peer_certs` is not a setting EMQX 5\.x knows under `listeners\.ssl\.default\.ssl_options`.*did you mean `fail_if_no_peer_cert`/ }],
      output: { 'emqx.conf': 'listeners.ssl.default {\n  ssl_options {\n    verify = verify_peer\n    fail_if_no_peer_cert = true\n  }\n}\n' },
    },
    {
      name: 'a typo in one segment of a path key',
      files: { 'emqx.conf': 'node.cokie = "Vb7TqkL2mXw9RzH4pNc8sJd3FgY6aKe5Q1uBnZrWtMhx0oPi"\n' },
      errors: [{ text: 'cokie', line: 1, message: /under `node`.*`cookie`/ }],
      output: { 'emqx.conf': 'node.cookie = "Vb7TqkL2mXw9RzH4pNc8sJd3FgY6aKe5Q1uBnZrWtMhx0oPi"\n' },
    },
    {
      name: 'a quoted key keeps its quotes when renamed',
      files: { 'emqx.conf': 'listeners.ssl.default.ssl_options {\n  "verfy" = verify_peer\n}\n' },
      errors: [{ text: '"verfy"', line: 2 }],
      output: { 'emqx.conf': 'listeners.ssl.default.ssl_options {\n  "verify" = verify_peer\n}\n' },
    },
    {
      name: 'a misspelt root and a misspelt listener type',
      files: { 'emqx.conf': 'dashbaord.default_password = "x"\nlisteners.tpc.default.bind = "127.0.0.1:1883"\n' },
      errors: [
        { text: 'dashbaord', line: 1, message: /not a setting EMQX 5\.x knows at the top level/ },
        { text: 'tpc', line: 2, message: /under `listeners`.*`tcp`/ },
      ],
    },
    {
      name: 'a key in a file included inside a block is checked under that block',
      files: { 'emqx.conf': 'node {\n  include "emqx-node.conf"\n}\n', 'emqx-node.conf': 'name = "emqx@10.0.0.1"\nnmae = "emqx@10.0.0.2"\n' },
      errors: [{ file: 'emqx-node.conf', text: 'nmae', line: 2, message: /under `node`/ }],
      output: { 'emqx-node.conf': 'name = "emqx@10.0.0.1"\nname = "emqx@10.0.0.2"\n' },
    },
    {
      name: 'a key in the base.hocon layer is reported where it is written',
      files: { 'emqx.conf': 'node.name = "emqx@10.0.0.1"\n', 'base.hocon': 'mqtt {\n  max_packet_sise = 1MB\n}\n' },
      errors: [{ file: 'base.hocon', text: 'max_packet_sise', line: 2, message: /under `mqtt`.*`max_packet_size`/ }],
    },
    {
      name: 'a 6.x-only key in a configuration pinned to 5.x',
      files: { 'emqx.conf': 'node.dist_bind_address = "10.0.1.5"\n' },
      settings: { emqxVersion: '5' },
      errors: [{ text: 'dist_bind_address', message: /EMQX 5\.x/ }],
    },
  ],
});

test('a name with no near known key gets no rename', () => {
  const [finding, ...rest] = findingsOf(rule.id, { name: 'far', files: { 'emqx.conf': 'mqtt.completely_unrelated_name = 1\n' } });
  assert.equal(rest.length, 0);
  assert.ok(finding);
  assert.doesNotMatch(finding.message, /did you mean/);
  assert.deepEqual(finding.fixes, []);
});

test('the rename is offered but left out of "fix all" (it guesses the intent)', () => {
  const [finding] = findingsOf(rule.id, { name: 'typo', files: { 'emqx.conf': 'node.cokie = x\n' } });
  assert.equal(finding.fixes[0].safe, false);
  assert.equal(finding.fixes[0].preferred, true);
});

test('only the first unknown segment of a path is reported', () => {
  const found = findingsOf(rule.id, { name: 'deep', files: { 'emqx.conf': 'listeners.tpc.default { bind = 1883, typo_here = 1 }\n' } });
  assert.deepEqual(found.map((f) => f.message.match(/`(\w+)`/)?.[1]), ['tpc']);
});
