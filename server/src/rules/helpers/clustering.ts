/** Questions several erlang/* rules ask: is the node clustered, which address should it bind to, how does RPC travel. */
import { isIP } from 'node:net';
import type { DeploymentModel, Fact } from '../../model/deploymentModel';
import { settingOrDefault, type EmqxConfigView } from '../../model/emqxConfig';
import { nodeName } from '../../model/ports';

export interface Clustering {
  clustered: boolean;
  /** Why, for messages: `cluster.discovery_strategy is static`. */
  reason: string;
  strategy: Fact<unknown>;
}

/**
 * Whether the node is meant to join peers: any discovery strategy but `singleton` (5.x/6.x), which
 * includes EMQX's default `manual` (peers join with `emqx ctl cluster join`). 4.x has no singleton
 * strategy, so every 4.x node can be clustered. Undefined without an EMQX configuration.
 */
export function clustering(model: DeploymentModel): Clustering | undefined {
  const view = model.emqx;
  if (!view) return undefined;
  const path = view.format === 'emqx4' ? ['cluster', 'discovery'] : ['cluster', 'discovery_strategy'];
  const strategy = settingOrDefault(view, path, 'manual');
  const value = String(strategy.value);
  const seeds = view.get(['cluster', 'static', 'seeds'])?.value;
  const seedCount = Array.isArray(seeds) ? seeds.length : typeof seeds === 'string' ? seeds.split(',').filter((s) => s.trim()).length : 0;
  const setting = path.join('.');
  const shown = strategy.explicit ? `${setting} is ${value}` : `${setting} is ${value} (not set, so EMQX's default applies)`;
  const reason = value === 'static' && seedCount > 0 ? `${shown} with ${seedCount} seed node${seedCount === 1 ? '' : 's'}` : shown;
  return { clustered: value !== 'singleton', reason, strategy };
}

/**
 * The address to pin a node's internal listeners to: the IP in its node name (`emqx1@10.0.1.5`) when it
 * has one, else a private placeholder the user must edit.
 */
export function suggestedAddress(model: DeploymentModel): { address: string; placeholder: boolean } {
  const host = nodeName(model).value.split('@')[1] ?? '';
  if (isIP(host) && host !== '0.0.0.0' && host !== '::') return { address: host, placeholder: false };
  return { address: '10.0.0.1', placeholder: true };
}

/** An IP address written as an Erlang `inet:ip_address()` tuple: `10.0.1.5` -> `{10,0,1,5}`. */
export function addressTuple(address: string): string | undefined {
  if (isIP(address) === 4) return `{${address.split('.').map(Number).join(',')}}`;
  if (isIP(address) !== 6) return undefined;
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  if (left.concat(right).some((g) => g.includes('.'))) return undefined; // embedded IPv4: rare, left to the user
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.length === 8 ? `{${groups.map((g) => parseInt(g, 16)).join(',')}}` : undefined;
}

/** `rpc.protocol`, or its older name `rpc.driver`, with the path that sets it (default `tcp` at `rpc.protocol`). */
export function rpcProtocol(model: DeploymentModel): { path: string[]; fact: Fact<unknown> } | undefined {
  const view = model.emqx;
  if (!view || view.format !== 'hocon') return undefined;
  for (const name of ['protocol', 'driver']) {
    const fact = view.get(['rpc', name]);
    if (fact) return { path: ['rpc', name], fact };
  }
  return { path: ['rpc', 'protocol'], fact: { value: 'tcp', explicit: false, origin: view.anchor(['rpc', 'protocol']), overridden: [] } };
}

const RPC_TLS_FILES = ['certfile', 'keyfile', 'cacertfile'] as const;
/** Where the quick fix points each missing file: placeholders the user replaces with the real paths. */
export const RPC_TLS_PLACEHOLDERS: Record<(typeof RPC_TLS_FILES)[number], string> = {
  certfile: '/etc/emqx/certs/rpc/node-cert.pem',
  keyfile: '/etc/emqx/certs/rpc/node-key.pem',
  cacertfile: '/etc/emqx/certs/rpc/ca.pem',
};

/** The certificate settings RPC over TLS needs that the configuration does not give. */
export function missingRpcTlsFiles(view: EmqxConfigView): (typeof RPC_TLS_FILES)[number][] {
  return RPC_TLS_FILES.filter((name) => {
    const value = view.get(['rpc', name])?.value;
    return typeof value !== 'string' || value.trim() === '';
  });
}
