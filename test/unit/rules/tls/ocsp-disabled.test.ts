import { rule } from '../../../../server/src/rules/tls/ocsp-disabled';
import { runRuleTests } from '../ruleTester';
import { HARDENED_4, HARDENED_5, IMPLICIT_5 } from './configs';

runRuleTests(rule, {
  valid: [
    { name: 'hardened 5.x listener', files: { 'emqx.conf': HARDENED_5 } },
    { name: 'hardened 4.x listener', files: { 'emqx.conf': HARDENED_4 } },
    { name: 'a listener bound to a private address is not exposed', files: { 'emqx.conf': 'listeners.ssl.default.bind = "10.0.0.5:8883"\nlisteners.wss.default.enable = false\n' } },
    { name: 'a disabled listener', files: { 'emqx.conf': 'listeners.ssl.default.enable = false\n' } },
    { name: 'wss listeners cannot staple', files: { 'emqx.conf': 'listeners.ssl.default.enable = false\nlisteners.wss.default.bind = "0.0.0.0:8084"\n' } },
    { name: '5.0 before 5.0.22 has no OCSP block', files: { 'emqx.conf': IMPLICIT_5 }, settings: { emqxVersion: '5.0' } },
  ],
  invalid: [
    {
      name: 'the implicit default ssl listener: one ocsp block is inserted',
      files: { 'emqx.conf': IMPLICIT_5 },
      errors: [{ line: 1, severity: 'info', message: /^OCSP stapling is off \(not set, so EMQX 5\.x's default applies\) for the ssl listener listeners\.ssl\.default, which listens on all interfaces \(0\.0\.0\.0:8883\)/ }],
      output: { 'emqx.conf': `${IMPLICIT_5}listeners.ssl.default.ssl_options.ocsp = { enable_ocsp_stapling = true, responder_url = "http://ocsp.example.com", issuer_pem = "\${EMQX_ETC_DIR}/certs/ocsp-issuer.pem" }\n` },
    },
    {
      name: 'stapling written as false with the rest in place: the fix only flips it',
      files: { 'emqx.conf': 'listeners.ssl.default {\n  bind = 8883\n  ssl_options.ocsp {\n    enable_ocsp_stapling = false\n    responder_url = "http://ocsp.internal"\n    issuer_pem = "/etc/emqx/tls/issuer.pem"\n  }\n}\n' },
      errors: [{ text: 'false', line: 4, message: /^OCSP stapling is off for the ssl listener listeners\.ssl\.default/ }],
      output: { 'emqx.conf': 'listeners.ssl.default {\n  bind = 8883\n  ssl_options.ocsp {\n    enable_ocsp_stapling = true\n    responder_url = "http://ocsp.internal"\n    issuer_pem = "/etc/emqx/tls/issuer.pem"\n  }\n}\n' },
    },
    {
      name: '4.x listener on a bare port',
      files: { 'emqx.conf': 'listener.ssl.external = 8883\nlistener.ssl.external.certfile = /etc/emqx/tls/broker.pem\n' },
      errors: [{ message: /listener\.ssl\.external, which listens on all interfaces/ }],
      output: { 'emqx.conf': /listener\.ssl\.external\.enable_ocsp_stapling = true\n/ },
    },
  ],
});
