import { rule } from '../../../../server/src/rules/tls/legacy-version';
import { runRuleTests } from '../ruleTester';
import { HARDENED_4, HARDENED_5, IMPLICIT_5, corpusFile } from './configs';

const EXPLICIT_5 = `listeners.ssl.default {
  bind = "0.0.0.0:8883"
  ssl_options {
    versions = [tlsv1.3, tlsv1.2, tlsv1.1]
  }
}
`;

runRuleTests(rule, {
  valid: [
    { name: 'hardened 5.x listener', files: { 'emqx.conf': HARDENED_5 } },
    { name: 'hardened 4.x listener', files: { 'emqx.conf': HARDENED_4 } },
    { name: 'implicit listeners on 5.1+ default to TLS 1.3 and 1.2', files: { 'emqx.conf': IMPLICIT_5 } },
    { name: 'no EMQX config in the deployment', files: { 'vm.args': '-name emqx@127.0.0.1\n' } },
    {
      name: 'a disabled listener is not reachable',
      files: { 'emqx.conf': 'listeners.ssl.default {\n  enable = false\n  ssl_options.versions = [tlsv1.2, tlsv1.1]\n}\n' },
    },
    {
      name: 'a client block that is not enabled',
      files: { 'emqx.conf': 'bridges.mqtt.up {\n  server = "broker.example.com:8883"\n  ssl { enable = false, versions = [tlsv1.1] }\n}\n' },
    },
  ],
  invalid: [
    {
      name: 'TLS 1.1 listed on a 5.x listener',
      files: { 'emqx.conf': EXPLICIT_5 },
      errors: [{ text: '[tlsv1.3, tlsv1.2, tlsv1.1]', line: 4, message: /^listeners\.ssl\.default\.ssl_options\.versions is \[tlsv1\.3, tlsv1\.2, tlsv1\.1\], so the ssl listener listeners\.ssl\.default still accepts TLS 1\.1, / }],
      output: { 'emqx.conf': EXPLICIT_5.replace('[tlsv1.3, tlsv1.2, tlsv1.1]', '[tlsv1.3, tlsv1.2]') },
    },
    {
      name: "5.0's implicit ssl and wss listeners allow every version",
      files: { 'emqx.conf': IMPLICIT_5 },
      settings: { emqxVersion: '5.0' },
      errors: [
        { line: 1, message: /listeners\.ssl\.default\.ssl_options\.versions is \[tlsv1\.3, tlsv1\.2, tlsv1\.1, tlsv1\] \(not set, so EMQX 5\.0's default applies\).*TLS 1\.1 and TLS 1\.0/ },
        { line: 1, message: /listeners\.wss\.default\.ssl_options\.versions .*EMQX 5\.0's default/ },
      ],
      output: { 'emqx.conf': `${IMPLICIT_5}listeners.ssl.default.ssl_options.versions = [tlsv1.3, tlsv1.2]\n` },
    },
    {
      name: '4.x flat key with TLS 1.0',
      files: { 'emqx.conf': 'listener.ssl.external = 8883\nlistener.ssl.external.certfile = /etc/emqx/tls/broker.pem\nlistener.ssl.external.tls_versions = tlsv1.2,tlsv1\n' },
      errors: [{ text: 'tlsv1.2,tlsv1', line: 3, message: /^listener\.ssl\.external\.tls_versions is \[tlsv1\.2, tlsv1\].*TLS 1\.0/ }],
      output: { 'emqx.conf': 'listener.ssl.external = 8883\nlistener.ssl.external.certfile = /etc/emqx/tls/broker.pem\nlistener.ssl.external.tls_versions = tlsv1.3,tlsv1.2\n' },
    },
    {
      name: 'the shipped 4.4.19 emqx.conf leaves tls_versions at the 4.x default (all four)',
      files: { 'emqx.conf': corpusFile('v4.4.19', 'etc', 'emqx.conf') },
      errors: [
        { message: /^listener\.ssl\.external\.tls_versions is \[tlsv1\.3, tlsv1\.2, tlsv1\.1, tlsv1\] \(not set, so EMQX 4\.x's default applies\)/ },
        { message: /^listener\.wss\.external\.tls_versions is .*EMQX 4\.x's default/ },
      ],
      output: { 'emqx.conf': /\nlistener\.ssl\.external\.tls_versions = tlsv1\.3,tlsv1\.2\n/ },
    },
    {
      name: 'an enabled outgoing client block inside the authentication array',
      files: { 'emqx.conf': 'authentication = [\n  {\n    mechanism = password_based\n    backend = http\n    ssl {\n      enable = true\n      versions = ["tlsv1.1"]\n    }\n  }\n]\n' },
      errors: [{ text: '["tlsv1.1"]', line: 7, message: /^authentication\[0\]\.ssl\.versions is \[tlsv1\.1\], so the outgoing TLS connection authentication\[0\]\.ssl still accepts TLS 1\.1/ }],
      output: { 'emqx.conf': 'authentication = [\n  {\n    mechanism = password_based\n    backend = http\n    ssl {\n      enable = true\n      versions = [tlsv1.3, tlsv1.2]\n    }\n  }\n]\n' },
    },
  ],
});
