import * as path from 'node:path';
import type { Rule } from '../types';
import { docsPath } from '../types';
import { effectiveSysctl, integerValue } from '../helpers/sysctlKernel';
import { emqxUnits, limitNofile } from '../helpers/systemdUnit';
import { winningNofile } from '../limits/nofile-low';

const id = 'cross/nofile-exceeds-nr-open';

export const rule: Rule = {
  id,
  severity: 'error',
  fixable: false,
  docs: { title: 'An open-file limit is above fs.nr_open', path: docsPath(id) },
  check({ model, report }) {
    // Only an explicit fs.nr_open: when absent, systemd 240+ raises it at boot, and sysctl/nr-open-low
    // covers hosts that keep the kernel default.
    const nrOpen = effectiveSysctl(model, ['fs.nr_open']);
    const ceiling = nrOpen && integerValue(nrOpen.fact.value);
    if (!nrOpen || ceiling === undefined) return;
    const ceilingAt = { file: nrOpen.fact.origin.file, span: nrOpen.fact.origin.span, message: `fs.nr_open = ${ceiling}: no process may open more files than this` };
    const where = path.basename(nrOpen.fact.origin.file);
    for (const unit of emqxUnits(model)) {
      const current = limitNofile(unit);
      const highest = current?.limit ? Math.max(current.limit.soft, current.limit.hard) : undefined;
      // infinity is not applied as such: systemd lowers it to what the kernel allows.
      if (!current || highest === undefined || !Number.isFinite(highest) || highest <= ceiling) continue;
      const at = { file: current.source.file, span: current.source.entry.valueSpan };
      report({
        ...at,
        message: `LimitNOFILE=${current.value} in ${unit.name} is above fs.nr_open = ${ceiling} (${where}), which the kernel enforces: older systemd refuses to start the service (status 205/LIMITS) and newer systemd silently runs EMQX with a lower limit.`,
        related: [ceilingAt, { ...at, message: `LimitNOFILE=${current.value}: the limit systemd asks the kernel for` }],
      });
    }
    const reported = new Set<unknown>();
    for (const type of ['soft', 'hard'] as const) {
      const line = winningNofile(model.limits, type);
      if (!line || reported.has(line.entry) || !/^\d+$/.test(line.entry.value.text) || Number(line.entry.value.text) <= ceiling) continue;
      reported.add(line.entry);
      const at = { file: line.file.file, span: line.entry.value };
      const text = `${line.entry.domain.text} ${line.entry.type.text} nofile ${line.entry.value.text}`;
      report({
        ...at,
        message: `${text} in ${path.basename(line.file.file)} is above fs.nr_open = ${ceiling} (${where}): pam_limits cannot apply it, so logins as the emqx user fail or keep a lower limit.`,
        related: [ceilingAt, { ...at, message: `${text}: the limit pam_limits asks the kernel for` }],
      });
    }
  },
};
