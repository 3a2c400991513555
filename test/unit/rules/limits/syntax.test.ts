import { rule } from '../../../../server/src/rules/limits/syntax';
import { runRuleTests } from '../ruleTester';

runRuleTests(rule, {
  valid: [{ name: 'a well-formed line', files: { 'limits.conf': 'emqx soft nofile 2097152\n' } }],
  invalid: [{ name: 'a line the parser cannot read', files: { 'limits.conf': 'emqx soft nofile\n' }, errors: [{ text: 'emqx soft nofile', message: /four columns/ }] }],
});
