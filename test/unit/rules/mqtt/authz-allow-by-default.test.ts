import { rule } from '../../../../server/src/rules/mqtt/authz-allow-by-default';
import { runRuleTests } from '../ruleTester';
import { EMQX4, HARDENED } from './fixtures';

runRuleTests(rule, {
  valid: [
    { name: 'a hardened config', files: { 'emqx.conf': HARDENED } },
    { name: '6.x denies by default', files: { 'emqx.conf': 'node.cookie = emqx50elixir\n' } },
    { name: '4.x acl_nomatch = deny', files: { 'emqx.conf': EMQX4.replace('acl_nomatch = allow', 'acl_nomatch = deny') } },
  ],
  invalid: [
    {
      name: 'explicit allow in a block',
      files: { 'emqx.conf': 'authorization {\n  no_match = allow\n  deny_action = disconnect\n}\n' },
      errors: [{ text: 'allow', line: 2, message: /authorization\.no_match is "allow": a publish or subscribe that no authorization rule matches goes through/ }],
      output: { 'emqx.conf': 'authorization {\n  no_match = deny\n  deny_action = disconnect\n}\n' },
    },
    {
      name: 'absent in 5.x: the default allows, reported at the authorization block',
      files: { 'emqx.conf': 'node.name = "emqx@127.0.0.1"\nauthorization {\n  deny_action = disconnect\n}\n' },
      errors: [{ text: 'authorization', line: 2, message: /"allow" \(not set, so EMQX 5\.x's default applies\)/ }],
      output: { 'emqx.conf': 'node.name = "emqx@127.0.0.1"\nauthorization {\n  deny_action = disconnect\n  no_match = deny\n}\n' },
    },
    {
      name: 'explicit allow in 6.x',
      files: { 'emqx.conf': 'node.cookie = emqx50elixir\nauthorization.no_match = allow\n' },
      errors: [{ text: 'allow', line: 2 }],
    },
    {
      name: '4.x acl_nomatch = allow',
      files: { 'emqx.conf': EMQX4 },
      errors: [{ text: 'allow', line: 4, message: /acl_nomatch is "allow"/ }],
      output: { 'emqx.conf': EMQX4.replace('acl_nomatch = allow', 'acl_nomatch = deny') },
    },
  ],
});
