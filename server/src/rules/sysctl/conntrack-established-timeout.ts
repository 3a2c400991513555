import type { Rule } from '../types';
import { docsPath } from '../types';
import { sysctlKeyInfo } from '../../schema';
import { absentLocation, effectiveSysctl, grouped, insertSysctlEdits, integerValue, setSysctlEdits, tunesConntrack } from '../helpers/sysctlKernel';

const id = 'sysctl/conntrack-established-timeout';
const KEY = 'net.netfilter.nf_conntrack_tcp_timeout_established';
/** Longer than any common MQTT keep-alive (30 s to 20 min), far shorter than 5 days. */
const SUGGESTED = '3600';

export const rule: Rule = {
  id,
  severity: 'info',
  fixable: true,
  docs: { title: 'Idle connections stay in the conntrack table for days', path: docsPath(id) },
  check({ model, report }) {
    const kernelDefault = Number(sysctlKeyInfo(KEY)?.kernelDefault ?? 432000);
    const title = `Set ${KEY} = ${SUGGESTED} (1 hour)`;
    const effective = effectiveSysctl(model, [KEY]);
    if (effective) {
      const value = integerValue(effective.fact.value);
      if (value === undefined || value < kernelDefault) return;
      report({
        file: effective.fact.origin.file,
        span: effective.fact.origin.span,
        message: `${KEY} = ${value} keeps a silent connection in the conntrack table for ${grouped(Math.round(value / 3600))} hours, so connections of vanished MQTT clients fill the table long after they are gone.`,
        // Not safe: a value below the clients' keep-alive makes the firewall forget idle but live connections.
        fixes: [{ title, edits: setSysctlEdits(effective, SUGGESTED), preferred: true, safe: false }],
      });
      return;
    }
    // Absent: only worth saying when the deployment tunes conntrack (so the host tracks connections).
    const at = absentLocation(model);
    if (!at || !tunesConntrack(model)) return;
    report({
      ...at,
      message: `${KEY} is not set, so the kernel keeps a silent tracked connection for 5 days (${grouped(kernelDefault)} s) and connections of vanished MQTT clients fill the conntrack table.`,
      fixes: [{ title, edits: insertSysctlEdits(model, KEY, SUGGESTED), preferred: true, safe: false }],
    });
  },
};
