import { rule } from '../../../../server/src/rules/tls/fail-if-no-peer-cert-without-verify';
import { runRuleTests } from '../ruleTester';
import { HARDENED_4, HARDENED_5, IMPLICIT_5 } from './configs';

runRuleTests(rule, {
  valid: [
    { name: 'hardened 5.x listener', files: { 'emqx.conf': HARDENED_5 } },
    { name: 'hardened 4.x listener', files: { 'emqx.conf': HARDENED_4 } },
    { name: 'implicit defaults (flag false)', files: { 'emqx.conf': IMPLICIT_5 } },
    { name: 'the flag off with verify_none', files: { 'emqx.conf': 'listeners.ssl.default.ssl_options {\n  verify = verify_none\n  fail_if_no_peer_cert = false\n}\n' } },
  ],
  invalid: [
    {
      name: 'the flag on with verify absent (default verify_none)',
      files: { 'emqx.conf': 'listeners.ssl.default {\n  ssl_options {\n    fail_if_no_peer_cert = true\n  }\n}\n' },
      errors: [{ text: 'true', line: 3, message: /^listeners\.ssl\.default\.ssl_options\.fail_if_no_peer_cert is true but verify is "verify_none" \(not set, so EMQX 5\.x's default applies\) .*EMQX refuses to start with this combination\.$/ }],
      output: { 'emqx.conf': 'listeners.ssl.default {\n  ssl_options {\n    fail_if_no_peer_cert = true\n    verify = verify_peer\n  }\n}\n' },
    },
    {
      name: 'explicit verify_none on a disabled wss listener still stops EMQX',
      files: { 'emqx.conf': 'listeners.wss.default {\n  enable = false\n  ssl_options {\n    verify = verify_none\n    fail_if_no_peer_cert = true\n  }\n}\n' },
      errors: [{ text: 'true', line: 5, message: /verify is "verify_none" on the wss listener/ }],
      output: { 'emqx.conf': 'listeners.wss.default {\n  enable = false\n  ssl_options {\n    verify = verify_peer\n    fail_if_no_peer_cert = true\n  }\n}\n' },
    },
    {
      name: '4.x silently ignores the flag',
      files: { 'emqx.conf': 'listener.ssl.external = 8883\nlistener.ssl.external.fail_if_no_peer_cert = true\n' },
      errors: [{ text: 'true', line: 2, message: /EMQX 4\.x then ignores the flag and lets clients without a certificate connect/ }],
      output: { 'emqx.conf': 'listener.ssl.external = 8883\nlistener.ssl.external.fail_if_no_peer_cert = true\nlistener.ssl.external.verify = verify_peer\n' },
    },
  ],
});
