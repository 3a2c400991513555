import { rule } from '../../../../server/src/rules/tls/client-verify-none';
import { runRuleTests } from '../ruleTester';
import { HARDENED_5, corpusFile } from './configs';

const AUTHN_ARRAY = `authentication = [
  {
    mechanism = password_based
    backend = http
    url = "https://auth.internal/check"
    ssl {
      enable = true
    }
  }
]
`;

runRuleTests(rule, {
  valid: [
    { name: 'hardened listener, no client blocks', files: { 'emqx.conf': HARDENED_5 } },
    { name: 'a client block that verifies', files: { 'emqx.conf': 'bridges.mqtt.up.ssl {\n  enable = true\n  verify = verify_peer\n}\n' } },
    { name: 'a client block that is not enabled', files: { 'emqx.conf': 'bridges.mqtt.up.ssl {\n  enable = false\n  verify = verify_none\n}\n' } },
    { name: 'gateway listeners are servers, not clients', files: { 'emqx.conf': 'gateway.stomp.listeners.ssl.default {\n  bind = 61614\n  ssl_options.verify = verify_none\n}\n' } },
    { name: 'no TLS at all on 4.x', files: { 'emqx.conf': corpusFile('v4.4.19', 'etc', 'emqx.conf') } },
  ],
  invalid: [
    {
      name: 'enabled in an authentication array without verify: the key is added next to enable',
      files: { 'emqx.conf': AUTHN_ARRAY },
      errors: [{ text: 'ssl', line: 6, message: /^authentication\[0\]\.ssl\.verify is "verify_none" \(not set, so EMQX 5\.x's default applies\), so the TLS connection authentication\[0\]\.ssl accepts any server certificate/ }],
      output: { 'emqx.conf': AUTHN_ARRAY.replace('      enable = true\n', '      enable = true\n      verify = verify_peer\n') },
    },
    {
      name: 'explicit verify_none on a connector',
      files: { 'emqx.conf': 'connectors.kafka_producer.k1 {\n  bootstrap_hosts = "kafka.internal:9093"\n  ssl {\n    enable = true\n    verify = verify_none\n  }\n}\n' },
      errors: [{ text: 'verify_none', line: 5, message: /^connectors\.kafka_producer\.k1\.ssl\.verify is "verify_none", / }],
      output: { 'emqx.conf': 'connectors.kafka_producer.k1 {\n  bootstrap_hosts = "kafka.internal:9093"\n  ssl {\n    enable = true\n    verify = verify_peer\n  }\n}\n' },
    },
    {
      name: 'one-line block inside an array: the key is added after a comma',
      files: { 'emqx.conf': 'exhook.servers = [\n  { name = hook, url = "https://hook.internal:9000", ssl { enable = true } }\n]\n' },
      errors: [{ message: /^exhook\.servers\[0\]\.ssl\.verify is "verify_none"/ }],
      output: { 'emqx.conf': 'exhook.servers = [\n  { name = hook, url = "https://hook.internal:9000", ssl { enable = true, verify = verify_peer } }\n]\n' },
    },
    {
      name: "EMQX's etcd-over-TLS example, once enabled",
      files: { 'emqx.conf': corpusFile('v5.8.9', 'rel', 'config', 'examples', 'cluster-with-etcd-ssl.conf.example').replace('ssl_options {', 'ssl_options {\n          enable = true') },
      errors: [{ text: 'verify_none', message: /^cluster\.etcd\.ssl_options\.verify is "verify_none"/ }],
    },
  ],
});
