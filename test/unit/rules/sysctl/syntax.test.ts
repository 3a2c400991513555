import { rule } from '../../../../server/src/rules/sysctl/syntax';
import { runRuleTests } from '../ruleTester';

runRuleTests(rule, {
  valid: [{ name: 'a well-formed line', files: { 'sysctl.conf': 'fs.file-max = 2097152\n' } }],
  invalid: [{ name: 'a line the parser cannot read', files: { 'sysctl.conf': 'fs.file-max 2097152\n' }, errors: [{ text: 'fs.file-max 2097152', message: /has no/ }] }],
});
