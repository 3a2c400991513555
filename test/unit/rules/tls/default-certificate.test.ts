import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule, isBundledCertificate } from '../../../../server/src/rules/tls/default-certificate';
import { runRuleTests } from '../ruleTester';
import { HARDENED_4, HARDENED_5, IMPLICIT_5, corpusFile } from './configs';

runRuleTests(rule, {
  valid: [
    { name: 'hardened 5.x listener', files: { 'emqx.conf': HARDENED_5 } },
    { name: 'hardened 4.x listener', files: { 'emqx.conf': HARDENED_4 } },
    { name: 'disabled listeners', files: { 'emqx.conf': 'listeners.ssl.default.enable = false\nlisteners.wss.default.enable = false\n' } },
    {
      name: 'an outgoing client is not a served certificate',
      files: { 'emqx.conf': `${HARDENED_5}bridges.mqtt.up.ssl { enable = true, verify = verify_peer, certfile = "\${EMQX_ETC_DIR}/certs/cert.pem" }\n` },
    },
  ],
  invalid: [
    {
      name: 'the implicit ssl and wss listeners serve the bundled certificate',
      files: { 'emqx.conf': IMPLICIT_5 },
      errors: [
        { line: 1, message: /^listeners\.ssl\.default\.ssl_options\.certfile is not set, so EMQX uses its bundled "\$\{EMQX_ETC_DIR\}\/certs\/cert\.pem": the ssl listener listeners\.ssl\.default presents EMQX's demo certificate/ },
        { line: 1, message: /^listeners\.wss\.default\.ssl_options\.certfile is not set/ },
      ],
    },
    {
      name: 'an explicit path to the demo certificate',
      files: { 'emqx.conf': 'listeners.ssl.default.ssl_options.certfile = "etc/certs/cert.pem"\nlisteners.wss.default.enable = false\n' },
      errors: [{ text: '"etc/certs/cert.pem"', message: /^listeners\.ssl\.default\.ssl_options\.certfile is "etc\/certs\/cert\.pem": / }],
    },
    {
      name: "EMQX's dashboard https example",
      files: { 'emqx.conf': `${HARDENED_5}${corpusFile('v5.8.9', 'rel', 'config', 'examples', 'dashboard-with-https.conf.example')}` },
      errors: [{ text: '"${EMQX_ETC_DIR}/certs/cert.pem"', message: /the dashboard listener dashboard\.listeners\.https/ }],
    },
    {
      name: 'the shipped 4.4.19 emqx.conf with its unrendered template path',
      files: { 'emqx.conf': corpusFile('v4.4.19', 'etc', 'emqx.conf') },
      errors: [
        { text: '{{ platform_etc_dir }}/certs/cert.pem', message: /^listener\.ssl\.external\.certfile is "\{\{ platform_etc_dir \}\}\/certs\/cert\.pem"/ },
        { text: '{{ platform_etc_dir }}/certs/cert.pem', message: /^listener\.wss\.external\.certfile/ },
      ],
    },
  ],
});

test('isBundledCertificate knows where EMQX installs its demo certificate', () => {
  for (const p of ['${EMQX_ETC_DIR}/certs/cert.pem', 'etc/certs/cert.pem', '/etc/emqx/certs/cert.pem', '/opt/emqx/etc/certs/cert.pem', '{{ platform_etc_dir }}/certs/cert.pem']) {
    assert.ok(isBundledCertificate(p), p);
  }
  for (const p of ['/etc/emqx/certs/broker.pem', '/etc/mqtt/certs/cert.pem', '${EMQX_ETC_DIR}/certs/server-cert.pem']) assert.ok(!isBundledCertificate(p), p);
});
