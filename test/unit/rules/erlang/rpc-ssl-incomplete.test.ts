import { rule } from '../../../../server/src/rules/erlang/rpc-ssl-incomplete';
import { runRuleTests } from '../ruleTester';

runRuleTests(rule, {
  valid: [
    {
      name: 'hardened: every file given',
      files: { 'emqx.conf': 'rpc {\n  protocol = ssl\n  certfile = "/etc/emqx/certs/rpc.pem"\n  keyfile = "/etc/emqx/certs/rpc.key"\n  cacertfile = "/etc/emqx/certs/ca.pem"\n}\n' },
    },
    { name: 'cleartext RPC needs no files (erlang/rpc-cleartext warns about it)', files: { 'emqx.conf': 'rpc.protocol = tcp\n' } },
    { name: 'no rpc settings', files: { 'emqx.conf': 'node.name = "emqx@127.0.0.1"\n' } },
  ],
  invalid: [
    {
      name: 'ssl with no files: insert all three placeholders',
      files: { 'emqx.conf': 'rpc {\n  protocol = ssl\n}\n' },
      errors: [{ text: 'ssl', line: 2, message: /^rpc\.protocol is ssl but rpc\.certfile, rpc\.keyfile, rpc\.cacertfile are not set/ }],
      output: {
        'emqx.conf':
          'rpc {\n  protocol = ssl\n  certfile = "/etc/emqx/certs/rpc/node-cert.pem"\n  keyfile = "/etc/emqx/certs/rpc/node-key.pem"\n  cacertfile = "/etc/emqx/certs/rpc/ca.pem"\n}\n',
      },
    },
    {
      name: 'only the CA missing, old key name driver',
      files: { 'emqx.conf': 'rpc {\n  driver = ssl\n  certfile = "/etc/emqx/certs/rpc.pem"\n  keyfile = "/etc/emqx/certs/rpc.key"\n}\n' },
      errors: [{ text: 'ssl', message: /^rpc\.driver is ssl but rpc\.cacertfile is not set/ }],
      output: { 'emqx.conf': /cacertfile = "\/etc\/emqx\/certs\/rpc\/ca\.pem"\n\}\n$/ },
    },
    {
      name: 'an empty certfile counts as missing',
      files: { 'emqx.conf': 'rpc.protocol = ssl\nrpc.certfile = ""\nrpc.keyfile = "/k"\nrpc.cacertfile = "/c"\n' },
      errors: [{ line: 1, message: /rpc\.certfile is not set/ }],
    },
  ],
});
