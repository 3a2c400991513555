import { rule } from '../../../../server/src/rules/ports/reserved';
import { runRuleTests } from '../ruleTester';

const UNIT = (env: string) => `[Service]\n${env}\nExecStart=/opt/emqx/bin/emqx foreground\n`;

runRuleTests(rule, {
  valid: [
    { name: 'hardened: listeners away from 4369, 4370+N and 5370+N', files: { 'emqx.conf': 'node.name = "emqx1@10.0.1.5"\nlisteners.tcp.default.bind = "127.0.0.1:1883"\n' } },
    { name: '4370 is free for node emqx1 (its distribution port is 4371)', files: { 'emqx.conf': 'node.name = "emqx1@10.0.1.5"\nlisteners.tcp.extra.bind = "0.0.0.0:4370"\n' } },
    { name: 'distribution pinned to another address', files: { 'emqx.conf': 'node.name = "emqx@10.0.1.5"\nlisteners.tcp.extra.bind = "127.0.0.1:4370"\n', 'vm.args': '-kernel inet_dist_use_interface {10,0,1,5}\n' } },
    { name: 'no EMQX configuration', files: { 'vm.args': '-name emqx@10.0.1.5\n' } },
  ],
  invalid: [
    {
      name: 'a listener on the distribution port derived from the node name',
      files: { 'emqx.conf': 'node.name = "emqx1@10.0.1.5"\nlisteners.tcp.extra.bind = "0.0.0.0:4371"\n' },
      errors: [{ text: '"0.0.0.0:4371"', line: 2, message: /^The tcp listener extra binds port 4371, which is this node's Erlang distribution port \(derived from node name emqx1@10\.0\.1\.5\)/ }],
    },
    {
      name: 'the dashboard on the RPC port of the default node name',
      files: { 'emqx.conf': 'dashboard.listeners.http.bind = 5370\n' },
      errors: [{ text: '5370', message: /inter-node RPC \(gen_rpc\) port \(derived from node name emqx@127\.0\.0\.1\)/ }],
    },
    {
      name: 'manual RPC discovery takes rpc.server_port',
      files: { 'emqx.conf': 'rpc.port_discovery = manual\nrpc.server_port = 9100\nlisteners.ws.default.bind = "0.0.0.0:9100"\n' },
      errors: [{ line: 3, message: /RPC \(gen_rpc\) port \(rpc\.server_port with manual discovery\)/ }],
    },
    {
      name: 'epmd\'s port: a warning, since EMQX runs without epmd',
      files: { 'emqx.conf': 'listeners.tcp.default.bind = "0.0.0.0:4369"\n' },
      errors: [{ text: '"0.0.0.0:4369"', severity: 'warning', message: /the Erlang port mapper's port: EMQX does not start epmd itself/ }],
    },
    {
      name: '4.x with WITH_EPMD=1: epmd holds 4369',
      files: { 'emqx.conf': 'node.name = emqx@10.0.1.5\nlistener.tcp.external = 0.0.0.0:4369\n', 'emqx.service': UNIT('Environment=WITH_EPMD=1') },
      errors: [{ text: '0.0.0.0:4369', severity: 'error', message: /epmd holds because WITH_EPMD is set/ }],
    },
    {
      name: '4.x with WITH_EPMD=1: a distribution range of 4369 alone',
      files: { 'emqx.conf': 'node.name = emqx@10.0.1.5\nnode.dist_listen_min = 4369\nnode.dist_listen_max = 4369\n', 'emqx.service': UNIT('Environment=WITH_EPMD=1') },
      errors: [{ line: 2, message: /^node\.dist_listen_min is 4369, epmd's own port/ }, { line: 3, message: /^node\.dist_listen_max is 4369/ }],
    },
  ],
});
