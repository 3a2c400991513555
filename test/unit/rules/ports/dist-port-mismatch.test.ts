import { rule } from '../../../../server/src/rules/ports/dist-port-mismatch';
import { runRuleTests } from '../ruleTester';

const UNIT = (env: string) => `[Service]\n${env}\nExecStart=/opt/emqx/bin/emqx foreground\n`;

runRuleTests(rule, {
  valid: [
    { name: 'hardened: no range, EMQX derives the port', files: { 'vm.args': '-name emqx1@10.0.1.5\n-kernel inet_dist_use_interface {10,0,1,5}\n' } },
    { name: 'a range that states the derived port', files: { 'vm.args': '-name emqx1@10.0.1.5\n-kernel inet_dist_listen_min 4371\n-kernel inet_dist_listen_max 4371\n' } },
    { name: 'a custom base port is honoured', files: { 'vm.args': '-name emqx3@h\n-kernel inet_dist_base_port 5000\n-kernel inet_dist_listen_min 5003 inet_dist_listen_max 5003\n' } },
    {
      name: '4.x with WITH_EPMD=1 uses the range',
      files: { 'emqx.conf': 'node.name = emqx@127.0.0.1\nnode.dist_listen_min = 6369\nnode.dist_listen_max = 6369\n', 'emqx.service': UNIT('Environment=WITH_EPMD=1') },
    },
    { name: 'no EMQX files', files: { 'sysctl.conf': 'fs.file-max = 2097152\n' } },
  ],
  invalid: [
    {
      name: 'vm.args sets 4369 for node emqx1 (4371)',
      files: { 'vm.args': '-name emqx1@10.0.1.5\n-kernel inet_dist_listen_min 4369\n' },
      errors: [{ text: '4369', line: 2, message: /^-kernel inet_dist_listen_min is 4369 \(4369 is also the port of epmd, which EMQX does not use\), but EMQX ignores this range and listens for distribution on 4371, derived from node name emqx1@10\.0\.1\.5;/ }],
      output: { 'vm.args': '-name emqx1@10.0.1.5\n-kernel inet_dist_listen_min 4371\n' },
    },
    {
      name: 'min and max on one line, node name from emqx.conf',
      files: { 'vm.args': '-kernel inet_dist_listen_min 9100 inet_dist_listen_max 9105\n', 'emqx.conf': 'node.name = "emqx2@10.0.1.6"\n' },
      errors: [
        { file: 'vm.args', text: '9100', message: /inet_dist_listen_min is 9100, .* 4372/ },
        { file: 'vm.args', text: '9105', message: /inet_dist_listen_max is 9105/ },
      ],
      output: { 'vm.args': '-kernel inet_dist_listen_min 4372 inet_dist_listen_max 9105\n' },
    },
    {
      name: '4.x shipped 6369 (ekka mode, the default since 4.0)',
      files: { 'emqx.conf': 'node.name = emqx@127.0.0.1\nnode.dist_listen_min = 6369\n' },
      errors: [{ text: '6369', line: 2, message: /^node\.dist_listen_min is 6369, but EMQX ignores this range and listens for distribution on 4370/ }],
      output: { 'emqx.conf': 'node.name = emqx@127.0.0.1\nnode.dist_listen_min = 4370\n' },
    },
    {
      name: 'no node name anywhere: the default emqx@127.0.0.1',
      files: { 'vm.args': '-kernel inet_dist_listen_min 4380\n' },
      errors: [{ message: /4370, derived from node name emqx@127\.0\.0\.1 \(the default\)/ }],
      output: { 'vm.args': '-kernel inet_dist_listen_min 4370\n' },
    },
  ],
});
