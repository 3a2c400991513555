import { rule } from '../../../../server/src/rules/sysctl/syn-backlog-low';
import { runRuleTests } from '../ruleTester';

runRuleTests(rule, {
  valid: [
    { name: 'the tuning guide values', files: { 'sysctl.conf': 'net.core.somaxconn = 32768\nnet.ipv4.tcp_max_syn_backlog = 16384\n' } },
    { name: 'higher values', files: { 'sysctl.d/60-net.conf': 'net.core.somaxconn=65535\nnet.ipv4.tcp_max_syn_backlog=65535\n' } },
    { name: 'no sysctl file', files: { 'emqx.conf': 'node.name = "emqx@127.0.0.1"\n' } },
  ],
  invalid: [
    {
      name: 'the example deployment: both queues short',
      files: { 'sysctl.conf': 'net.core.somaxconn = 1024\nnet.ipv4.tcp_max_syn_backlog = 2048\n' },
      errors: [
        { text: '1024', line: 1, message: /net\.core\.somaxconn = 1024 holds at most 1,024 accepted connections/ },
        { text: '2048', line: 2, message: /tcp_max_syn_backlog = 2048 holds at most 2,048 half-open connections/ },
      ],
      output: { 'sysctl.conf': 'net.core.somaxconn = 32768\nnet.ipv4.tcp_max_syn_backlog = 2048\n' },
    },
    {
      name: 'one absent from a tuned deployment',
      files: { 'sysctl.conf': 'net.core.somaxconn = 32768\n' },
      errors: [{ line: 1, message: /tcp_max_syn_backlog is not set, so the kernel default/ }],
      output: { 'sysctl.conf': 'net.core.somaxconn = 32768\nnet.ipv4.tcp_max_syn_backlog = 16384\n' },
    },
  ],
});
