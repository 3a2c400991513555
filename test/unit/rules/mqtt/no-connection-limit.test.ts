import { rule } from '../../../../server/src/rules/mqtt/no-connection-limit';
import { runRuleTests } from '../ruleTester';
import { EMQX4, HARDENED } from './fixtures';

const ONLY_TCP = 'listeners.ws.default.enable = false\nlisteners.ssl.default.enable = false\nlisteners.wss.default.enable = false\n';

runRuleTests(rule, {
  valid: [
    { name: 'a hardened config', files: { 'emqx.conf': HARDENED } },
    { name: 'a loopback listener may be unlimited', files: { 'emqx.conf': `${ONLY_TCP}listeners.tcp.default.bind = "127.0.0.1:1883"\n` } },
    { name: '4.x numbers', files: { 'emqx.conf': EMQX4 } },
  ],
  invalid: [
    {
      name: 'explicit infinity',
      files: { 'emqx.conf': `${ONLY_TCP}listeners.tcp.default {\n  bind = "0.0.0.0:1883"\n  max_connections = infinity\n}\n` },
      errors: [{ text: 'infinity', line: 6, message: /listeners\.tcp\.default\.max_connections is infinity: a connection flood/ }],
      output: { 'emqx.conf': `${ONLY_TCP}listeners.tcp.default {\n  bind = "0.0.0.0:1883"\n  max_connections = 1000000\n}\n` },
    },
    {
      name: 'absent: the default is infinity, reported at the listener block; the fix follows targetConnections',
      files: { 'emqx.conf': `${ONLY_TCP}listeners.tcp.default {\n  bind = "0.0.0.0:1883"\n}\n` },
      settings: { targetConnections: 50000 },
      errors: [{ text: 'listeners.tcp.default', line: 4, message: /infinity \(not set, so EMQX 5\.x's default applies\)/ }],
      output: { 'emqx.conf': `${ONLY_TCP}listeners.tcp.default {\n  bind = "0.0.0.0:1883"\n  max_connections = 50000\n}\n` },
    },
  ],
});
