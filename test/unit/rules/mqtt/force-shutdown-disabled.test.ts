import { rule } from '../../../../server/src/rules/mqtt/force-shutdown-disabled';
import { runRuleTests } from '../ruleTester';
import { EMQX4, HARDENED } from './fixtures';

runRuleTests(rule, {
  valid: [
    { name: 'a hardened config', files: { 'emqx.conf': HARDENED } },
    { name: 'absent (EMQX default: on)', files: { 'emqx.conf': 'node.name = "emqx@127.0.0.1"\n' } },
    { name: '4.x has no switch', files: { 'emqx.conf': EMQX4 } },
  ],
  invalid: [
    {
      name: 'a path key',
      files: { 'emqx.conf': 'force_shutdown.enable = false\n' },
      errors: [{ text: 'false', line: 1, message: /force_shutdown\.enable is false: a client whose mailbox or heap keeps growing is never stopped/ }],
      output: { 'emqx.conf': 'force_shutdown.enable = true\n' },
    },
    {
      name: 'in a block',
      files: { 'emqx.conf': 'force_shutdown {\n  enable = false\n  max_heap_size = 32MB\n}\n' },
      errors: [{ text: 'false', line: 2 }],
      output: { 'emqx.conf': 'force_shutdown {\n  enable = true\n  max_heap_size = 32MB\n}\n' },
    },
  ],
});
