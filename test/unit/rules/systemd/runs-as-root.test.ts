import { rule } from '../../../../server/src/rules/systemd/runs-as-root';
import { runRuleTests } from '../ruleTester';

runRuleTests(rule, {
  valid: [
    { name: "EMQX's shipped unit", files: { 'emqx.service': '[Service]\nUser=emqx\nGroup=emqx\nExecStart=/usr/bin/emqx foreground\n' } },
    { name: 'DynamicUser=yes', files: { 'emqx.service': '[Service]\nDynamicUser=yes\nExecStart=/usr/bin/emqx foreground\n' } },
    { name: 'root set in the main unit, a user set by a drop-in', files: { 'emqx.service': '[Service]\nUser=root\n', 'emqx.service.d/user.conf': '[Service]\nUser=emqx\n' } },
    { name: 'not an EMQX unit', files: { 'backup.service': '[Service]\nExecStart=/usr/bin/restic backup\n' } },
  ],
  invalid: [
    {
      name: 'the example deployment: no User=',
      files: { 'emqx.service': '[Unit]\nDescription=EMQX\n\n[Service]\nType=simple\nExecStart=/opt/emqx/bin/emqx foreground\n\n[Install]\nWantedBy=multi-user.target\n' },
      errors: [{ text: '[Service]', line: 4, message: /emqx\.service has no User=, so EMQX runs as root/ }],
      output: { 'emqx.service': '[Unit]\nDescription=EMQX\n\n[Service]\nType=simple\nExecStart=/opt/emqx/bin/emqx foreground\nUser=emqx\nGroup=emqx\n\n[Install]\nWantedBy=multi-user.target\n' },
    },
    {
      name: 'User=root with Group=root: both set where written',
      files: { 'emqx.service': '[Service]\nUser=root\nGroup=root\nExecStart=/usr/bin/emqx foreground\n' },
      errors: [{ text: 'root', line: 2, message: /User=root in emqx\.service runs EMQX as root/ }],
      output: { 'emqx.service': '[Service]\nUser=emqx\nGroup=emqx\nExecStart=/usr/bin/emqx foreground\n' },
    },
    {
      name: 'User=0 in a drop-in, an existing group kept',
      files: { 'emqx.service': '[Service]\nGroup=mqtt\nExecStart=/usr/bin/emqx foreground\n', 'emqx.service.d/10-user.conf': '[Service]\nUser=0\n' },
      errors: [{ file: 'emqx.service.d/10-user.conf', text: '0', message: /User=0/ }],
      output: { 'emqx.service.d/10-user.conf': '[Service]\nUser=emqx\n', 'emqx.service': '[Service]\nGroup=mqtt\nExecStart=/usr/bin/emqx foreground\n' },
    },
    {
      name: 'only a drop-in in the deployment, without [Service]: one section is created',
      files: { 'emqx.service.d/override.conf': '[Unit]\nDescription=EMQX override\n' },
      errors: [{ line: 1 }],
      output: { 'emqx.service.d/override.conf': '[Unit]\nDescription=EMQX override\n\n[Service]\nUser=emqx\nGroup=emqx\n' },
    },
  ],
});
