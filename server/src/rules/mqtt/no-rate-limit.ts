import type { FileEdit } from '../../core/text';
import type { Rule } from '../types';
import { docsPath } from '../types';
import { joinEdits } from '../../model/edits';
import { parseRate } from '../../schema';
import { enabledMqttListeners, listenerName } from '../helpers/mqttSettings';

const id = 'mqtt/no-rate-limit';

/** Limits the fix writes (5.1+): generous enough for ordinary devices, low enough to stop a flood. */
const DEFAULT_LIMITS: Record<string, string> = { max_conn_rate: '1000/s', messages_rate: '1000/s', bytes_rate: '1MB/s' };

export const rule: Rule = {
  id,
  severity: 'info',
  fixable: true,
  docs: { title: 'An exposed listener has no rate limits', path: docsPath(id) },
  check({ model, report }) {
    const view = model.emqx;
    if (!view) return;
    for (const l of enabledMqttListeners(model)) {
      if (!l.exposed) continue;
      const name = listenerName(l);
      const at = view.get(l.path)?.origin ?? view.anchor([...l.path, 'max_conn_rate']);
      const where = { file: at.file, span: at.keySpan ?? at.span };
      if (view.format === 'emqx4') {
        if (view.get([...l.path, 'max_conn_rate'])) continue;
        report({
          ...where,
          message: `${name} sets no max_conn_rate: a reconnect storm or a connection flood reaches the broker at full speed.`,
          fixes: [{ title: `Set ${name}.max_conn_rate = 1000`, edits: model.edits.setSetting([...l.path, 'max_conn_rate'], '1000'), preferred: true, safe: false }],
        });
      } else if (model.version === '5.0') {
        if (view.get([...l.path, 'limiter'])) continue;
        report({ ...where, message: `${name} has no limiter: connections, messages and bytes reach the broker at any rate a client chooses.` });
      } else {
        const unlimited = Object.keys(DEFAULT_LIMITS).filter((k) => {
          const rate = parseRate(view.get([...l.path, k])?.value);
          return rate === undefined || rate === 'infinity';
        });
        const noConnLimit = unlimited.includes('max_conn_rate');
        const noClientLimit = unlimited.includes('messages_rate') && unlimited.includes('bytes_rate');
        if (!noConnLimit && !noClientLimit) continue;
        const missing = [...(noConnLimit ? ['new connections (max_conn_rate)'] : []), ...(noClientLimit ? ['what each client sends (messages_rate, bytes_rate)'] : [])];
        const edits: FileEdit[] = joinEdits(unlimited.flatMap((k) => model.edits.setSetting([...l.path, k], DEFAULT_LIMITS[k])));
        report({
          ...where,
          message: `${name} puts no limit on ${missing.join(' or on ')}: one misbehaving client or a reconnect storm gets the broker's full capacity.`,
          fixes: [{ title: `Set ${unlimited.map((k) => `${k} = "${DEFAULT_LIMITS[k]}"`).join(', ')}`, edits, preferred: true, safe: false }],
        });
      }
    }
  },
};
