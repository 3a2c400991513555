import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule, cipherWeakness, HARDENED_CIPHERS } from '../../../../server/src/rules/tls/weak-cipher';
import { runRuleTests, findingsOf } from '../ruleTester';
import { HARDENED_4, HARDENED_5, IMPLICIT_5, corpusFile } from './configs';

/** Cipher names are safe unquoted in EMQX's HOCON dialect. */
const HARDENED_LIST = `[${HARDENED_CIPHERS.join(', ')}]`;

runRuleTests(rule, {
  valid: [
    { name: 'hardened 5.x listener', files: { 'emqx.conf': HARDENED_5 } },
    { name: 'hardened 4.x listener', files: { 'emqx.conf': HARDENED_4 } },
    { name: "no ciphers written: EMQX's own selection is not judged", files: { 'emqx.conf': IMPLICIT_5 } },
    { name: 'a disabled listener', files: { 'emqx.conf': 'listeners.ssl.default {\n  enable = false\n  ssl_options.ciphers = "AES128-SHA"\n}\n' } },
  ],
  invalid: [
    {
      name: '5.x listener with CBC, 3DES and static RSA suites',
      files: { 'emqx.conf': 'listeners.ssl.default {\n  ssl_options {\n    ciphers = "TLS_AES_256_GCM_SHA384,ECDHE-RSA-AES256-GCM-SHA384,ECDHE-ECDSA-DES-CBC3-SHA,ECDHE-RSA-AES128-SHA,AES256-GCM-SHA384"\n  }\n}\n' },
      errors: [{
        line: 3,
        message: /^listeners\.ssl\.default\.ssl_options\.ciphers enables 3 weak suites for the ssl listener listeners\.ssl\.default, .*\(3DES: ECDHE-ECDSA-DES-CBC3-SHA; CBC: ECDHE-RSA-AES128-SHA; no forward secrecy: AES256-GCM-SHA384\)\.$/,
      }],
      output: { 'emqx.conf': `listeners.ssl.default {\n  ssl_options {\n    ciphers = ${HARDENED_LIST}\n  }\n}\n` },
    },
    {
      name: 'the shipped 4.4.19 emqx.conf lists 3DES and CBC suites on ssl and wss',
      files: { 'emqx.conf': corpusFile('v4.4.19', 'etc', 'emqx.conf') },
      errors: [
        { message: /^listener\.ssl\.external\.ciphers enables \d+ weak suites .*3DES: ECDHE-ECDSA-DES-CBC3-SHA; CBC: .*ECDHE-RSA-AES256-SHA384.*; no forward secrecy: .*ECDH-RSA-AES256-GCM-SHA384/ },
        { message: /^listener\.wss\.external\.ciphers enables/ },
      ],
      output: { 'emqx.conf': new RegExp(`\\nlistener\\.ssl\\.external\\.ciphers = ${HARDENED_CIPHERS.join(',')}\\n`) },
    },
    {
      name: 'an outgoing client block with RC4',
      files: { 'emqx.conf': 'connectors.mqtt.up {\n  server = "broker.example.com:8883"\n  ssl {\n    enable = true\n    verify = verify_peer\n    ciphers = ["RC4-SHA"]\n  }\n}\n' },
      errors: [{ text: '["RC4-SHA"]', message: /enables 1 weak suite for the outgoing TLS connection connectors\.mqtt\.up\.ssl, .*\(RC4: RC4-SHA\)/ }],
    },
  ],
});

test('cipherWeakness classifies OpenSSL and IANA names', () => {
  const cases: Record<string, string | undefined> = {
    TLS_AES_256_GCM_SHA384: undefined,
    TLS_CHACHA20_POLY1305_SHA256: undefined,
    'ECDHE-ECDSA-AES256-GCM-SHA384': undefined,
    'ECDHE-RSA-CHACHA20-POLY1305': undefined,
    'DHE-RSA-AES128-GCM-SHA256': undefined,
    TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: undefined,
    'ECDHE-RSA-AES128-SHA256': 'CBC',
    'ECDH-ECDSA-AES256-GCM-SHA384': 'no forward secrecy',
    'AES128-GCM-SHA256': 'no forward secrecy',
    'RSA-PSK-AES256-GCM-SHA384': 'no forward secrecy',
    'ECDHE-ECDSA-DES-CBC3-SHA': '3DES',
    'DES-CBC-SHA': 'DES',
    'RC4-MD5': 'RC4',
    'EXP-RC4-MD5': 'EXPORT',
    'NULL-SHA256': 'NULL (no encryption)',
    TLS_RSA_WITH_3DES_EDE_CBC_SHA: '3DES',
    TLS_RSA_WITH_AES_128_CBC_SHA: 'CBC',
    TLS_RSA_WITH_AES_128_GCM_SHA256: 'no forward secrecy',
  };
  for (const [suite, expected] of Object.entries(cases)) assert.equal(cipherWeakness(suite), expected, suite);
  for (const suite of HARDENED_CIPHERS) assert.equal(cipherWeakness(suite), undefined, suite);
});

test('a second fix keeps the strong suites the user chose', () => {
  const files = { 'emqx.conf': 'listeners.ssl.default.ssl_options.ciphers = [TLS_AES_128_GCM_SHA256, AES128-SHA]\n' };
  const [finding] = findingsOf(rule.id, { name: 'keep', files });
  const keep = finding.fixes.find((f) => !f.preferred);
  assert.ok(keep);
  assert.equal(keep.edits[0].newText, '[TLS_AES_128_GCM_SHA256]');
});
