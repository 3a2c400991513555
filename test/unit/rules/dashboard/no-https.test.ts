import { rule } from '../../../../server/src/rules/dashboard/no-https';
import { runRuleTests } from '../ruleTester';
import { HARDENED } from '../mqtt/fixtures';

runRuleTests(rule, {
  valid: [
    { name: 'a hardened config', files: { 'emqx.conf': HARDENED } },
    { name: 'http off, https on', files: { 'emqx.conf': 'dashboard.listeners.http.bind = 0\ndashboard.listeners.https.bind = 18084\n' } },
    { name: '4.x with https', files: { 'emqx.conf': 'node.name = emqx@127.0.0.1\n', 'plugins/emqx_dashboard.conf': 'dashboard.listener.http = 127.0.0.1:18083\ndashboard.listener.https = 18084\n' } },
  ],
  invalid: [
    {
      name: 'only http in a dashboard block',
      files: { 'emqx.conf': 'dashboard {\n  listeners.http.bind = "127.0.0.1:18083"\n}\n' },
      errors: [{ text: '"127.0.0.1:18083"', line: 2, message: /The dashboard listens on plain HTTP only \(dashboard\.listeners\.http\) and has no HTTPS listener/ }],
      output: { 'emqx.conf': 'dashboard {\n  listeners.http.bind = "127.0.0.1:18083"\n  listeners.https = {\n    bind = 18084\n    ssl_options {\n      certfile = "/etc/emqx/certs/dashboard.pem"\n      keyfile = "/etc/emqx/certs/dashboard.key"\n    }\n  }\n}\n' },
    },
    {
      name: 'nothing configured: EMQX serves http only',
      files: { 'emqx.conf': 'node.name = "emqx@127.0.0.1"\n' },
      errors: [{ line: 1, message: /not set, so EMQX 5\.x's default applies/ }],
      output: { 'emqx.conf': /^node\.name = "emqx@127\.0\.0\.1"\ndashboard\.listeners\.https = \{\n  bind = 18084\n  ssl_options \{\n/ },
    },
    {
      name: 'an https block with bind = 0 is off',
      files: { 'emqx.conf': 'dashboard.listeners.https.bind = 0\n' },
      errors: [{ line: 1 }],
    },
    {
      name: '5.0 puts the TLS options in the https block',
      settings: { emqxVersion: '5.0' },
      files: { 'emqx.conf': 'dashboard {\n  listeners.http.bind = 18083\n}\n' },
      errors: [{ text: '18083' }],
      output: { 'emqx.conf': 'dashboard {\n  listeners.http.bind = 18083\n  listeners.https = {\n    bind = 18084\n    certfile = "/etc/emqx/certs/dashboard.pem"\n    keyfile = "/etc/emqx/certs/dashboard.key"\n  }\n}\n' },
    },
    {
      name: '4.x http only',
      files: { 'emqx.conf': 'node.name = emqx@127.0.0.1\n', 'plugins/emqx_dashboard.conf': 'dashboard.listener.http = 18083\ndashboard.listener.http.acceptors = 4\n' },
      errors: [{ file: 'plugins/emqx_dashboard.conf', text: '18083', line: 1 }],
      output: { 'plugins/emqx_dashboard.conf': /dashboard\.listener\.https = 18084\ndashboard\.listener\.https\.certfile = \/etc\/emqx\/certs\/dashboard\.pem\ndashboard\.listener\.https\.keyfile = \/etc\/emqx\/certs\/dashboard\.key\n/ },
    },
  ],
});
