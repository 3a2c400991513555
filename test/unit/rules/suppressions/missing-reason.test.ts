import { rule } from '../../../../server/src/rules/suppressions/missing-reason';
import { runRuleTests } from '../ruleTester';

const COOKIE = 'node.cookie = emqxsecretcookie\n';

runRuleTests(rule, {
  valid: [
    { name: 'a suppression with a reason', files: { 'emqx.conf': `# mqtt-harden-disable-next-line erlang/weak-cookie -- lab broker, rebuilt nightly\n${COOKIE}` } },
    { name: 'no suppression at all', files: { 'emqx.conf': COOKIE } },
    { name: 'a reason after an end-of-line suppression in vm.args', files: { 'vm.args': '-setcookie emqxsecretcookie # mqtt-harden-disable-line erlang/weak-cookie -- test rig\n' } },
  ],
  invalid: [
    {
      name: 'no reason after the rule id',
      files: { 'emqx.conf': `# mqtt-harden-disable-next-line erlang/weak-cookie\n${COOKIE}` },
      errors: [{ line: 1, text: '# mqtt-harden-disable-next-line erlang/weak-cookie', message: /gives no reason/ }],
    },
    {
      name: 'an empty reason after the dashes, in a file suppression',
      files: { 'emqx.conf': `# mqtt-harden-disable-file erlang/weak-cookie --\n${COOKIE}` },
      errors: [{ line: 1, message: /add one after " -- "/ }],
    },
  ],
});
