import { rule } from '../../../../server/src/rules/sysctl/nr-open-low';
import { runRuleTests } from '../ruleTester';

runRuleTests(rule, {
  valid: [
    { name: 'the tuning guide value', files: { 'sysctl.conf': 'fs.file-max = 2097152\nfs.nr_open = 2097152\n' } },
    { name: 'no sysctl file: a deployment that does not tune its kernel is left alone', files: { 'emqx.service': '[Service]\nExecStart=/usr/bin/emqx foreground\nLimitNOFILE=1048576\n' } },
    { name: 'absent, but the kernel default (1048576) covers a smaller target', files: { 'sysctl.conf': 'fs.file-max = 2097152\n' }, settings: { targetConnections: 400_000 } },
    { name: 'a value that is not a number is not judged here', files: { 'sysctl.conf': 'fs.nr_open = lots\n' } },
  ],
  invalid: [
    {
      name: 'the example deployment value',
      files: { 'sysctl.conf': 'fs.file-max = 65536\nfs.nr_open = 65536\n' },
      errors: [{ text: '65536', line: 2, message: /fs\.nr_open = 65536 stops any process from opening more than 65,536 files/ }],
      output: { 'sysctl.conf': 'fs.file-max = 65536\nfs.nr_open = 2097152\n' },
    },
    {
      name: 'absent from a tuned deployment: the kernel default is below the target',
      files: { 'sysctl.conf': '# tuned for EMQX\nfs.file-max = 2097152\nnet.core.somaxconn = 32768\n' },
      errors: [{ line: 1, message: /fs\.nr_open is not set, so the kernel default of 1,048,576 files per process applies/ }],
      output: { 'sysctl.conf': '# tuned for EMQX\nfs.file-max = 2097152\nfs.nr_open = 2097152\nnet.core.somaxconn = 32768\n' },
    },
    {
      name: 'absent: the line goes into the file applied last',
      files: { 'sysctl.d/60-net.conf': 'net.core.somaxconn=32768\n', 'sysctl.d/99-fs.conf': 'fs.file-max=2097152\n' },
      errors: [{ file: 'sysctl.d/99-fs.conf', line: 1 }],
      output: { 'sysctl.d/99-fs.conf': 'fs.file-max=2097152\nfs.nr_open=2097152\n', 'sysctl.d/60-net.conf': 'net.core.somaxconn=32768\n' },
    },
    {
      name: 'a leading dash line is still applied',
      files: { 'sysctl.conf': '-fs.nr_open = 1048576\n' },
      errors: [{ text: '1048576' }],
      output: { 'sysctl.conf': '-fs.nr_open = 2097152\n' },
    },
  ],
});
