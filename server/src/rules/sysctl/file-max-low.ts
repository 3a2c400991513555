import type { Rule } from '../types';
import { docsPath } from '../types';
import { descriptorTarget, effectiveSysctl, grouped, integerValue, setSysctlEdits } from '../helpers/sysctlKernel';

const id = 'sysctl/file-max-low';
const KEY = 'fs.file-max';

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'fs.file-max is too low for the target connection count', path: docsPath(id) },
  check({ model, settings, report }) {
    // Absent: the kernel sizes it from RAM and systemd 240+ raises it to the maximum at boot, so there is
    // no known low value to report.
    const effective = effectiveSysctl(model, [KEY]);
    const value = effective && integerValue(effective.fact.value);
    if (!effective || value === undefined) return;
    const target = descriptorTarget(settings);
    if (value >= target) return;
    report({
      file: effective.fact.origin.file,
      span: effective.fact.origin.span,
      message: `${KEY} = ${value} caps the whole host at ${grouped(value)} open files, below the ${grouped(target)} needed for ${grouped(settings.targetConnections)} connections: once it is reached the kernel refuses new sockets and clients cannot connect.`,
      fixes: [{ title: `Set ${KEY} = ${target}`, edits: setSysctlEdits(effective, String(target)), preferred: true, safe: true }],
    });
  },
};
