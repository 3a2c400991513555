import { rule } from '../../../../server/src/rules/mqtt/authz-deny-action-ignore';
import { runRuleTests } from '../ruleTester';
import { EMQX4, HARDENED } from './fixtures';

runRuleTests(rule, {
  valid: [
    { name: 'a hardened config', files: { 'emqx.conf': HARDENED } },
    { name: '4.x disconnect', files: { 'emqx.conf': EMQX4.replace('acl_deny_action = ignore', 'acl_deny_action = disconnect') } },
  ],
  invalid: [
    {
      name: 'explicit ignore',
      files: { 'emqx.conf': 'authorization {\n  no_match = deny\n  deny_action = ignore\n}\n' },
      errors: [{ text: 'ignore', line: 3, message: /authorization\.deny_action is "ignore": a client whose publish or subscribe is denied stays connected/ }],
      output: { 'emqx.conf': 'authorization {\n  no_match = deny\n  deny_action = disconnect\n}\n' },
    },
    {
      name: 'absent: the default ignores',
      files: { 'emqx.conf': 'authorization.no_match = deny\n' },
      errors: [{ line: 1, message: /\(not set, so EMQX 5\.x's default applies\)/ }],
      output: { 'emqx.conf': 'authorization.no_match = deny\nauthorization.deny_action = disconnect\n' },
    },
    {
      name: '4.x acl_deny_action = ignore',
      files: { 'emqx.conf': EMQX4 },
      errors: [{ text: 'ignore', line: 5, message: /acl_deny_action is "ignore"/ }],
      output: { 'emqx.conf': EMQX4.replace('acl_deny_action = ignore', 'acl_deny_action = disconnect') },
    },
  ],
});
