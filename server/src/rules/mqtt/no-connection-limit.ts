import type { Rule } from '../types';
import { docsPath } from '../types';
import { setEmqxSetting } from '../fixes';
import { defaultNote } from '../messages';
import { enabledMqttListeners, listenerName, settingFact } from './support';

const id = 'mqtt/no-connection-limit';

export const rule: Rule = {
  id,
  severity: 'info',
  fixable: true,
  docs: { title: 'An exposed listener accepts unlimited connections', path: docsPath(id) },
  check({ model, settings, report }) {
    const view = model.emqx;
    if (!view) return;
    for (const l of enabledMqttListeners(model)) {
      if (!l.exposed) continue;
      const path = [...l.path, 'max_connections'];
      // 4.x has no `infinity` default: only an explicit one counts there.
      const fact = view.format === 'emqx4' ? view.get(path) : settingFact(model, path, 'infinity');
      if (!fact || fact.value !== 'infinity') continue;
      report({
        file: fact.origin.file,
        span: fact.origin.span,
        message: `${listenerName(l)}.max_connections is infinity${defaultNote(model, fact)}: a connection flood on this exposed listener can use up file descriptors and memory before anything stops it.`,
        fixes: [{
          title: `Set ${listenerName(l)}.max_connections = ${settings.targetConnections} (the targetConnections setting)`,
          edits: setEmqxSetting(model, path, settings.targetConnections),
          preferred: true,
          safe: false,
        }],
      });
    }
  },
};
