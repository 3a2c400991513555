import { rule } from '../../../../server/src/rules/sysctl/conntrack-established-timeout';
import { runRuleTests } from '../ruleTester';

runRuleTests(rule, {
  valid: [
    { name: 'a shortened timeout', files: { 'sysctl.conf': 'net.netfilter.nf_conntrack_max = 1000000\nnet.netfilter.nf_conntrack_tcp_timeout_established = 3600\n' } },
    { name: 'absent, and conntrack is not tuned either', files: { 'sysctl.conf': 'fs.file-max = 2097152\n' } },
    { name: 'just under the default', files: { 'sysctl.conf': 'net.netfilter.nf_conntrack_tcp_timeout_established = 431999\n' } },
  ],
  invalid: [
    {
      name: 'explicitly the 5-day default',
      files: { 'sysctl.conf': 'net.netfilter.nf_conntrack_tcp_timeout_established = 432000\n' },
      errors: [{ text: '432000', message: /keeps a silent connection in the conntrack table for 120 hours/ }],
      output: { 'sysctl.conf': 'net.netfilter.nf_conntrack_tcp_timeout_established = 3600\n' },
    },
    {
      name: 'absent while the deployment tunes conntrack (the example deployment)',
      files: { 'sysctl.conf': 'fs.file-max = 65536\nnet.netfilter.nf_conntrack_max = 262144\n' },
      errors: [{ line: 1, message: /is not set, so the kernel keeps a silent tracked connection for 5 days/ }],
      output: { 'sysctl.conf': 'fs.file-max = 65536\nnet.netfilter.nf_conntrack_max = 262144\nnet.netfilter.nf_conntrack_tcp_timeout_established = 3600\n' },
    },
  ],
});
