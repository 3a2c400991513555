import type { Rule } from '../types';
import { docsPath } from '../types';
import type { Listener } from '../../model/deploymentModel';
import { addressesOverlap, bareAddress, internalPorts, isWildcardAddress } from '../../model/ports';

const id = 'ports/conflict';

/** QUIC listens on UDP; it can share a number with a TCP listener. */
function transport(l: Listener): 'udp' | 'tcp' {
  return l.type === 'quic' ? 'udp' : 'tcp';
}

export function listenerLabel(l: Listener): string {
  return l.kind === 'dashboard' ? `dashboard ${l.type} listener` : `${l.type} listener ${l.name}`;
}

function where(l: Listener): string {
  return l.bind.explicit ? `${l.address}:${l.port}` : `${l.address}:${l.port}, EMQX's default`;
}

export const rule: Rule = {
  id,
  severity: 'error',
  fixable: false,
  docs: { title: 'Two listeners bind the same port', path: docsPath(id) },
  check({ model, report }) {
    const active = model.listeners.filter((l) => l.enabled.value && l.port !== undefined && l.port !== 0);
    // Each listener is compared with the first earlier one it collides with: per port and transport, the
    // first listener, the first on a wildcard address and the first per address answer that at once
    // (pairwise, 50,000 listeners took 45 s).
    const byPort = new Map<string, { first: number; wildcard?: number; byAddress: Map<string, number> }>();
    for (let j = 0; j < active.length; j++) {
      const b = active[j];
      const key = `${b.port}/${transport(b)}`;
      const seen = byPort.get(key);
      if (!seen) {
        byPort.set(key, { first: j, wildcard: isWildcardAddress(b.address) ? j : undefined, byAddress: new Map([[bareAddress(b.address), j]]) });
        continue;
      }
      const same = seen.byAddress.get(bareAddress(b.address));
      const i = isWildcardAddress(b.address) ? seen.first : Math.min(seen.wildcard ?? Infinity, same ?? Infinity);
      if (seen.wildcard === undefined && isWildcardAddress(b.address)) seen.wildcard = j;
      if (same === undefined) seen.byAddress.set(bareAddress(b.address), j);
      if (i === Infinity) continue;
      const a = active[i];
      // Report on the listener someone wrote down; the other one is the related location.
      const [here, other] = a.bind.explicit && !b.bind.explicit ? [a, b] : [b, a];
      report({
        file: here.bind.origin.file,
        span: here.bind.origin.span,
        message: `The ${listenerLabel(here)} binds ${where(here)}, which the ${listenerLabel(other)} also binds (${where(other)}); whichever starts second fails with "address already in use".`,
        related: [{ file: other.bind.origin.file, span: other.bind.origin.span, message: `the ${listenerLabel(other)} binds port ${other.port} here` }],
      });
    }
    // With manual RPC discovery the RPC port is chosen by hand and can land on the distribution port.
    const [dist, rpc] = ['distribution', 'rpc'].map((w) => internalPorts(model).find((p) => p.what === w));
    if (model.emqx && dist && rpc?.origin && rpc.port === dist.port && addressesOverlap(dist.address, rpc.address)) {
      report({
        file: rpc.origin.file,
        span: rpc.origin.span,
        message: `The RPC port ${rpc.port} (${rpc.reason}) is also the Erlang distribution port (${dist.reason}); the node cannot open both and fails to start.`,
        related: dist.origin ? [{ file: dist.origin.file, span: dist.origin.span, message: `the distribution port ${dist.port} comes from here` }] : undefined,
      });
    }
  },
};
