import type { Rule } from '../types';
import { docsPath } from '../types';
import { sysctlKeyInfo } from '../../schema';
import { effectiveSysctl, setSysctlEdits } from '../helpers/sysctlKernel';

const id = 'sysctl/syncookies-disabled';
const KEY = 'net.ipv4.tcp_syncookies';

export const rule: Rule = {
  id,
  severity: 'error',
  fixable: true,
  docs: { title: 'SYN cookies are turned off', path: docsPath(id) },
  check({ model, report }) {
    // Absent: the kernel default (1) keeps SYN cookies on.
    const effective = effectiveSysctl(model, [KEY]);
    if (!effective || effective.fact.value.trim() !== '0') return;
    const value = sysctlKeyInfo(KEY)?.recommended ?? '1';
    report({
      file: effective.fact.origin.file,
      span: effective.fact.origin.span,
      message: `${KEY} = 0 turns SYN cookies off, so a SYN flood fills the half-open connection queue and the broker stops accepting real MQTT clients.`,
      fixes: [{ title: `Set ${KEY} = ${value}`, edits: setSysctlEdits(effective, value), preferred: true, safe: true }],
    });
  },
};
