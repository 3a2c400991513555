import { rule } from '../../../../server/src/rules/tls/ocsp-incomplete';
import { runRuleTests } from '../ruleTester';
import { HARDENED_4, HARDENED_5, IMPLICIT_5, corpusFile } from './configs';

const HALF_OCSP_5 = `listeners.ssl.default {
  ssl_options {
    certfile = "/etc/emqx/tls/broker.pem"
    ocsp {
      enable_ocsp_stapling = true
    }
  }
}
`;

runRuleTests(rule, {
  valid: [
    { name: 'hardened 5.x listener', files: { 'emqx.conf': HARDENED_5 } },
    { name: 'hardened 4.x listener', files: { 'emqx.conf': HARDENED_4 } },
    { name: 'implicit defaults (stapling off)', files: { 'emqx.conf': IMPLICIT_5 } },
    { name: "EMQX's shipped ssl listener example (stapling off, settings present)", files: { 'emqx.conf': corpusFile('v5.8.9', 'rel', 'config', 'examples', 'listeners.ssl.conf.example') } },
  ],
  invalid: [
    {
      name: 'stapling on without responder and issuer',
      files: { 'emqx.conf': HALF_OCSP_5 },
      errors: [{ text: 'true', line: 5, message: /^OCSP stapling is on for the ssl listener listeners\.ssl\.default but listeners\.ssl\.default\.ssl_options\.ocsp\.responder_url, listeners\.ssl\.default\.ssl_options\.ocsp\.issuer_pem are not set; .*refuses to start/ }],
      output: {
        'emqx.conf': HALF_OCSP_5.replace(
          '      enable_ocsp_stapling = true\n',
          '      enable_ocsp_stapling = true\n      responder_url = "http://ocsp.example.com"\n      issuer_pem = "${EMQX_ETC_DIR}/certs/ocsp-issuer.pem"\n',
        ),
      },
    },
    {
      name: 'a disabled listener is validated too; only the issuer is missing',
      files: { 'emqx.conf': 'listeners.ssl.backup {\n  enable = false\n  bind = "0.0.0.0:8884"\n  ssl_options.ocsp {\n    enable_ocsp_stapling = true\n    responder_url = "http://ocsp.internal"\n  }\n}\n' },
      errors: [{ message: /listeners\.ssl\.backup\.ssl_options\.ocsp\.issuer_pem is not set/ }],
      output: { 'emqx.conf': /responder_url = "http:\/\/ocsp\.internal"\n    issuer_pem = "\$\{EMQX_ETC_DIR\}\/certs\/ocsp-issuer\.pem"\n/ },
    },
    {
      name: '4.x flat keys, certificate missing as well',
      files: { 'emqx.conf': 'listener.ssl.external = 8883\nlistener.ssl.external.enable_ocsp_stapling = on\n' },
      errors: [{ text: 'on', line: 2, message: /listener\.ssl\.external\.ocsp_responder_url, listener\.ssl\.external\.ocsp_issuer_pem, listener\.ssl\.external\.certfile are not set/ }],
      output: { 'emqx.conf': /^listener\.ssl\.external = 8883\nlistener\.ssl\.external\.enable_ocsp_stapling = on\n(listener\.ssl\.external\.(ocsp_responder_url = http:\/\/ocsp\.example\.com|ocsp_issuer_pem = etc\/certs\/ocsp-issuer\.pem|certfile = etc\/certs\/server-cert\.pem)\n){3}$/ },
    },
  ],
});
