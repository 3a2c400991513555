import type { Rule } from '../types';
import { docsPath } from '../types';
import type { DeploymentModel, Listener } from '../../model/deploymentModel';
import { isDigit, isWhitespace, runStartBefore } from '../../core/scan';

const id = 'ports/listener-protocol-mismatch';

/** The port each listener type conventionally uses; clients and firewalls assume TLS on the TLS ones. */
const CONVENTIONAL: Partial<Record<Listener['type'], number>> = { tcp: 1883, ws: 8083, http: 18083, ssl: 8883, wss: 8084, https: 18084 };
const CLEARTEXT_PORTS = new Map([[1883, 'MQTT over TCP'], [8083, 'MQTT over WebSocket'], [18083, 'the dashboard over HTTP']]);
const TLS_PORTS = new Map([[8883, 'MQTT over TLS'], [8084, 'MQTT over secure WebSocket'], [18084, 'the dashboard over HTTPS']]);

/** Where a listener's bind lives: `<listener>.bind` in HOCON, the listener key itself in 4.x. */
export function bindPath(model: DeploymentModel, listener: Listener): string[] {
  return model.emqx?.format === 'emqx4' ? listener.path : [...listener.path, 'bind'];
}

/** `value` with the number at its end (before trailing blanks) replaced by `port`; unchanged without one. */
function replaceTrailingNumber(value: string, port: number): string {
  const end = runStartBefore(value, isWhitespace);
  const start = runStartBefore(value, isDigit, end);
  return start === end ? value : value.slice(0, start) + port + value.slice(end);
}

/** The bind value with its port replaced, in the form it was written (bare port or address:port). */
function withPort(value: unknown, port: number): string | number | undefined {
  if (typeof value === 'number') return port;
  if (typeof value !== 'string') return undefined;
  return /^\s*\d+\s*$/.test(value) ? String(port) : replaceTrailingNumber(value, port);
}

function label(l: Listener): string {
  return l.kind === 'dashboard' ? `dashboard ${l.type} listener` : `${l.type} listener ${l.name}`;
}

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'A listener uses the port of the other protocol', path: docsPath(id) },
  check({ model, report }) {
    for (const l of model.listeners) {
      if (!l.enabled.value || l.port === undefined) continue;
      const expected = CONVENTIONAL[l.type];
      if (expected === undefined) continue;
      const usual = l.tls ? CLEARTEXT_PORTS.get(l.port) : TLS_PORTS.get(l.port);
      if (!usual) continue;
      const consequence = l.tls
        ? 'clients that pick the port by convention speak cleartext to a TLS listener and fail, and firewall rules written for a cleartext port now guard TLS'
        : 'clients and operators expect encryption there but get cleartext, so credentials may be sent unprotected to a port everyone believes is TLS';
      const bind = withPort(l.bind.value, expected);
      const edits = bind === undefined ? [] : model.edits.setSetting(bindPath(model, l), bind);
      // Moving onto a port another listener holds would trade this finding for a conflict: offer it, never apply it blindly.
      const taken = model.listeners.some((o) => o !== l && o.enabled.value && o.port === expected);
      report({
        file: l.bind.origin.file,
        span: l.bind.origin.span,
        message: `The ${label(l)} binds port ${l.port}, the usual port of ${usual}: ${consequence}.`,
        fixes: edits.length ? [{ title: `Use port ${expected}, the usual port for this listener`, edits, preferred: true, safe: !taken }] : [],
      });
    }
  },
};
