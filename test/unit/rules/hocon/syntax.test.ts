import { rule } from '../../../../server/src/rules/hocon/syntax';
import { runRuleTests } from '../ruleTester';

runRuleTests(rule, {
  valid: [{ name: 'a well-formed file', files: { 'emqx.conf': 'node {\n  name = "emqx@127.0.0.1"\n}\n' } }],
  invalid: [
    { name: 'an unclosed block', files: { 'emqx.conf': 'node {\n  name = "emqx@127.0.0.1"\n' }, errors: [{ message: /\}/ }] },
    { name: 'a key without a value', files: { 'emqx.conf': 'node.name =\n' }, errors: [{ line: 1 }] },
  ],
});
