import { rule } from '../../../../server/src/rules/systemd/syntax';
import { runRuleTests } from '../ruleTester';

runRuleTests(rule, {
  valid: [{ name: 'a well-formed line', files: { 'emqx.service': '[Service]\nLimitNOFILE=2097152\n' } }],
  invalid: [{ name: 'a line the parser cannot read', files: { 'emqx.service': '[Service]\nLimitNOFILE 2097152\n' }, errors: [{ text: 'LimitNOFILE 2097152', message: /Missing/ }] }],
});
