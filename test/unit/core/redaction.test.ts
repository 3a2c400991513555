import { test } from 'node:test';
import assert from 'node:assert/strict';
import { concealAssignments, concealPlain, isSecretName, redact, SecretRedactor } from '../../../server/src/core/secrets';
import { printable, printableLine } from '../../../server/src/core/printable';

test('isSecretName: config keys, environment variables and flags that hold secrets', () => {
  for (const name of ['node.cookie', 'cookie', 'dashboard.default_password', 'ssl_options.password', 'auth.mysql.password', 'secret', 'jwt.secret', 'secret_access_key', 'api_key', 'EMQX_NODE__COOKIE', 'EMQX_DASHBOARD__DEFAULT_PASSWORD', 'RELX_COOKIE', '-setcookie', 'access_token', 'key_password']) {
    assert.ok(isSecretName(name), name);
  }
  for (const name of ['node.name', 'keyfile', 'ssl_options.certfile', 'api_key.bootstrap_file', 'password_hash_algorithm', 'EMQX_NODE__NAME', 'max_connections', 'tokenizer_mode']) {
    assert.ok(!isSecretName(name), name);
  }
});

test('SecretRedactor: whole words only, longest first, any characters, placeholders left alone', () => {
  const r = new SecretRedactor(['abcd1234', 'abcd1234xyz', 'p@ss!w(rd', '{{ cookie }}', '${node.cookie}', 'ab']);
  assert.equal(r.conceal('quote `abcd1234` and "abcd1234xyz", not abcd12345'), `quote \`${redact('abcd1234')}\` and "${redact('abcd1234xyz')}", not abcd12345`);
  assert.equal(r.conceal('pw p@ss!w(rd.'), `pw ${redact('p@ss!w(rd')}.`);
  assert.equal(r.conceal('the placeholder {{ cookie }} and ${node.cookie}; ab'), 'the placeholder {{ cookie }} and ${node.cookie}; ab');
  assert.ok(new SecretRedactor([]).empty);
});

test('SecretRedactor: a huge secret and many secrets stay linear and are still hidden', () => {
  const huge = 'k'.repeat(200_000);
  const many = Array.from({ length: 20_000 }, (_, i) => `secret${i}value`);
  const r = new SecretRedactor([huge, ...many]);
  assert.equal(r.conceal(`value \`${huge}\`.`), `value \`${redact(huge)}\`.`);
  assert.equal(r.conceal('a secret19999value and secret0value.'), `a ${redact('secret19999value')} and ${redact('secret0value')}.`);
});

test('concealAssignments and concealPlain redact by name', () => {
  assert.equal(concealAssignments('EMQX_NODE__COOKIE=abcdefgh EMQX_NODE__NAME=emqx@h'), `EMQX_NODE__COOKIE=${redact('abcdefgh')} EMQX_NODE__NAME=emqx@h`);
  const r = new SecretRedactor(['copiedSecret1']);
  assert.deepEqual(concealPlain({ node: { cookie: 'abcdefgh', name: 'emqx@h' }, list: [{ password: 12345678 }, 'copiedSecret1'] }, r), {
    node: { cookie: redact('abcdefgh'), name: 'emqx@h' },
    list: [{ password: redact('12345678') }, redact('copiedSecret1')],
  });
});

test('printable escapes control characters; printableLine escapes line breaks too', () => {
  assert.equal(printable('a\x1b[5Ab\x1bc\r\x00\u202e\td\ne'), 'a\\x1b[5Ab\\x1bc\\x0d\\x00\\u202e\td\ne');
  assert.equal(printableLine('dir\nname\t\x7f'), 'dir\\x0aname\\x09\\x7f');
  assert.equal(printable('plain — ünïcode'), 'plain — ünïcode');
});
