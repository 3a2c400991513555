import type { Rule } from '../types';
import { docsPath } from '../types';
import { defaultNote } from '../messages';
import { enabledMqttListeners, isOn, settingFact } from '../helpers/mqttSettings';

const id = 'mqtt/flapping-detect-disabled';

/** EMQX's own thresholds, written out so they are visible and easy to tune. */
const BLOCK = `{
  enable = true
  max_count = 15
  window_time = 1m
  ban_time = 5m
}`;

export const rule: Rule = {
  id,
  severity: 'info',
  fixable: true,
  docs: { title: 'Flapping detection is off', path: docsPath(id) },
  check({ model, report }) {
    const view = model.emqx;
    if (!view) return;
    if (view.format === 'emqx4') {
      // 4.x switches it per zone; check the zones the exposed listeners use (external when none is named).
      const zones = new Set(enabledMqttListeners(model).filter((l) => l.exposed).map((l) => String(view.get([...l.path, 'zone'])?.value ?? 'external')));
      for (const zone of zones) {
        const path = ['zone', zone, 'enable_flapping_detect'];
        const fact = settingFact(model, path, 'off')!;
        if (isOn(fact.value)) continue;
        report({
          file: fact.origin.file,
          span: fact.origin.span,
          message: `${path.join('.')} is off${defaultNote(model, fact)}: a client that reconnects in a tight loop is never banned and keeps the broker busy.`,
          fixes: [{ title: `Set ${path.join('.')} = on`, edits: model.edits.setSetting(path, 'on'), preferred: true, safe: true }],
        });
      }
      return;
    }
    const path = ['flapping_detect', 'enable'];
    const fact = settingFact(model, path, false)!;
    if (isOn(fact.value)) return;
    const edits = view.get(['flapping_detect']) ? model.edits.setSetting(path, true) : model.edits.insertBlock(['flapping_detect'], BLOCK);
    report({
      file: fact.origin.file,
      span: fact.origin.span,
      message: `flapping_detect.enable is false${defaultNote(model, fact)}: a client that connects and disconnects in a tight loop is never banned and keeps the broker busy.`,
      fixes: [{ title: 'Turn flapping detection on', edits, preferred: true, safe: true }],
    });
  },
};
