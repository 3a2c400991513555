import { rule } from '../../../../server/src/rules/tls/crl-without-verify';
import { runRuleTests } from '../ruleTester';
import { HARDENED_4, HARDENED_5, IMPLICIT_5 } from './configs';

runRuleTests(rule, {
  valid: [
    { name: 'hardened 5.x listener', files: { 'emqx.conf': HARDENED_5 } },
    { name: 'hardened 4.x listener', files: { 'emqx.conf': HARDENED_4 } },
    { name: 'implicit defaults (no CRL check)', files: { 'emqx.conf': IMPLICIT_5 } },
    {
      name: 'wss listeners have no CRL check, so the key is not read there',
      files: { 'emqx.conf': 'listeners.wss.default.ssl_options.enable_crl_check = true\n' },
    },
  ],
  invalid: [
    {
      name: 'CRL check with verify absent',
      files: { 'emqx.conf': 'listeners.ssl.default {\n  ssl_options {\n    enable_crl_check = true\n  }\n}\n' },
      errors: [{ text: 'true', line: 3, message: /^listeners\.ssl\.default\.ssl_options\.enable_crl_check is true but verify is "verify_none" \(not set, .*EMQX refuses to start/ }],
      output: { 'emqx.conf': 'listeners.ssl.default {\n  ssl_options {\n    enable_crl_check = true\n    verify = verify_peer\n  }\n}\n' },
    },
    {
      name: 'CRL check with explicit verify_none on a disabled listener',
      files: { 'emqx.conf': 'listeners.ssl.internal {\n  enable = false\n  bind = "10.0.0.5:8883"\n  ssl_options {\n    verify = verify_none\n    enable_crl_check = true\n  }\n}\n' },
      errors: [{ text: 'true', line: 6, message: /listeners\.ssl\.internal/ }],
      output: { 'emqx.conf': 'listeners.ssl.internal {\n  enable = false\n  bind = "10.0.0.5:8883"\n  ssl_options {\n    verify = verify_peer\n    enable_crl_check = true\n  }\n}\n' },
    },
    {
      name: '4.x flat key',
      files: { 'emqx.conf': 'listener.ssl.external = 8883\nlistener.ssl.external.verify = verify_none\nlistener.ssl.external.enable_crl_check = true\n' },
      errors: [{ text: 'true', line: 3, message: /nothing to check against the revocation list/ }],
      output: { 'emqx.conf': 'listener.ssl.external = 8883\nlistener.ssl.external.verify = verify_peer\nlistener.ssl.external.enable_crl_check = true\n' },
    },
  ],
});
