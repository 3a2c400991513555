import type { Rule } from '../types';
import { docsPath } from '../types';
import { defaultNote } from '../messages';
import { settingFact } from '../helpers/mqttSettings';

const id = 'mqtt/authz-deny-action-ignore';

export const rule: Rule = {
  id,
  severity: 'info',
  fixable: true,
  docs: { title: 'Denied clients stay connected', path: docsPath(id) },
  check({ model, report }) {
    const view = model.emqx;
    if (!view) return;
    const path = view.format === 'emqx4' ? ['acl_deny_action'] : ['authorization', 'deny_action'];
    const fact = settingFact(model, path, 'ignore')!;
    if (fact.value !== 'ignore') return;
    report({
      file: fact.origin.file,
      span: fact.origin.span,
      message: `${path.join('.')} is "ignore"${defaultNote(model, fact)}: a client whose publish or subscribe is denied stays connected and can keep probing topics.`,
      fixes: [{ title: `Set ${path.join('.')} = disconnect`, edits: model.edits.setSetting(path, 'disconnect'), preferred: true, safe: true }],
    });
  },
};
