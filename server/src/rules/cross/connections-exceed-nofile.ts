import type { Rule, RelatedLocation } from '../types';
import { docsPath } from '../types';
import { grouped } from '../helpers/sysctlKernel';
import { emqxUnits, limitNofile } from '../helpers/systemdUnit';

const id = 'cross/connections-exceed-nofile';

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: false,
  docs: { title: "The listeners' connection limits add up to more than LimitNOFILE", path: docsPath(id) },
  check({ model, report }) {
    const view = model.emqx;
    if (!view) return;
    let total = 0;
    const related: RelatedLocation[] = [];
    for (const listener of model.listeners) {
      if (listener.kind !== 'mqtt' || !listener.enabled.value) continue;
      const fact = view.get([...listener.path, 'max_connections']);
      const raw = fact?.value;
      // Numbers only: `infinity` (the 5.x default) is mqtt/no-connection-limit's business.
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : undefined;
      if (!fact || n === undefined || !Number.isFinite(n)) continue;
      total += n;
      related.push({ file: fact.origin.file, span: fact.origin.span, message: `${listener.path.join('.')} accepts up to ${grouped(n)} connections` });
    }
    if (related.length === 0) return;
    for (const unit of emqxUnits(model)) {
      // An absent LimitNOFILE is systemd/limit-nofile-low's finding.
      const current = limitNofile(unit);
      const soft = current?.limit?.soft;
      if (!current || soft === undefined || !Number.isFinite(soft) || total <= soft) continue;
      report({
        file: current.source.file,
        span: current.source.entry.valueSpan,
        message: `The listeners' max_connections add up to ${grouped(total)}, more than LimitNOFILE=${current.value} in ${unit.name}: every connection takes a file descriptor, so EMQX runs out of them and refuses clients before its own limits are reached.`,
        related,
      });
    }
  },
};
