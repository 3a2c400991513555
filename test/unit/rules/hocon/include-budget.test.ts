import { rule } from '../../../../server/src/rules/hocon/include-budget';
import { runRuleTests } from '../ruleTester';

/** `depth` files, each including the next twice: 2^depth visits. */
function fanOut(depth: number): Record<string, string> {
  const files: Record<string, string> = { 'emqx.conf': 'include "i0.hocon"\n' };
  for (let i = 0; i < depth; i++) files[`i${i}.hocon`] = `x${i} = 1\ninclude "i${i + 1}.hocon"\ninclude "i${i + 1}.hocon"\n`;
  files[`i${depth}.hocon`] = 'z = 1\n';
  return files;
}

runRuleTests(rule, {
  valid: [{ name: 'eight levels of fan-out (256 visits)', files: fanOut(8) }],
  invalid: [{ name: 'twenty levels of fan-out (a million visits)', files: fanOut(20), errors: [{ file: 'i19.hocon' }] }],
});
