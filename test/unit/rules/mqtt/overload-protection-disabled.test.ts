import { rule } from '../../../../server/src/rules/mqtt/overload-protection-disabled';
import { runRuleTests } from '../ruleTester';
import { EMQX4, HARDENED } from './fixtures';

runRuleTests(rule, {
  valid: [
    { name: 'a hardened config', files: { 'emqx.conf': HARDENED } },
    { name: '4.x has no such section', files: { 'emqx.conf': EMQX4 } },
  ],
  invalid: [
    {
      name: 'absent: the default is off, the fix inserts the whole block',
      files: { 'emqx.conf': 'node {\n  name = "emqx@127.0.0.1"\n}\n' },
      errors: [{ line: 1, message: /overload_protection\.enable is false \(not set, so EMQX 5\.x's default applies\)/ }],
      output: { 'emqx.conf': 'node {\n  name = "emqx@127.0.0.1"\n}\noverload_protection = {\n  enable = true\n  backoff_delay = 1\n  backoff_gc = false\n  backoff_hibernation = true\n  backoff_new_conn = true\n}\n' },
    },
    {
      name: 'explicitly off',
      files: { 'emqx.conf': 'overload_protection.enable = false\n' },
      errors: [{ text: 'false', message: /overload_protection\.enable is false: when the node/ }],
      output: { 'emqx.conf': 'overload_protection.enable = true\n' },
    },
  ],
});
