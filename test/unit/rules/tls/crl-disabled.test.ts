import { rule } from '../../../../server/src/rules/tls/crl-disabled';
import { runRuleTests } from '../ruleTester';
import { HARDENED_4, HARDENED_5, IMPLICIT_5 } from './configs';

const MUTUAL_5 = `listeners.ssl.default {
  ssl_options {
    verify = verify_peer
    fail_if_no_peer_cert = true
  }
}
`;

runRuleTests(rule, {
  valid: [
    { name: 'hardened 5.x listener', files: { 'emqx.conf': HARDENED_5 } },
    { name: 'hardened 4.x listener', files: { 'emqx.conf': HARDENED_4 } },
    { name: 'no mutual TLS', files: { 'emqx.conf': IMPLICIT_5 } },
    { name: 'wss listeners cannot check CRLs', files: { 'emqx.conf': 'listeners.wss.default.ssl_options.verify = verify_peer\n' } },
    { name: '5.0 before 5.0.22 has no CRL option', files: { 'emqx.conf': MUTUAL_5 }, settings: { emqxVersion: '5.0' } },
  ],
  invalid: [
    {
      name: 'mutual TLS without a CRL check: reported on verify_peer',
      files: { 'emqx.conf': MUTUAL_5 },
      errors: [{ text: 'verify_peer', line: 3, severity: 'info', message: /^listeners\.ssl\.default\.ssl_options\.enable_crl_check is off \(not set, so EMQX 5\.x's default applies\) although the ssl listener listeners\.ssl\.default authenticates clients by certificate/ }],
      output: { 'emqx.conf': MUTUAL_5.replace('    fail_if_no_peer_cert = true\n', '    fail_if_no_peer_cert = true\n    enable_crl_check = true\n') },
    },
    {
      name: 'explicitly off on 4.x',
      files: { 'emqx.conf': 'listener.ssl.external = 8883\nlistener.ssl.external.verify = verify_peer\nlistener.ssl.external.enable_crl_check = off\n' },
      errors: [{ text: 'off', line: 3, message: /^listener\.ssl\.external\.enable_crl_check is off although/ }],
      output: { 'emqx.conf': 'listener.ssl.external = 8883\nlistener.ssl.external.verify = verify_peer\nlistener.ssl.external.enable_crl_check = true\n' },
    },
  ],
});
