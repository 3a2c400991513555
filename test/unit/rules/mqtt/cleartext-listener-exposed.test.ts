import { rule } from '../../../../server/src/rules/mqtt/cleartext-listener-exposed';
import { runRuleTests } from '../ruleTester';
import { EMQX4, HARDENED } from './fixtures';

runRuleTests(rule, {
  valid: [
    { name: 'a hardened config', files: { 'emqx.conf': HARDENED } },
    { name: 'TLS listeners on every interface are fine', files: { 'emqx.conf': 'listeners.tcp.default.enable = false\nlisteners.ws.default.enable = false\nlisteners.ssl.default.bind = "0.0.0.0:8883"\n' } },
    { name: 'a private address', files: { 'emqx.conf': 'listeners.tcp.default.bind = "10.0.1.5:1883"\nlisteners.ws.default.bind = "10.0.1.5:8083"\n' } },
    { name: 'no EMQX config in the deployment', files: { 'sysctl.conf': 'fs.file-max = 2097152\n' } },
    { name: '6.x hardened security profile binds the implicit listeners to loopback', files: { 'emqx.conf': 'node.dist_bind_address = "10.0.1.5"\n', 'emqx.service': '[Service]\nEnvironment=EMQX_SECURITY_PROFILE=hardened\nExecStart=/usr/bin/emqx foreground\n' } },
    { name: '4.x loopback listener', files: { 'emqx.conf': 'node.name = emqx@127.0.0.1\nlistener.tcp.internal = 127.0.0.1:11883\n' } },
  ],
  invalid: [
    {
      name: 'explicit 0.0.0.0:1883, and the implicit ws listener',
      files: { 'emqx.conf': 'listeners.tcp.default {\n  bind = "0.0.0.0:1883"\n}\nlisteners.ws.default.enable = false\n' },
      errors: [{ text: '"0.0.0.0:1883"', line: 2, message: /listeners\.tcp\.default binds "0\.0\.0\.0:1883", every interface, over plain TCP/ }],
      output: { 'emqx.conf': 'listeners.tcp.default {\n  bind = "127.0.0.1:1883"\n}\nlisteners.ws.default.enable = false\n' },
    },
    {
      name: 'the implicit 5.x default listeners (EMQX default) are reported on line 1',
      files: { 'emqx.conf': 'node.name = "emqx@127.0.0.1"\n' },
      errors: [
        { line: 1, message: /listeners\.tcp\.default binds "0\.0\.0\.0:1883" \(not set, so EMQX 5\.x's default applies\)/ },
        { line: 1, message: /listeners\.ws\.default binds "0\.0\.0\.0:8083" .*plain WebSocket/ },
      ],
      output: { 'emqx.conf': 'node.name = "emqx@127.0.0.1"\nlisteners.tcp.default.bind = "127.0.0.1:1883"\n' },
    },
    {
      name: 'a bare port means every interface',
      files: { 'emqx.conf': 'listeners.tcp.default.bind = 1883\nlisteners.ws.default.enable = false\n' },
      errors: [{ text: '1883', message: /binds 1883/ }],
      output: { 'emqx.conf': 'listeners.tcp.default.bind = "127.0.0.1:1883"\nlisteners.ws.default.enable = false\n' },
    },
    {
      name: '4.x listener.tcp.external',
      files: { 'emqx.conf': EMQX4 },
      errors: [{ text: '0.0.0.0:1883', line: 9, message: /listener\.tcp\.external binds 0\.0\.0\.0:1883, every interface/ }],
      output: { 'emqx.conf': EMQX4.replace('listener.tcp.external = 0.0.0.0:1883', 'listener.tcp.external = 127.0.0.1:1883') },
    },
  ],
});
