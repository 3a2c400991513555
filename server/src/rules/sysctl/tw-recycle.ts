import type { Rule } from '../types';
import { docsPath } from '../types';
import { removeEntry } from '../../parsers/sysctl';
import { effectiveSysctl } from '../helpers/sysctlKernel';

const id = 'sysctl/tw-recycle';
const KEY = 'net.ipv4.tcp_tw_recycle';

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'tcp_tw_recycle is turned on', path: docsPath(id) },
  check({ model, report }) {
    const effective = effectiveSysctl(model, [KEY]);
    if (!effective || effective.fact.value.trim() === '0' || effective.fact.value.trim() === '') return;
    // Every line goes: an earlier `= 1` would take over once the winning line is removed, and on Linux
    // 4.12 and later the key no longer exists, so any line only makes sysctl report an error.
    const edits = model.sysctlFiles.flatMap((f) => removeEntry(f.doc, KEY).map((e) => ({ ...e, file: f.file })));
    report({
      file: effective.fact.origin.file,
      span: effective.fact.origin.span,
      message: `${KEY} = ${effective.fact.value} makes the kernel drop connections from clients that share a NAT address (mobile networks, offices, load balancers), and Linux 4.12 removed the setting altogether.`,
      fixes: [{ title: `Remove ${KEY}`, edits, preferred: true, safe: true }],
    });
  },
};
