import { rule } from '../../../../server/src/rules/sysctl/tw-recycle';
import { runRuleTests } from '../ruleTester';

runRuleTests(rule, {
  valid: [
    { name: 'absent', files: { 'sysctl.conf': 'net.ipv4.tcp_tw_reuse = 1\n' } },
    { name: 'explicitly off', files: { 'sysctl.conf': 'net.ipv4.tcp_tw_recycle = 0\n' } },
  ],
  invalid: [
    {
      name: 'the example deployment',
      files: { 'sysctl.conf': 'net.ipv4.tcp_syncookies = 1\nnet.ipv4.tcp_tw_recycle = 1\nnet.netfilter.nf_conntrack_max = 1000000\n' },
      errors: [{ text: '1', line: 2, message: /tcp_tw_recycle = 1 makes the kernel drop connections from clients that share a NAT address/ }],
      output: { 'sysctl.conf': 'net.ipv4.tcp_syncookies = 1\nnet.netfilter.nf_conntrack_max = 1000000\n' },
    },
    {
      name: 'every line goes, in every file, so an earlier one cannot take over',
      files: { 'sysctl.d/10-old.conf': 'net.ipv4.tcp_tw_recycle = 1\nnet.ipv4.tcp_fin_timeout = 15\n', 'sysctl.conf': 'net/ipv4/tcp_tw_recycle=1\n' },
      errors: [{ file: 'sysctl.conf', text: '1' }],
      output: { 'sysctl.d/10-old.conf': 'net.ipv4.tcp_fin_timeout = 15\n', 'sysctl.conf': '' },
    },
  ],
});
