import { rule } from '../../../../server/src/rules/vmargs/syntax';
import { runRuleTests } from '../ruleTester';

runRuleTests(rule, {
  valid: [{ name: 'a well-formed line', files: { 'vm.args': '-name emqx@10.0.0.1\n-setcookie Vb7TqkL2mXw9RzH4pNc8sJd3FgY6aKe5Q1uBnZrWtMhx0oPi\n' } }],
  invalid: [{ name: 'a line the parser cannot read', files: { 'vm.args': '-name emqx@10.0.0.1\n-setcookie\n' }, errors: [{ text: '-setcookie', message: /needs a value/ }] }],
});
