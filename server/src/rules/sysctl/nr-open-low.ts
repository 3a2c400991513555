import type { Rule } from '../types';
import { docsPath } from '../types';
import { sysctlKeyInfo } from '../../schema';
import { absentLocation, descriptorTarget, effectiveSysctl, grouped, insertSysctlEdits, integerValue, setSysctlEdits } from '../helpers/sysctlKernel';

const id = 'sysctl/nr-open-low';
const KEY = 'fs.nr_open';

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'fs.nr_open is too low for the target connection count', path: docsPath(id) },
  check({ model, settings, report }) {
    const target = descriptorTarget(settings);
    const fix = (edits: ReturnType<typeof setSysctlEdits>) => [{ title: `Set ${KEY} = ${target}`, edits, preferred: true, safe: true }];
    const effective = effectiveSysctl(model, [KEY]);
    if (effective) {
      const value = integerValue(effective.fact.value);
      if (value === undefined || value >= target) return;
      report({
        file: effective.fact.origin.file,
        span: effective.fact.origin.span,
        message: `${KEY} = ${value} stops any process from opening more than ${grouped(value)} files, below the ${grouped(target)} needed for ${grouped(settings.targetConnections)} connections; LimitNOFILE and limits.conf cannot go past it.`,
        fixes: fix(setSysctlEdits(effective, String(target))),
      });
      return;
    }
    // Absent from a deployment that tunes its kernel: the kernel default applies unless systemd 240+ raised it
    // at boot (older systemd, such as RHEL 8's 239, does not).
    const kernelDefault = Number(sysctlKeyInfo(KEY)?.kernelDefault ?? NaN);
    const at = absentLocation(model);
    if (!at || !(kernelDefault < target)) return;
    report({
      ...at,
      message: `${KEY} is not set, so the kernel default of ${grouped(kernelDefault)} files per process applies on hosts whose systemd does not raise it (before version 240), below the ${grouped(target)} needed for ${grouped(settings.targetConnections)} connections.`,
      fixes: fix(insertSysctlEdits(model, KEY, String(target))),
    });
  },
};
