import { rule } from '../../../../server/src/rules/erlang/rpc-cleartext';
import { runRuleTests } from '../ruleTester';

const UNIT = (env: string) => `[Service]\n${env}\nExecStart=/opt/emqx/bin/emqx foreground\n`;

runRuleTests(rule, {
  valid: [
    {
      name: 'hardened: RPC over TLS',
      files: { 'emqx.conf': 'cluster.discovery_strategy = static\nrpc {\n  protocol = ssl\n  certfile = "/etc/emqx/certs/rpc.pem"\n  keyfile = "/etc/emqx/certs/rpc.key"\n  cacertfile = "/etc/emqx/certs/ca.pem"\n}\n' },
    },
    { name: 'the older name rpc.driver = ssl', files: { 'emqx.conf': 'rpc.driver = ssl\n' } },
    { name: 'a singleton node', files: { 'emqx.conf': 'cluster.discovery_strategy = singleton\nrpc.protocol = tcp\n' } },
    { name: '4.x has no RPC TLS setting to check', files: { 'emqx.conf': 'cluster.discovery = static\nrpc.mode = async\n' } },
  ],
  invalid: [
    {
      name: 'default tcp under an rpc block: insert protocol = ssl',
      files: { 'emqx.conf': 'cluster.discovery_strategy = static\n\nrpc {\n  port_discovery = stateless\n}\n' },
      errors: [{ text: 'rpc', line: 3, message: /^rpc\.protocol is tcp \(not set, so EMQX 5\.x's default applies\) while cluster\.discovery_strategy is static:/ }],
      output: { 'emqx.conf': 'cluster.discovery_strategy = static\n\nrpc {\n  port_discovery = stateless\n  protocol = ssl\n  certfile = "/etc/emqx/certs/rpc/node-cert.pem"\n  keyfile = "/etc/emqx/certs/rpc/node-key.pem"\n  cacertfile = "/etc/emqx/certs/rpc/ca.pem"\n}\n' },
    },
    {
      name: 'explicit rpc.driver = tcp keeps its name',
      files: { 'emqx.conf': 'cluster.discovery_strategy = etcd\nrpc.driver = tcp\n' },
      errors: [{ text: 'tcp', line: 2, message: /^rpc\.driver is tcp while/ }],
      output: { 'emqx.conf': /^cluster\.discovery_strategy = etcd\nrpc\.driver = ssl\n(rpc\.(certfile|keyfile|cacertfile) = "\/etc\/emqx\/certs\/rpc\/[a-z-]+\.pem"\n){3}$/ },
    },
    {
      // Found by fuzzing: four insertions into `{\n}` each replaced its blank (overlapping edits at offset 1).
      name: 'an emqx.conf that is only a braced root `{ }`, clustered through the environment',
      files: { 'emqx.conf': '{\n}\n\n', 'emqx.service': UNIT('Environment=EMQX_CLUSTER__DISCOVERY_STRATEGY=static') },
      errors: [{ message: /^rpc\.protocol is tcp / }],
      output: { 'emqx.conf': '{\n  rpc.protocol = ssl\n  rpc.certfile = "/etc/emqx/certs/rpc/node-cert.pem"\n  rpc.keyfile = "/etc/emqx/certs/rpc/node-key.pem"\n  rpc.cacertfile = "/etc/emqx/certs/rpc/ca.pem"\n}\n\n' },
    },
    {
      name: 'set through the environment',
      files: { 'emqx.conf': 'cluster.discovery_strategy = k8s\n', 'emqx.service': UNIT('Environment=EMQX_RPC__PROTOCOL=tcp') },
      errors: [{ file: 'emqx.service', text: 'tcp', message: /^rpc\.protocol is tcp while cluster\.discovery_strategy is k8s/ }],
      output: { 'emqx.service': UNIT('Environment=EMQX_RPC__PROTOCOL=ssl') },
    },
  ],
});
