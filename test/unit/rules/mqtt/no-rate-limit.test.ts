import { rule } from '../../../../server/src/rules/mqtt/no-rate-limit';
import { runRuleTests } from '../ruleTester';
import { EMQX4, HARDENED } from './fixtures';

const ONLY_TCP = 'listeners.ws.default.enable = false\nlisteners.ssl.default.enable = false\nlisteners.wss.default.enable = false\n';

runRuleTests(rule, {
  valid: [
    { name: 'a hardened config', files: { 'emqx.conf': HARDENED } },
    { name: 'connection rate and a per-client message rate', files: { 'emqx.conf': `${ONLY_TCP}listeners.tcp.default {\n  max_conn_rate = "500/s"\n  messages_rate = "100/s"\n}\n` } },
    { name: '5.0 limiter', files: { 'emqx.conf': `${ONLY_TCP}listeners.tcp.default.limiter { connection = default }\n` }, settings: { emqxVersion: '5.0' } },
    { name: '4.x max_conn_rate set', files: { 'emqx.conf': EMQX4 } },
  ],
  invalid: [
    {
      name: 'an explicit listener without limits',
      files: { 'emqx.conf': `${ONLY_TCP}listeners.tcp.default {\n  bind = "0.0.0.0:1883"\n}\n` },
      errors: [{ text: 'listeners.tcp.default', line: 4, message: /puts no limit on new connections \(max_conn_rate\) or on what each client sends/ }],
      output: { 'emqx.conf': `${ONLY_TCP}listeners.tcp.default {\n  bind = "0.0.0.0:1883"\n  max_conn_rate = "1000/s"\n  messages_rate = "1000/s"\n  bytes_rate = "1MB/s"\n}\n` },
    },
    {
      name: 'infinity counts as no limit',
      files: { 'emqx.conf': `${ONLY_TCP}listeners.tcp.default {\n  max_conn_rate = infinity\n  bytes_rate = "1MB/s"\n}\n` },
      errors: [{ line: 4, message: /no limit on new connections \(max_conn_rate\):/ }],
      output: { 'emqx.conf': `${ONLY_TCP}listeners.tcp.default {\n  max_conn_rate = "1000/s"\n  bytes_rate = "1MB/s"\n  messages_rate = "1000/s"\n}\n` },
    },
    {
      name: 'an empty listener block `{}`: the three limits inserted in order, one edit',
      files: { 'emqx.conf': `${ONLY_TCP}listeners.tcp.default {}\n` },
      errors: [{ text: 'listeners.tcp.default', line: 4 }],
      output: { 'emqx.conf': `${ONLY_TCP}listeners.tcp.default {\n  max_conn_rate = "1000/s"\n  messages_rate = "1000/s"\n  bytes_rate = "1MB/s"\n}\n` },
    },
    {
      // Found by fuzzing: the three insertions each replaced the blank inside `{\n}` (overlapping edits at offset 1).
      name: 'an emqx.conf that is only a braced root `{ }`',
      files: { 'emqx.conf': '{\n}\n\n' },
      errors: [{ message: /^listeners\.tcp\.default / }, { message: /^listeners\.ssl\.default / }, { message: /^listeners\.ws\.default / }, { message: /^listeners\.wss\.default / }],
      output: { 'emqx.conf': '{\n  listeners.tcp.default.max_conn_rate = "1000/s"\n  listeners.tcp.default.messages_rate = "1000/s"\n  listeners.tcp.default.bytes_rate = "1MB/s"\n}\n\n' },
    },
    {
      name: '5.0 without a limiter',
      settings: { emqxVersion: '5.0' },
      files: { 'emqx.conf': `${ONLY_TCP}listeners.tcp.default.bind = "0.0.0.0:1883"\n` },
      errors: [{ message: /has no limiter/ }],
    },
    {
      name: '4.x without max_conn_rate',
      files: { 'emqx.conf': EMQX4.replace('listener.tcp.external.max_conn_rate = 1000\n', '') },
      errors: [{ text: 'listener.tcp.external', line: 9, message: /listener\.tcp\.external sets no max_conn_rate/ }],
      output: { 'emqx.conf': /listener\.tcp\.external\.max_conn_rate = 1000\n/ },
    },
  ],
});
