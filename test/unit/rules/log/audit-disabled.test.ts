import { rule } from '../../../../server/src/rules/log/audit-disabled';
import { runRuleTests } from '../ruleTester';
import { HARDENED } from '../mqtt/fixtures';

runRuleTests(rule, {
  valid: [
    { name: 'a hardened config', files: { 'emqx.conf': HARDENED } },
    { name: 'a 5.x config with nothing Enterprise about it stays quiet', files: { 'emqx.conf': 'node.name = "emqx@127.0.0.1"\n' } },
    { name: '6.x with the audit log on', files: { 'emqx.conf': 'node.cookie = emqx50elixir\nlog.audit.enable = true\n' } },
    { name: '4.x', files: { 'emqx.conf': 'node.name = emqx@127.0.0.1\nallow_anonymous = false\n' } },
  ],
  invalid: [
    {
      name: '6.x: one edition with the audit log, off by default',
      files: { 'emqx.conf': 'node.cookie = emqx50elixir\n' },
      errors: [{ line: 1, message: /log\.audit\.enable is false \(not set, so EMQX 6\.x's default applies\)/ }],
      output: { 'emqx.conf': 'node.cookie = emqx50elixir\nlog.audit.enable = true\n' },
    },
    {
      name: '5.x Enterprise (a license key) with the audit log switched off',
      files: { 'emqx.conf': 'license.key = "MjIwMTExCjAKMTAKRXZhbHVhdGlvbgpjb250YWN0QGVtcXguaW8KZGVmYXVsdAoyMDIzMDEwOQoxODI1CjEwMAo="\nlog {\n  audit {\n    enable = false\n  }\n}\n' },
      errors: [{ text: 'false', line: 4, message: /log\.audit\.enable is false: dashboard logins/ }],
      output: { 'emqx.conf': 'license.key = "MjIwMTExCjAKMTAKRXZhbHVhdGlvbgpjb250YWN0QGVtcXguaW8KZGVmYXVsdAoyMDIzMDEwOQoxODI1CjEwMAo="\nlog {\n  audit {\n    enable = true\n  }\n}\n' },
    },
    {
      name: '5.x Enterprise section (schema registry), audit absent',
      files: { 'emqx.conf': 'schema_registry.schemas {}\nlog {\n  file.level = warning\n}\n' },
      errors: [{ text: 'log', line: 2 }],
      output: { 'emqx.conf': 'schema_registry.schemas {}\nlog {\n  file.level = warning\n  audit.enable = true\n}\n' },
    },
  ],
});
