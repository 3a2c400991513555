import { rule } from '../../../../server/src/rules/mqtt/max-topic-levels';
import { runRuleTests } from '../ruleTester';
import { EMQX4, HARDENED } from './fixtures';

runRuleTests(rule, {
  valid: [
    { name: 'a hardened config', files: { 'emqx.conf': HARDENED } },
    { name: 'eight levels', files: { 'emqx.conf': 'mqtt.max_topic_levels = 8\n' } },
    { name: 'no EMQX config', files: { 'sysctl.conf': 'fs.file-max = 2097152\n' } },
  ],
  invalid: [
    {
      name: 'explicit 128',
      files: { 'emqx.conf': 'mqtt {\n  max_topic_levels = 128\n}\n' },
      errors: [{ text: '128', line: 2, message: /mqtt\.max_topic_levels is 128, above 10/ }],
      output: { 'emqx.conf': 'mqtt {\n  max_topic_levels = 10\n}\n' },
    },
    {
      name: 'absent: the default 128, reported at the mqtt block',
      files: { 'emqx.conf': 'mqtt {\n  max_packet_size = 1MB\n}\n' },
      errors: [{ text: 'mqtt', line: 1, message: /128 \(not set, so EMQX 5\.x's default applies\)/ }],
      output: { 'emqx.conf': 'mqtt {\n  max_packet_size = 1MB\n  max_topic_levels = 10\n}\n' },
    },
    {
      name: '4.x 0 means no limit',
      files: { 'emqx.conf': EMQX4.replace('mqtt.max_topic_levels = 128', 'mqtt.max_topic_levels = 0') },
      errors: [{ text: '0', line: 7, message: /0 \(no limit\)/ }],
      output: { 'emqx.conf': EMQX4.replace('mqtt.max_topic_levels = 128', 'mqtt.max_topic_levels = 10') },
    },
  ],
});
