import type { Rule } from '../types';
import { docsPath } from '../types';
import { parseBytesize } from '../../schema';

const id = 'mqtt/max-packet-size';
const LIMIT = 1024 * 1024;

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'MQTT packets may be larger than 1MB', path: docsPath(id) },
  check({ model, report }) {
    const path = ['mqtt', 'max_packet_size'];
    // The default (1MB) is fine: only an explicit larger value is reported.
    const fact = model.emqx?.get(path);
    if (!fact) return;
    const bytes = parseBytesize(fact.value);
    if (bytes === undefined || bytes <= LIMIT) return;
    report({
      file: fact.origin.file,
      span: fact.origin.span,
      message: `mqtt.max_packet_size is ${String(fact.value)}, above 1MB: every connection may make EMQX buffer a packet that large, so a few clients can exhaust the broker's memory.`,
      fixes: [{ title: 'Set mqtt.max_packet_size = 1MB', edits: model.edits.setSetting(path, '1MB'), preferred: true, safe: true }],
    });
  },
};
