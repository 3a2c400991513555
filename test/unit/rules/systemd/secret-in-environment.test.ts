import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/systemd/secret-in-environment';
import { isSecretVariableName } from '../../../../server/src/rules/helpers/systemdUnit';
import { runRuleTests, findingsOf } from '../ruleTester';

runRuleTests(rule, {
  valid: [
    { name: "EMQX's shipped unit", files: { 'emqx.service': '[Service]\nEnvironment=HOME=/var/lib/emqx\nEnvironment=EMQX_DEFAULT_LOG_HANDLER=file\nExecStart=/usr/bin/emqx foreground\n' } },
    { name: 'secrets kept in an EnvironmentFile', files: { 'emqx.service': '[Service]\nEnvironmentFile=/etc/emqx/emqx.env\nExecStart=/usr/bin/emqx foreground\n' } },
    { name: 'settings about secrets are not secrets', files: { 'emqx.service': '[Service]\nExecStart=/usr/bin/emqx foreground\nEnvironment=EMQX_LISTENERS__SSL__DEFAULT__SSL_OPTIONS__KEYFILE=/etc/emqx/certs/key.pem EMQX_AUTHENTICATION__1__PASSWORD_HASH_ALGORITHM__NAME=sha256\n' } },
    { name: 'a file reference', files: { 'emqx.service': '[Service]\nExecStart=/usr/bin/emqx foreground\nEnvironment=EMQX_DASHBOARD__DEFAULT_PASSWORD=file:///run/secrets/dashboard\n' } },
    { name: 'another service may do what it likes', files: { 'grafana.service': '[Service]\nExecStart=/usr/sbin/grafana-server\nEnvironment=GF_SECURITY_ADMIN_PASSWORD=admin\n' } },
  ],
  invalid: [
    {
      name: 'the example deployment: a quoted dashboard password',
      files: { 'emqx.service': '[Service]\nType=simple\nEnvironment="EMQX_DASHBOARD__DEFAULT_PASSWORD=plant-admin-2024"\nEnvironment=HOME=/opt/emqx\nExecStart=/opt/emqx/bin/emqx foreground\n' },
      errors: [{ line: 3, text: '"EMQX_DASHBOARD__DEFAULT_PASSWORD=plant-admin-2024"', message: /Environment= puts EMQX_DASHBOARD__DEFAULT_PASSWORD into emqx\.service, where every local user can read it/ }],
    },
    {
      name: 'a cookie and a token on one line, in a drop-in',
      files: { 'emqx.service': '[Service]\nExecStart=/usr/bin/emqx foreground\n', 'emqx.service.d/env.conf': '[Service]\nEnvironment=EMQX_NODE__COOKIE=Vb7TqkL2mXw9RzH4pNc8sJd3 HOME=/var/lib/emqx API_TOKEN=abc123\n' },
      errors: [
        { file: 'emqx.service.d/env.conf', text: 'EMQX_NODE__COOKIE=Vb7TqkL2mXw9RzH4pNc8sJd3', message: /EMQX_NODE__COOKIE/ },
        { file: 'emqx.service.d/env.conf', text: 'API_TOKEN=abc123', message: /API_TOKEN/ },
      ],
    },
    {
      name: 'a reset does not take the secret out of the file',
      files: { 'emqx.service': '[Service]\nExecStart=/usr/bin/emqx foreground\nEnvironment=EMQX_NODE_COOKIE=emqxsecretcookie\nEnvironment=\n' },
      errors: [{ line: 3, message: /EMQX_NODE_COOKIE/ }],
    },
  ],
});

test('secret variable names', () => {
  for (const name of ['EMQX_NODE__COOKIE', 'EMQX_NODE_COOKIE', 'EMQX_DASHBOARD__DEFAULT_PASSWORD', 'AWS_SECRET_ACCESS_KEY', 'GITHUB_TOKEN', 'EMQX_MANAGEMENT__DEFAULT_APPLICATION__SECRET', 'db_password', 'SSL_PASSPHRASE']) {
    assert.ok(isSecretVariableName(name), name);
  }
  for (const name of ['HOME', 'EMQX_LISTENERS__SSL__DEFAULT__SSL_OPTIONS__KEYFILE', 'AWS_ACCESS_KEY_ID', 'JWT_PUBLIC_KEY', 'EMQX_API_KEY__BOOTSTRAP_FILE', 'KEYSPACE', 'PASSWORD_FILE']) {
    assert.ok(!isSecretVariableName(name), name);
  }
});

test('the message never carries the value', () => {
  const findings = findingsOf(rule.id, { name: 'x', files: { 'emqx.service': '[Service]\nExecStart=/usr/bin/emqx foreground\nEnvironment=EMQX_DASHBOARD__DEFAULT_PASSWORD=Sup3rS3cretValue\n' } });
  assert.equal(findings.length, 1);
  assert.ok(!findings[0].message.includes('Sup3r'));
});
