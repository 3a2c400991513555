import { rule } from '../../../../server/src/rules/sysctl/syncookies-disabled';
import { runRuleTests } from '../ruleTester';

runRuleTests(rule, {
  valid: [
    { name: 'turned on', files: { 'sysctl.conf': 'net.ipv4.tcp_syncookies = 1\n' } },
    { name: 'always on (2)', files: { 'sysctl.conf': 'net.ipv4.tcp_syncookies = 2\n' } },
    { name: 'absent: the kernel default is on', files: { 'sysctl.conf': 'fs.file-max = 2097152\n' } },
    { name: 'turned off early, back on later', files: { 'sysctl.d/10-x.conf': 'net.ipv4.tcp_syncookies = 0\n', 'sysctl.conf': 'net.ipv4.tcp_syncookies = 1\n' } },
  ],
  invalid: [
    {
      name: 'the example deployment',
      files: { 'sysctl.conf': 'net.ipv4.tcp_max_syn_backlog = 2048\nnet.ipv4.tcp_syncookies = 0\n' },
      errors: [{ text: '0', line: 2, message: /tcp_syncookies = 0 turns SYN cookies off/ }],
      output: { 'sysctl.conf': 'net.ipv4.tcp_max_syn_backlog = 2048\nnet.ipv4.tcp_syncookies = 1\n' },
    },
    {
      name: 'slash-separated key in sysctl.d',
      files: { 'sysctl.d/50-net.conf': 'net/ipv4/tcp_syncookies=0\n' },
      errors: [{ text: '0' }],
      output: { 'sysctl.d/50-net.conf': 'net/ipv4/tcp_syncookies=1\n' },
    },
  ],
});
