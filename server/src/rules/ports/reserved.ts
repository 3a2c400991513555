import type { Rule } from '../types';
import { docsPath } from '../types';
import { EPMD_PORT, addressesOverlap, epmdMode, internalPorts } from '../../model/ports';
import { listenerLabel } from './conflict';
import { distListenRange } from './dist-port-mismatch';

const id = 'ports/reserved';

export const rule: Rule = {
  id,
  severity: 'error',
  fixable: false,
  docs: { title: 'A listener binds a port EMQX needs for itself', path: docsPath(id) },
  check({ model, report }) {
    if (!model.emqx) return;
    const epmd = epmdMode(model);
    const internal = internalPorts(model);
    for (const l of model.listeners) {
      if (!l.enabled.value || l.port === undefined || l.type === 'quic') continue;
      const at = { file: l.bind.origin.file, span: l.bind.origin.span };
      if (l.port === EPMD_PORT) {
        // EMQX runs without epmd (ekka), so the port is only taken when epmd runs: 4.x with WITH_EPMD=1, or other Erlang software.
        report({
          ...at,
          severity: epmd ? 'error' : 'warning',
          message: epmd
            ? `The ${listenerLabel(l)} binds port ${EPMD_PORT}, which epmd holds because WITH_EPMD is set; the listener cannot start.`
            : `The ${listenerLabel(l)} binds port ${EPMD_PORT}, the Erlang port mapper's port: EMQX does not start epmd itself, but any other Erlang program on the host does, and then this listener cannot start.`,
        });
        continue;
      }
      const clash = internal.find((p) => p.port === l.port && addressesOverlap(p.address, l.address));
      if (!clash) continue;
      const what = clash.what === 'distribution' ? 'Erlang distribution port' : 'inter-node RPC (gen_rpc) port';
      report({
        ...at,
        message: `The ${listenerLabel(l)} binds port ${l.port}, which is this node's ${what} (${clash.reason}); the node opens that port at boot, so the listener fails to start.`,
        related: clash.origin ? [{ file: clash.origin.file, span: clash.origin.span, message: `the ${what} ${clash.port} comes from here` }] : undefined,
      });
    }
    // With epmd (4.x, WITH_EPMD=1) the distribution listens in its configured range, which must not include epmd's own port.
    // The VM tries each port of the range, so only a range of 4369 alone fails.
    const range = epmd ? distListenRange(model) : [];
    if (range.length > 0 && range.every((b) => b.port === EPMD_PORT)) {
      for (const bound of range) {
        report({
          file: bound.origin.file,
          span: bound.origin.span,
          message: `${bound.setting} is ${EPMD_PORT}, epmd's own port: with WITH_EPMD set, epmd holds it and the distribution listener cannot start there.`,
        });
      }
    }
  },
};
