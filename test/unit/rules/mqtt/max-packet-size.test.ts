import { rule } from '../../../../server/src/rules/mqtt/max-packet-size';
import { runRuleTests } from '../ruleTester';
import { EMQX4, HARDENED } from './fixtures';

runRuleTests(rule, {
  valid: [
    { name: 'a hardened config', files: { 'emqx.conf': HARDENED } },
    { name: 'absent (EMQX default 1MB)', files: { 'emqx.conf': 'node.name = "emqx@127.0.0.1"\n' } },
    { name: 'smaller than 1MB', files: { 'emqx.conf': 'mqtt.max_packet_size = 256KB\n' } },
    { name: '4.x shipped 1MB', files: { 'emqx.conf': EMQX4 } },
  ],
  invalid: [
    {
      name: '10MB in a block',
      files: { 'emqx.conf': 'mqtt {\n  max_packet_size = 10MB\n}\n' },
      errors: [{ text: '10MB', line: 2, message: /mqtt\.max_packet_size is 10MB, above 1MB/ }],
      output: { 'emqx.conf': /^mqtt \{\n  max_packet_size = "?1MB"?\n\}\n$/ },
    },
    {
      name: 'the protocol maximum, quoted',
      files: { 'emqx.conf': 'mqtt.max_packet_size = "256MB"\n' },
      errors: [{ text: '"256MB"' }],
      output: { 'emqx.conf': 'mqtt.max_packet_size = "1MB"\n' },
    },
    {
      name: '4.x 16MB',
      files: { 'emqx.conf': EMQX4.replace('mqtt.max_packet_size = 1MB', 'mqtt.max_packet_size = 16MB') },
      errors: [{ text: '16MB', line: 6 }],
      output: { 'emqx.conf': EMQX4 },
    },
  ],
});
