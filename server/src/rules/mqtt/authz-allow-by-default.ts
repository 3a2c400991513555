import type { Rule } from '../types';
import { docsPath } from '../types';
import { defaultNote } from '../messages';
import { settingFact } from '../helpers/mqttSettings';

const id = 'mqtt/authz-allow-by-default';

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'Authorization allows what no rule matches', path: docsPath(id) },
  check({ model, report }) {
    const view = model.emqx;
    if (!view) return;
    const flat = view.format === 'emqx4';
    const path = flat ? ['acl_nomatch'] : ['authorization', 'no_match'];
    // EMQX 6.0 changed the default to deny; 4.x and 5.x allow.
    const fact = settingFact(model, path, model.version === '6' ? 'deny' : 'allow')!;
    if (fact.value !== 'allow') return;
    report({
      file: fact.origin.file,
      span: fact.origin.span,
      message: `${path.join('.')} is "allow"${defaultNote(model, fact)}: a publish or subscribe that no authorization rule matches goes through, so every gap in the ACL becomes access.`,
      fixes: [{ title: `Set ${path.join('.')} = deny`, edits: model.edits.setSetting(path, 'deny'), preferred: true, safe: true }],
    });
  },
};
