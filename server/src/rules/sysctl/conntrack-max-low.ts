import type { Rule } from '../types';
import { docsPath } from '../types';
import { CONNTRACK_MAX_KEYS, effectiveSysctl, grouped, integerValue, setSysctlEdits } from '../helpers/sysctlKernel';

const id = 'sysctl/conntrack-max-low';

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'The connection tracking table is smaller than the target connection count', path: docsPath(id) },
  check({ model, settings, report }) {
    // Absent: the table exists only when netfilter tracks connections, and its default scales with RAM.
    const effective = effectiveSysctl(model, CONNTRACK_MAX_KEYS);
    const value = effective && integerValue(effective.fact.value);
    if (!effective || value === undefined) return;
    const target = settings.targetConnections;
    if (value >= target) return;
    report({
      file: effective.fact.origin.file,
      span: effective.fact.origin.span,
      message: `${effective.key} = ${value} lets the firewall track only ${grouped(value)} connections, fewer than the ${grouped(target)} the broker is sized for; when the table is full the kernel drops packets of new connections.`,
      fixes: [{ title: `Set ${effective.key} = ${target}`, edits: setSysctlEdits(effective, String(target)), preferred: true, safe: true }],
    });
  },
};
