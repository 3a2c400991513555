import { rule } from '../../../../server/src/rules/mqtt/flapping-detect-disabled';
import { runRuleTests } from '../ruleTester';
import { EMQX4, HARDENED } from './fixtures';

runRuleTests(rule, {
  valid: [
    { name: 'a hardened config', files: { 'emqx.conf': HARDENED } },
    { name: 'a full block', files: { 'emqx.conf': 'flapping_detect {\n  enable = true\n  max_count = 15\n}\n' } },
    { name: '4.x zone external on', files: { 'emqx.conf': EMQX4.replace('enable_flapping_detect = off', 'enable_flapping_detect = on') } },
  ],
  invalid: [
    {
      name: 'absent: the default is off, the fix inserts the whole block',
      files: { 'emqx.conf': 'node.name = "emqx@127.0.0.1"\n' },
      errors: [{ line: 1, message: /flapping_detect\.enable is false \(not set, so EMQX 5\.x's default applies\)/ }],
      output: { 'emqx.conf': 'node.name = "emqx@127.0.0.1"\nflapping_detect = {\n  enable = true\n  max_count = 15\n  window_time = 1m\n  ban_time = 5m\n}\n' },
    },
    {
      name: 'explicitly off',
      files: { 'emqx.conf': 'flapping_detect {\n  enable = false\n  ban_time = 10m\n}\n' },
      errors: [{ text: 'false', line: 2, message: /flapping_detect\.enable is false: a client/ }],
      output: { 'emqx.conf': 'flapping_detect {\n  enable = true\n  ban_time = 10m\n}\n' },
    },
    {
      name: 'a block without enable',
      files: { 'emqx.conf': 'flapping_detect {\n  max_count = 20\n}\n' },
      errors: [{ text: 'flapping_detect', line: 1 }],
      output: { 'emqx.conf': 'flapping_detect {\n  max_count = 20\n  enable = true\n}\n' },
    },
    {
      name: '4.x zone.external.enable_flapping_detect = off',
      files: { 'emqx.conf': EMQX4 },
      errors: [{ text: 'off', line: 8, message: /zone\.external\.enable_flapping_detect is off/ }],
      output: { 'emqx.conf': EMQX4.replace('enable_flapping_detect = off', 'enable_flapping_detect = on') },
    },
  ],
});
