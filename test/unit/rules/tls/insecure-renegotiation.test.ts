import { rule } from '../../../../server/src/rules/tls/insecure-renegotiation';
import { runRuleTests } from '../ruleTester';
import { HARDENED_4, HARDENED_5, IMPLICIT_5 } from './configs';

runRuleTests(rule, {
  valid: [
    { name: 'hardened 5.x listener', files: { 'emqx.conf': HARDENED_5 } },
    { name: 'hardened 4.x listener', files: { 'emqx.conf': HARDENED_4 } },
    { name: 'the default (secure renegotiation on)', files: { 'emqx.conf': IMPLICIT_5 } },
    { name: 'a disabled listener', files: { 'emqx.conf': 'listeners.ssl.default {\n  enable = false\n  ssl_options.secure_renegotiate = false\n}\n' } },
  ],
  invalid: [
    {
      name: 'turned off on a 5.x listener',
      files: { 'emqx.conf': 'listeners.ssl.default.ssl_options {\n  secure_renegotiate = false\n}\n' },
      errors: [{ text: 'false', line: 2, message: /^listeners\.ssl\.default\.ssl_options\.secure_renegotiate is off, .*RFC 5746/ }],
      output: { 'emqx.conf': 'listeners.ssl.default.ssl_options {\n  secure_renegotiate = true\n}\n' },
    },
    {
      name: '4.x writes on/off and keeps that style',
      files: { 'emqx.conf': 'listener.ssl.external = 8883\nlistener.ssl.external.secure_renegotiate = off\n' },
      errors: [{ text: 'off', line: 2 }],
      output: { 'emqx.conf': 'listener.ssl.external = 8883\nlistener.ssl.external.secure_renegotiate = on\n' },
    },
    {
      name: 'an outgoing client',
      files: { 'emqx.conf': 'authorization.sources = [\n  {\n    type = http\n    ssl { enable = true, verify = verify_peer, secure_renegotiate = false }\n  }\n]\n' },
      errors: [{ text: 'false', message: /^authorization\.sources\[0\]\.ssl\.secure_renegotiate is off, so the outgoing TLS connection/ }],
      output: { 'emqx.conf': 'authorization.sources = [\n  {\n    type = http\n    ssl { enable = true, verify = verify_peer, secure_renegotiate = true }\n  }\n]\n' },
    },
  ],
});
