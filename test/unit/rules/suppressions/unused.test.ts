import { rule } from '../../../../server/src/rules/suppressions/unused';
import { runRuleTests } from '../ruleTester';

const COOKIE = 'node.cookie = emqxsecretcookie\n';

runRuleTests(rule, {
  valid: [
    { name: 'a suppression of the finding on the next line', files: { 'emqx.conf': `# mqtt-harden-disable-next-line erlang/weak-cookie -- lab broker\n${COOKIE}` } },
    { name: 'a file suppression that suppresses a finding further down', files: { 'emqx.conf': `# mqtt-harden-disable-file erlang/weak-cookie -- fixture\nnode.name = "emqx@127.0.0.1"\n${COOKIE}` } },
  ],
  invalid: [
    {
      name: 'the named rule finds nothing on the next line',
      files: { 'emqx.conf': `# mqtt-harden-disable-next-line tls/weak-cipher -- old\n${COOKIE}` },
      errors: [{ line: 1, text: '# mqtt-harden-disable-next-line tls/weak-cipher -- old', message: /matches no finding; remove it/ }],
      output: { 'emqx.conf': `\n${COOKIE}` },
    },
    {
      name: 'a suppression that names no rule',
      files: { 'emqx.conf': `${COOKIE}# mqtt-harden-disable-next-line -- why\nnode.name = "emqx@127.0.0.1"\n` },
      errors: [{ line: 2, message: /names no rule id/ }],
      output: { 'emqx.conf': `${COOKIE}\nnode.name = "emqx@127.0.0.1"\n` },
    },
  ],
});
