import { rule } from '../../../../server/src/rules/hocon/include-missing';
import { runRuleTests } from '../ruleTester';

runRuleTests(rule, {
  valid: [{ name: 'an include that exists', files: { 'emqx.conf': 'include "listeners.hocon"\n', 'listeners.hocon': 'listeners.tcp.default.bind = "127.0.0.1:1883"\n' } }],
  invalid: [
    { name: 'a missing plain include is a warning', files: { 'emqx.conf': 'include "nowhere.conf"\n' }, errors: [{ severity: 'warning', message: /nowhere\.conf/ }] },
    { name: 'a missing required include is an error', files: { 'emqx.conf': 'include required("nowhere.conf")\n' }, errors: [{ severity: 'error', message: /nowhere\.conf/ }] },
  ],
});
