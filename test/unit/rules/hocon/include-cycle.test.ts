import { rule } from '../../../../server/src/rules/hocon/include-cycle';
import { runRuleTests } from '../ruleTester';

runRuleTests(rule, {
  valid: [{ name: 'a chain without a loop', files: { 'emqx.conf': 'include "a.hocon"\n', 'a.hocon': 'x = 1\n' } }],
  invalid: [
    { name: 'two files including each other', files: { 'emqx.conf': 'include "a.hocon"\n', 'a.hocon': 'include "emqx.conf"\n' }, errors: [{ file: 'a.hocon' }] },
  ],
});
