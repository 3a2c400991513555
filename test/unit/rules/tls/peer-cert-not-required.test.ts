import { rule } from '../../../../server/src/rules/tls/peer-cert-not-required';
import { runRuleTests } from '../ruleTester';
import { HARDENED_4, HARDENED_5, IMPLICIT_5 } from './configs';

const HALF_MUTUAL_5 = `listeners.ssl.default {
  ssl_options {
    cacertfile = "/etc/emqx/tls/ca.pem"
    verify = verify_peer
  }
}
`;

runRuleTests(rule, {
  valid: [
    { name: 'hardened 5.x listener', files: { 'emqx.conf': HARDENED_5 } },
    { name: 'hardened 4.x listener', files: { 'emqx.conf': HARDENED_4 } },
    { name: 'no client certificates at all (verify_none is a different choice)', files: { 'emqx.conf': IMPLICIT_5 } },
    { name: 'a disabled listener', files: { 'emqx.conf': 'listeners.ssl.default {\n  enable = false\n  ssl_options.verify = verify_peer\n}\n' } },
    {
      name: "the 5.0 dashboard has no fail_if_no_peer_cert to set",
      files: { 'emqx.conf': 'dashboard.listeners.https {\n  bind = "127.0.0.1:18084"\n  certfile = "/etc/emqx/tls/dash.pem"\n  verify = verify_peer\n}\n' },
      settings: { emqxVersion: '5.0' },
    },
  ],
  invalid: [
    {
      name: 'verify_peer with the flag absent: reported on the verify line',
      files: { 'emqx.conf': HALF_MUTUAL_5 },
      errors: [{ text: 'verify_peer', line: 4, message: /^listeners\.ssl\.default\.ssl_options\.fail_if_no_peer_cert is false \(not set, so EMQX 5\.x's default applies\) while verify = verify_peer, .*without any certificate connect\.$/ }],
      output: { 'emqx.conf': HALF_MUTUAL_5.replace('    verify = verify_peer\n', '    verify = verify_peer\n    fail_if_no_peer_cert = true\n') },
    },
    {
      name: 'the flag written as false on a wss listener',
      files: { 'emqx.conf': 'listeners.wss.default.ssl_options {\n  verify = verify_peer\n  fail_if_no_peer_cert = false\n}\n' },
      errors: [{ text: 'false', line: 3, message: /^listeners\.wss\.default\.ssl_options\.fail_if_no_peer_cert is false while/ }],
      output: { 'emqx.conf': 'listeners.wss.default.ssl_options {\n  verify = verify_peer\n  fail_if_no_peer_cert = true\n}\n' },
    },
    {
      name: '4.x flat keys with the flag off',
      files: { 'emqx.conf': 'listener.ssl.external = 8883\nlistener.ssl.external.verify = verify_peer\nlistener.ssl.external.fail_if_no_peer_cert = false\n' },
      errors: [{ text: 'false', line: 3, message: /^listener\.ssl\.external\.fail_if_no_peer_cert is false/ }],
      output: { 'emqx.conf': 'listener.ssl.external = 8883\nlistener.ssl.external.verify = verify_peer\nlistener.ssl.external.fail_if_no_peer_cert = true\n' },
    },
    {
      name: 'the 5.1+ dashboard https listener',
      files: { 'emqx.conf': 'dashboard.listeners.https {\n  bind = "0.0.0.0:18084"\n  ssl_options {\n    certfile = "/etc/emqx/tls/dash.pem"\n    verify = verify_peer\n  }\n}\n' },
      errors: [{ text: 'verify_peer', line: 5, message: /the dashboard listener dashboard\.listeners\.https/ }],
    },
  ],
});
