import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule, closeGap } from '../../../../server/src/rules/tls/version-gap';
import { runRuleTests } from '../ruleTester';
import { HARDENED_4, HARDENED_5, IMPLICIT_5 } from './configs';

runRuleTests(rule, {
  valid: [
    { name: 'hardened 5.x listener', files: { 'emqx.conf': HARDENED_5 } },
    { name: 'hardened 4.x listener', files: { 'emqx.conf': HARDENED_4 } },
    { name: 'implicit defaults', files: { 'emqx.conf': IMPLICIT_5 }, settings: { emqxVersion: '5.0' } },
    { name: 'TLS 1.3 alone is allowed', files: { 'emqx.conf': 'listeners.ssl.default.ssl_options.versions = [tlsv1.3]\n' } },
    { name: 'TLS 1.2 and 1.1 without 1.3 is no gap', files: { 'emqx.conf': 'listeners.ssl.default.ssl_options.versions = [tlsv1.2, tlsv1.1]\n' } },
  ],
  invalid: [
    {
      name: 'TLS 1.3 with TLS 1.1 only',
      files: { 'emqx.conf': 'listeners.ssl.default {\n  ssl_options {\n    versions = [tlsv1.3, tlsv1.1]\n  }\n}\n' },
      errors: [{ text: '[tlsv1.3, tlsv1.1]', line: 3, message: /^listeners\.ssl\.default\.ssl_options\.versions is \[tlsv1\.3, tlsv1\.1\]: .*EMQX rejects the configuration and does not start/ }],
      output: { 'emqx.conf': 'listeners.ssl.default {\n  ssl_options {\n    versions = [tlsv1.3, tlsv1.2, tlsv1.1]\n  }\n}\n' },
    },
    {
      name: 'a disabled listener still stops EMQX from starting',
      files: { 'emqx.conf': 'listeners.wss.default {\n  enable = false\n  ssl_options.versions = "tlsv1.3,tlsv1"\n}\n' },
      errors: [{ text: '"tlsv1.3,tlsv1"', line: 3, message: /wss listener listeners\.wss\.default/ }],
      output: { 'emqx.conf': 'listeners.wss.default {\n  enable = false\n  ssl_options.versions = [tlsv1.3, tlsv1.2, tlsv1]\n}\n' },
    },
    {
      name: 'RPC over TLS uses tls_versions',
      files: { 'emqx.conf': 'rpc {\n  protocol = ssl\n  tls_versions = [tlsv1.3, tlsv1.1]\n}\n' },
      errors: [{ text: '[tlsv1.3, tlsv1.1]', message: /^rpc\.tls_versions is .*RPC between nodes/ }],
      output: { 'emqx.conf': 'rpc {\n  protocol = ssl\n  tls_versions = [tlsv1.3, tlsv1.2, tlsv1.1]\n}\n' },
    },
    {
      name: '4.x flat key',
      files: { 'emqx.conf': 'listener.ssl.external = 8883\nlistener.ssl.external.tls_versions = tlsv1.3,tlsv1.1\n' },
      errors: [{ text: 'tlsv1.3,tlsv1.1', line: 2, message: /the TLS library refuses to open the listener/ }],
      output: { 'emqx.conf': 'listener.ssl.external = 8883\nlistener.ssl.external.tls_versions = tlsv1.3,tlsv1.2,tlsv1.1\n' },
    },
  ],
});

test('closeGap puts tlsv1.2 right after tlsv1.3', () => {
  assert.deepEqual(closeGap(['tlsv1.3', 'tlsv1.1', 'tlsv1']), ['tlsv1.3', 'tlsv1.2', 'tlsv1.1', 'tlsv1']);
  assert.deepEqual(closeGap(['tlsv1', 'tlsv1.3']), ['tlsv1', 'tlsv1.3', 'tlsv1.2']);
});
