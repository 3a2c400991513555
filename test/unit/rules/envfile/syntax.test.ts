import { rule } from '../../../../server/src/rules/envfile/syntax';
import { runRuleTests } from '../ruleTester';

const UNIT = '[Service]\nUser=emqx\nEnvironmentFile=/etc/emqx/emqx.env\nExecStart=/usr/bin/emqx foreground\n';

runRuleTests(rule, {
  valid: [{ name: 'a well-formed environment file', files: { 'emqx.service': UNIT, 'etc/emqx/emqx.env': 'EMQX_LOG__CONSOLE__LEVEL=warning\n' } }],
  invalid: [
    {
      name: 'an unclosed quote in the file a unit reads',
      files: { 'emqx.service': UNIT, 'etc/emqx/emqx.env': 'EMQX_LOG__CONSOLE__LEVEL="warning\n' },
      errors: [{ file: 'etc/emqx/emqx.env', message: /Unclosed double quote/ }],
    },
  ],
});
