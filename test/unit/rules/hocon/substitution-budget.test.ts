import { rule } from '../../../../server/src/rules/hocon/substitution-budget';
import { runRuleTests } from '../ruleTester';

const doubling = (n: number) => 'a = [1]\n' + 'a = ${a} ${a}\n'.repeat(n);
const chain = (n: number) => Array.from({ length: n }, (_, i) => `k${i} = \${k${i + 1}}`).join('\n') + `\nk${n} = 1\n`;

runRuleTests(rule, {
  valid: [
    { name: 'ten doublings (1,024 values)', files: { 'emqx.conf': doubling(10) } },
    { name: 'a chain of 100 substitutions', files: { 'emqx.conf': chain(100) } },
  ],
  invalid: [
    { name: 'forty doublings of an array', files: { 'emqx.conf': doubling(40) }, errors: [{ file: 'emqx.conf' }] },
    { name: 'a chain of 1,000 substitutions', files: { 'emqx.conf': chain(1000) }, errors: [{ file: 'emqx.conf' }] },
  ],
});
