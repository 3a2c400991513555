import { rule } from '../../../../server/src/rules/sysctl/conntrack-max-low';
import { runRuleTests } from '../ruleTester';

runRuleTests(rule, {
  valid: [
    { name: 'the tuning guide value', files: { 'sysctl.conf': 'net.netfilter.nf_conntrack_max = 1000000\n' } },
    { name: 'absent: the host may not track connections at all', files: { 'sysctl.conf': 'fs.file-max = 2097152\n' } },
    { name: 'the older name set high after a low new name', files: { 'sysctl.conf': 'net.netfilter.nf_conntrack_max = 65536\nnet.nf_conntrack_max = 2000000\n' } },
    { name: 'a smaller target', files: { 'sysctl.conf': 'net.netfilter.nf_conntrack_max = 262144\n' }, settings: { targetConnections: 200_000 } },
  ],
  invalid: [
    {
      name: 'the example deployment',
      files: { 'sysctl.conf': 'net.netfilter.nf_conntrack_max = 262144\n' },
      errors: [{ text: '262144', message: /nf_conntrack_max = 262144 lets the firewall track only 262,144 connections, fewer than the 1,000,000/ }],
      output: { 'sysctl.conf': 'net.netfilter.nf_conntrack_max = 1000000\n' },
    },
    {
      name: 'the name set last decides',
      files: { 'sysctl.conf': 'net.nf_conntrack_max = 2000000\nnet.netfilter.nf_conntrack_max = 65536\n' },
      errors: [{ text: '65536', line: 2, message: /^net\.netfilter\.nf_conntrack_max = 65536/ }],
      output: { 'sysctl.conf': 'net.nf_conntrack_max = 2000000\nnet.netfilter.nf_conntrack_max = 1000000\n' },
    },
    {
      name: 'the older name alone',
      files: { 'sysctl.conf': 'net.nf_conntrack_max=131072\n' },
      errors: [{ text: '131072', message: /^net\.nf_conntrack_max = 131072/ }],
      output: { 'sysctl.conf': 'net.nf_conntrack_max=1000000\n' },
    },
  ],
});
