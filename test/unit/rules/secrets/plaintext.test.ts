import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/secrets/plaintext';
import { runRuleTests, findingsOf } from '../ruleTester';
import { HARDENED, UNIT_WITH_PASSWORD } from '../mqtt/fixtures';

const MYSQL = (password: string) => `authentication = [\n  {\n    mechanism = password_based\n    backend = mysql\n    server = "10.0.1.9:3306"\n    username = emqx\n    password = ${password}\n  }\n]\n`;

runRuleTests(rule, {
  valid: [
    { name: 'a hardened config', files: { 'emqx.conf': HARDENED, 'emqx.service': UNIT_WITH_PASSWORD } },
    { name: 'a file:// reference', files: { 'emqx.conf': MYSQL('"file:///etc/emqx/secrets/mysql"') } },
    { name: 'a template of the HTTP authenticator body', files: { 'emqx.conf': 'authentication = [{ mechanism = password_based, backend = http, body { username = "${username}", password = "${password}" } }]\n' } },
    { name: 'an empty password', files: { 'emqx.conf': MYSQL('""') } },
    { name: 'the cookie is left to the erlang rules', files: { 'emqx.conf': 'node.cookie = "Vb7TqkL2mXw9RzH4pNc8sJd3FgY6aKe5Q1uBnZrWtMhx0oPi"\n' } },
    { name: 'public is left to dashboard/default-password', files: { 'emqx.conf': 'dashboard.default_password = public\n' } },
  ],
  invalid: [
    {
      name: 'an inline database password',
      files: { 'emqx.conf': MYSQL('"S3cr3t-Db-Pass"') },
      errors: [{ text: '"S3cr3t-Db-Pass"', line: 7, message: /authentication\.0\.password is written inline in emqx\.conf: .*"file:\/\/<path>"/ }],
    },
    {
      name: 'the dashboard password: the environment is the remedy',
      files: { 'emqx.conf': 'dashboard {\n  default_password = "Tq8vLw2Xn5Rk9Hb4Zc7Md3Fp"\n}\n' },
      errors: [{ line: 2, message: /dashboard\.default_password is written inline.*EMQX_DASHBOARD__DEFAULT_PASSWORD/ }],
    },
    {
      name: 'a TLS key passphrase and a JWT secret',
      files: { 'emqx.conf': 'listeners.ssl.default.ssl_options.password = "keypass123"\nlisteners.tcp.default.authentication = [{ mechanism = jwt, from = password, algorithm = "hmac-based", secret = "jwt-hmac-secret" }]\n' },
      errors: [{ line: 1, message: /listeners\.ssl\.default\.ssl_options\.password/ }, { line: 2, message: /listeners\.tcp\.default\.authentication\.0\.secret/ }],
    },
    {
      name: '4.x plugin password',
      files: { 'emqx.conf': 'node.name = emqx@127.0.0.1\n', 'plugins/emqx_auth_mysql.conf': 'auth.mysql.server = 127.0.0.1:3306\nauth.mysql.password = S3cr3t-Db-Pass\n' },
      errors: [{ file: 'plugins/emqx_auth_mysql.conf', text: 'S3cr3t-Db-Pass', line: 2, message: /auth\.mysql\.password is written inline in emqx_auth_mysql\.conf/ }],
    },
  ],
});

test('messages never carry the secret', () => {
  const [finding] = findingsOf(rule.id, { name: 'x', files: { 'emqx.conf': MYSQL('"S3cr3t-Db-Pass"') } });
  assert.ok(!finding.message.includes('S3c'));
});
