import { rule } from '../../../../server/src/rules/erlang/dist-cleartext';
import { runRuleTests } from '../ruleTester';

const STATIC = 'cluster {\n  discovery_strategy = static\n  static.seeds = ["emqx1@10.0.1.5", "emqx2@10.0.1.6"]\n}\n';

runRuleTests(rule, {
  valid: [
    { name: 'hardened: a static cluster over TLS', files: { 'emqx.conf': 'cluster {\n  discovery_strategy = static\n  static.seeds = ["emqx1@10.0.1.5"]\n  proto_dist = inet_tls\n}\n' } },
    { name: 'a singleton node needs no distribution encryption', files: { 'emqx.conf': 'cluster.discovery_strategy = singleton\n' } },
    { name: 'IPv6 TLS', files: { 'emqx.conf': 'cluster.proto_dist = inet6_tls\n' } },
    { name: '4.x over TLS', files: { 'emqx.conf': 'cluster.discovery = static\ncluster.proto_dist = inet_tls\n' } },
    { name: 'no EMQX configuration', files: { 'vm.args': '-name emqx@10.0.1.5\n' } },
  ],
  invalid: [
    {
      name: 'a static cluster on the default carrier: insert inet_tls into the cluster block',
      files: { 'emqx.conf': STATIC },
      errors: [{ text: 'cluster', line: 1, message: /^cluster\.proto_dist is inet_tcp \(not set, so EMQX 5\.x's default applies\) while cluster\.discovery_strategy is static with 2 seed nodes/ }],
      output: { 'emqx.conf': 'cluster {\n  discovery_strategy = static\n  static.seeds = ["emqx1@10.0.1.5", "emqx2@10.0.1.6"]\n  proto_dist = inet_tls\n}\n' },
    },
    {
      name: 'explicit inet6_tcp becomes inet6_tls',
      files: { 'emqx.conf': 'cluster {\n  discovery_strategy = dns\n  proto_dist = inet6_tcp\n}\n' },
      errors: [{ text: 'inet6_tcp', line: 3, message: /cluster\.proto_dist is inet6_tcp while cluster\.discovery_strategy is dns:/ }],
      output: { 'emqx.conf': 'cluster {\n  discovery_strategy = dns\n  proto_dist = inet6_tls\n}\n' },
    },
    {
      name: 'nothing about the cluster written: manual discovery is EMQX\'s default and still clusters',
      files: { 'emqx.conf': 'node.name = "emqx@10.0.1.5"\n' },
      errors: [{ line: 1, message: /cluster\.discovery_strategy is manual \(not set, so EMQX's default applies\)/ }],
    },
    {
      name: '4.x shipped cluster.proto_dist = inet_tcp',
      files: { 'emqx.conf': 'cluster.name = emqxcl\ncluster.proto_dist = inet_tcp\ncluster.discovery = manual\n' },
      errors: [{ text: 'inet_tcp', line: 2, message: /cluster\.proto_dist is inet_tcp while cluster\.discovery is manual/ }],
      output: { 'emqx.conf': 'cluster.name = emqxcl\ncluster.proto_dist = inet_tls\ncluster.discovery = manual\n' },
    },
  ],
});
