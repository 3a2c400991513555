import type { Rule } from '../types';
import { docsPath } from '../types';
import { isOff } from '../helpers/mqttSettings';

const id = 'mqtt/force-shutdown-disabled';

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'Oversized client processes are never stopped', path: docsPath(id) },
  check({ model, report }) {
    const view = model.emqx;
    // 4.x has no switch for it (only zone.<name>.force_shutdown_policy), and the 5.x default is on.
    if (!view || view.format === 'emqx4') return;
    const path = ['force_shutdown', 'enable'];
    const fact = view.get(path);
    if (!fact || !isOff(fact.value)) return;
    report({
      file: fact.origin.file,
      span: fact.origin.span,
      message: 'force_shutdown.enable is false: a client whose mailbox or heap keeps growing is never stopped, so one slow or abusive connection can take the node down.',
      fixes: [{ title: 'Set force_shutdown.enable = true', edits: model.edits.setSetting(path, true), preferred: true, safe: true }],
    });
  },
};
