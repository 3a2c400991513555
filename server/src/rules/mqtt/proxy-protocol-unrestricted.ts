import type { Rule } from '../types';
import { docsPath } from '../types';
import { enabledMqttListeners, isOn, listenerName } from '../helpers/mqttSettings';

const id = 'mqtt/proxy-protocol-unrestricted';
const PLACEHOLDER_RULES = ['allow 10.0.0.0/8', 'deny all'];

/** True when the rules let any address in: no `deny all` before an `allow all` (esockd allows what no rule matches). */
export function allowsAll(rules: readonly string[]): boolean {
  for (const raw of rules) {
    for (const part of raw.split(',')) {
      const rule = part.trim().toLowerCase().replace(/\s+/g, ' ');
      if (rule === 'deny all') return false;
      if (rule === 'allow all') return true;
    }
  }
  return true;
}

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'PROXY protocol is accepted from any address', path: docsPath(id) },
  check({ model, report }) {
    const view = model.emqx;
    if (!view) return;
    const flat = view.format === 'emqx4';
    for (const l of enabledMqttListeners(model)) {
      const proxy = view.get([...l.path, 'proxy_protocol']);
      if (!proxy || !isOn(proxy.value)) continue;
      let rules: string[];
      if (flat) {
        // 4.x: listener.tcp.external.access.1 = allow all, access.2 = ..., applied in numeric order.
        const numbers = view.childNames([...l.path, 'access']).filter((n) => /^\d+$/.test(n)).sort((a, b) => Number(a) - Number(b));
        rules = numbers.map((n) => String(view.get([...l.path, 'access', n])?.value ?? ''));
      } else {
        const value = view.get([...l.path, 'access_rules'])?.value ?? ['allow all'];
        rules = Array.isArray(value) ? value.map(String) : [String(value)];
      }
      if (!allowsAll(rules)) continue;
      const name = listenerName(l);
      report({
        file: proxy.origin.file,
        span: proxy.origin.span,
        message: `${name} trusts PROXY protocol headers while its access rules still let every address in: anyone who reaches the port can claim any source address and slip past IP-based rules, bans and logs.`,
        fixes: flat ? [] : [{
          title: `Admit only the load balancer on ${name} (replace 10.0.0.0/8 with its address)`,
          edits: model.edits.setSetting([...l.path, 'access_rules'], PLACEHOLDER_RULES),
          preferred: true,
          safe: false,
        }],
      });
    }
  },
};
