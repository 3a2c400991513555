import { rule } from '../../../../server/src/rules/hocon/emqx-dialect';
import { runRuleTests } from '../ruleTester';

runRuleTests(rule, {
  valid: [{ name: 'a quoted bind address', files: { 'emqx.conf': 'listeners.tcp.default.bind = "127.0.0.1:1883"\n' } }],
  invalid: [
    {
      name: 'an unquoted address with a colon',
      files: { 'emqx.conf': 'listeners.tcp.default.bind = 127.0.0.1:1883\n' },
      errors: [{ text: '127.0.0.1:1883' }],
      output: { 'emqx.conf': 'listeners.tcp.default.bind = "127.0.0.1:1883"\n' },
    },
  ],
});
