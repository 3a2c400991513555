import type { Rule } from '../types';
import { docsPath } from '../types';
import { sysctlKeyInfo } from '../../schema';
import { absentLocation, effectiveSysctl, grouped, insertSysctlEdits, integerValue, setSysctlEdits } from '../helpers/sysctlKernel';

const id = 'sysctl/syn-backlog-low';

/** The two queues a burst of connection attempts goes through, with the kernel's default for messages. */
const QUEUES = [
  { key: 'net.ipv4.tcp_max_syn_backlog', role: 'half-open connections waiting for the handshake to finish', kernelDefault: '128 to a few thousand, scaled with memory' },
  { key: 'net.core.somaxconn', role: 'accepted connections waiting for the broker to pick them up', kernelDefault: '4096 since Linux 5.4, 128 before' },
];

export const rule: Rule = {
  id,
  severity: 'info',
  fixable: true,
  docs: { title: 'The kernel queues for new connections are short', path: docsPath(id) },
  check({ model, report }) {
    for (const queue of QUEUES) {
      const recommended = sysctlKeyInfo(queue.key)?.recommended;
      if (!recommended) continue;
      const floor = Number(recommended);
      const title = `Set ${queue.key} = ${recommended}`;
      const effective = effectiveSysctl(model, [queue.key]);
      if (effective) {
        const value = integerValue(effective.fact.value);
        if (value === undefined || value >= floor) continue;
        report({
          file: effective.fact.origin.file,
          span: effective.fact.origin.span,
          message: `${queue.key} = ${value} holds at most ${grouped(value)} ${queue.role}, below ${grouped(floor)}: after a restart or network blip the reconnecting clients overflow it and are refused or retried slowly.`,
          fixes: [{ title, edits: setSysctlEdits(effective, recommended), preferred: true, safe: true }],
        });
        continue;
      }
      // Absent from a deployment that tunes its kernel: every kernel default is below the floor.
      const at = absentLocation(model);
      if (!at) continue;
      report({
        ...at,
        message: `${queue.key} is not set, so the kernel default (${queue.kernelDefault}) limits the ${queue.role}, below ${grouped(floor)}; a reconnect storm overflows it.`,
        fixes: [{ title, edits: insertSysctlEdits(model, queue.key, recommended), preferred: true, safe: true }],
      });
    }
  },
};
