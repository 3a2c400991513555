import type { Rule } from '../types';
import { docsPath } from '../types';
import { defaultNote } from '../messages';
import { isOn, settingFact } from '../helpers/mqttSettings';

const id = 'mqtt/overload-protection-disabled';

/** EMQX's own backoff settings, written out so they are visible and easy to tune. */
const BLOCK = `{
  enable = true
  backoff_delay = 1
  backoff_gc = false
  backoff_hibernation = true
  backoff_new_conn = true
}`;

export const rule: Rule = {
  id,
  severity: 'info',
  fixable: true,
  docs: { title: 'Overload protection is off', path: docsPath(id) },
  check({ model, report }) {
    const view = model.emqx;
    // 4.x has no overload_protection section.
    if (!view || view.format === 'emqx4') return;
    const path = ['overload_protection', 'enable'];
    const fact = settingFact(model, path, false)!;
    if (isOn(fact.value)) return;
    const edits = view.get(['overload_protection']) ? model.edits.setSetting(path, true) : model.edits.insertBlock(['overload_protection'], BLOCK);
    report({
      file: fact.origin.file,
      span: fact.origin.span,
      message: `overload_protection.enable is false${defaultNote(model, fact)}: when the node runs out of CPU or memory headroom it keeps accepting new connections instead of shedding load.`,
      fixes: [{ title: 'Turn overload protection on', edits, preferred: true, safe: true }],
    });
  },
};
