import { rule } from '../../../../server/src/rules/mqtt/peer-cert-identity-unverified';
import { runRuleTests } from '../ruleTester';
import { HARDENED } from './fixtures';

const SSL = (opts: string) => `mqtt.peer_cert_as_username = cn\nlisteners.wss.default.enable = false\nlisteners.ssl.default {\n  bind = "0.0.0.0:8883"\n  ssl_options {\n    certfile = "/etc/emqx/certs/broker.pem"\n${opts}  }\n}\n`;

runRuleTests(rule, {
  valid: [
    { name: 'a hardened config (no certificate identities)', files: { 'emqx.conf': HARDENED } },
    { name: 'mutual TLS enforced', files: { 'emqx.conf': SSL('    verify = verify_peer\n    fail_if_no_peer_cert = true\n') } },
    { name: 'mapping disabled', files: { 'emqx.conf': 'mqtt.peer_cert_as_clientid = disabled\n' } },
    { name: '4.x listener with mutual TLS', files: { 'emqx.conf': 'node.name = emqx@127.0.0.1\nlistener.ssl.external = 8883\nlistener.ssl.external.verify = verify_peer\nlistener.ssl.external.fail_if_no_peer_cert = true\nlistener.ssl.external.peer_cert_as_username = cn\n' } },
  ],
  invalid: [
    {
      name: 'verify_peer without fail_if_no_peer_cert',
      files: { 'emqx.conf': SSL('    verify = verify_peer\n') },
      errors: [{ text: 'cn', line: 1, message: /taken from certificates \(cn\), but listeners\.ssl\.default does not require a verified client certificate/ }],
      output: { 'emqx.conf': SSL('    verify = verify_peer\n    fail_if_no_peer_cert = true\n') },
    },
    {
      name: 'no verify at all (EMQX default verify_none)',
      files: { 'emqx.conf': SSL('') },
      errors: [{ text: 'cn' }],
      output: { 'emqx.conf': SSL('    verify = verify_peer\n    fail_if_no_peer_cert = true\n') },
    },
    {
      // Both settings go into the empty block: one edit (two replacements of its blank used to overlap, and --fix stopped).
      name: 'an empty ssl_options block over two lines',
      files: { 'emqx.conf': 'mqtt.peer_cert_as_username = cn\nlisteners.wss.default.enable = false\nlisteners.ssl.default {\n  ssl_options {\n  }\n}\n' },
      errors: [{ text: 'cn' }],
      output: { 'emqx.conf': 'mqtt.peer_cert_as_username = cn\nlisteners.wss.default.enable = false\nlisteners.ssl.default {\n  ssl_options {\n    verify = verify_peer\n    fail_if_no_peer_cert = true\n  }\n}\n' },
    },
    {
      name: 'the implicit wss listener counts too',
      files: { 'emqx.conf': 'mqtt.peer_cert_as_clientid = dn\nlisteners.ssl.default.enable = false\n' },
      errors: [{ text: 'dn', message: /listeners\.wss\.default/ }],
    },
    {
      name: '4.x per-listener mapping without verification',
      files: { 'emqx.conf': 'node.name = emqx@127.0.0.1\nlistener.ssl.external = 8883\nlistener.ssl.external.verify = verify_none\nlistener.ssl.external.peer_cert_as_username = cn\n' },
      errors: [{ text: 'cn', line: 4, message: /listener\.ssl\.external/ }],
      output: { 'emqx.conf': 'node.name = emqx@127.0.0.1\nlistener.ssl.external = 8883\nlistener.ssl.external.verify = verify_peer\nlistener.ssl.external.peer_cert_as_username = cn\nlistener.ssl.external.fail_if_no_peer_cert = true\n' },
    },
  ],
});
