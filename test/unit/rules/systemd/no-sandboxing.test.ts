import { rule } from '../../../../server/src/rules/systemd/no-sandboxing';
import { runRuleTests } from '../ruleTester';

const HARDENED = [
  'NoNewPrivileges=true', 'ProtectSystem=full', 'ProtectHome=true', 'PrivateTmp=true', 'PrivateDevices=true',
  'ProtectKernelTunables=true', 'ProtectKernelModules=true', 'ProtectControlGroups=true', 'RestrictSUIDSGID=true', 'LockPersonality=true',
].join('\n');

runRuleTests(rule, {
  valid: [
    { name: 'a hardened unit', files: { 'emqx.service': `[Service]\nUser=emqx\nExecStart=/usr/bin/emqx foreground\n${HARDENED}\n` } },
    { name: 'one protection is enough to show intent', files: { 'emqx.service': '[Service]\nExecStart=/usr/bin/emqx foreground\nPrivateTmp=yes\n' } },
    { name: 'sandboxing from a drop-in', files: { 'emqx.service': '[Service]\nExecStart=/usr/bin/emqx foreground\n', 'emqx.service.d/harden.conf': '[Service]\nProtectSystem=strict\n' } },
    { name: 'not an EMQX unit', files: { 'cron.service': '[Service]\nExecStart=/usr/sbin/cron -f\n' } },
  ],
  invalid: [
    {
      name: "EMQX's shipped unit has none",
      files: { 'emqx.service': '[Service]\nUser=emqx\nGroup=emqx\nExecStart=/bin/bash /usr/bin/emqx foreground\nLimitNOFILE=1048576\n\n[Install]\nWantedBy=multi-user.target\n' },
      errors: [{ text: '[Service]', line: 1, message: /sets none of NoNewPrivileges=, ProtectSystem=, PrivateTmp= or ProtectHome=/ }],
      output: { 'emqx.service': `[Service]\nUser=emqx\nGroup=emqx\nExecStart=/bin/bash /usr/bin/emqx foreground\nLimitNOFILE=1048576\n${HARDENED}\n\n[Install]\nWantedBy=multi-user.target\n` },
    },
    {
      name: 'an empty assignment does not count',
      files: { 'emqx.service': '[Service]\nExecStart=/usr/bin/emqx foreground\nReadWritePaths=/var/lib/emqx\n', 'emqx.service.d/x.conf': '[Service]\nPrivateTmp=\n' },
      errors: [{ file: 'emqx.service', line: 1 }],
    },
  ],
});
