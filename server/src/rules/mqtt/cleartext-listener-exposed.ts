import type { Fix, Rule } from '../types';
import { docsPath } from '../types';
import { defaultNote, shownValue } from '../messages';
import { enabledMqttListeners, listenerName } from '../helpers/mqttSettings';

const id = 'mqtt/cleartext-listener-exposed';

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'A cleartext MQTT listener is open on every interface', path: docsPath(id) },
  check({ model, report }) {
    const view = model.emqx;
    if (!view) return;
    for (const l of enabledMqttListeners(model)) {
      if ((l.type !== 'tcp' && l.type !== 'ws') || !l.exposed) continue;
      const name = listenerName(l);
      const fixes: Fix[] = [];
      if (l.port !== undefined) {
        // 4.x writes the bind as the listener key's own value; 5.x/6.x under `bind`.
        const bindPath = view.format === 'emqx4' ? l.path : [...l.path, 'bind'];
        fixes.push({
          title: `Bind ${name} to 127.0.0.1:${l.port} (clients on this host only)`,
          edits: model.edits.setSetting(bindPath, `127.0.0.1:${l.port}`),
          preferred: true,
          // Cuts off every remote client: a choice between this, turning the listener off and moving clients to TLS.
          safe: false,
        });
      }
      if (view.format === 'hocon') {
        fixes.push({ title: `Turn ${name} off (enable = false)`, edits: model.edits.setSetting([...l.path, 'enable'], false), safe: false });
      }
      const transport = l.type === 'tcp' ? 'plain TCP' : 'plain WebSocket';
      report({
        file: l.bind.origin.file,
        span: l.bind.origin.span,
        message: `${name} binds ${view.format === 'emqx4' ? String(l.bind.value) : shownValue(l.bind.value)}${defaultNote(model, l.bind)}, every interface, over ${transport}: usernames, passwords and payloads cross the network unencrypted.`,
        fixes,
      });
    }
  },
};
