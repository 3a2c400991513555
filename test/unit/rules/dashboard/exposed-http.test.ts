import { rule } from '../../../../server/src/rules/dashboard/exposed-http';
import { runRuleTests } from '../ruleTester';
import { HARDENED } from '../mqtt/fixtures';

runRuleTests(rule, {
  valid: [
    { name: 'a hardened config', files: { 'emqx.conf': HARDENED } },
    { name: 'http turned off with bind = 0', files: { 'emqx.conf': 'dashboard.listeners.http.bind = 0\n' } },
    { name: '4.x loopback', files: { 'emqx.conf': 'node.name = emqx@127.0.0.1\n', 'plugins/emqx_dashboard.conf': 'dashboard.listener.http = 127.0.0.1:18083\n' } },
  ],
  invalid: [
    {
      name: 'the shipped bare port',
      files: { 'emqx.conf': 'dashboard {\n  listeners.http.bind = 18083\n}\n' },
      errors: [{ text: '18083', line: 2, message: /dashboard\.listeners\.http\.bind is 18083, every interface, over plain HTTP/ }],
      output: { 'emqx.conf': 'dashboard {\n  listeners.http.bind = "127.0.0.1:18083"\n}\n' },
    },
    {
      name: 'absent: EMQX binds 18083 on every interface',
      files: { 'emqx.conf': 'node.name = "emqx@127.0.0.1"\n' },
      errors: [{ line: 1, message: /18083 \(not set, so EMQX 5\.x's default applies\)/ }],
      output: { 'emqx.conf': 'node.name = "emqx@127.0.0.1"\ndashboard.listeners.http.bind = "127.0.0.1:18083"\n' },
    },
    {
      name: 'IPv6 wildcard',
      files: { 'emqx.conf': 'dashboard.listeners.http.bind = "[::]:18083"\n' },
      errors: [{ text: '"[::]:18083"' }],
      output: { 'emqx.conf': 'dashboard.listeners.http.bind = "127.0.0.1:18083"\n' },
    },
    {
      name: '4.x dashboard.listener.http in the plugin file',
      files: { 'emqx.conf': 'node.name = emqx@127.0.0.1\n', 'plugins/emqx_dashboard.conf': 'dashboard.default_user.login = admin\ndashboard.listener.http = 18083\n' },
      errors: [{ file: 'plugins/emqx_dashboard.conf', text: '18083', line: 2, message: /dashboard\.listener\.http is 18083/ }],
      output: { 'plugins/emqx_dashboard.conf': 'dashboard.default_user.login = admin\ndashboard.listener.http = 127.0.0.1:18083\n' },
    },
  ],
});
