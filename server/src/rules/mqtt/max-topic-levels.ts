import type { Rule } from '../types';
import { docsPath } from '../types';
import { defaultNote } from '../messages';
import { settingFact } from '../helpers/mqttSettings';

const id = 'mqtt/max-topic-levels';
const LIMIT = 10;

export const rule: Rule = {
  id,
  severity: 'info',
  fixable: true,
  docs: { title: 'Topics may be very deep', path: docsPath(id) },
  check({ model, report }) {
    const path = ['mqtt', 'max_topic_levels'];
    const fact = settingFact(model, path, 128);
    if (!fact) return;
    const levels = Number(fact.value);
    // 4.x reads 0 as "no limit".
    if (!Number.isFinite(levels) || (levels > 0 && levels <= LIMIT)) return;
    const shown = levels === 0 ? '0 (no limit)' : String(levels);
    report({
      file: fact.origin.file,
      span: fact.origin.span,
      message: `mqtt.max_topic_levels is ${shown}${defaultNote(model, fact)}, above ${LIMIT}: deep topic names and filters make every subscription and route lookup costlier and give abusive clients a cheap way to load the broker.`,
      fixes: [{ title: `Set mqtt.max_topic_levels = ${LIMIT}`, edits: model.edits.setSetting(path, LIMIT), preferred: true, safe: true }],
    });
  },
};
