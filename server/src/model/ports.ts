/**
 * Ports EMQX opens besides its listeners: the Erlang distribution port that ekka derives from the node
 * name (no epmd), and the gen_rpc port (derived too, unless discovery is manual). Rules about port
 * clashes and firewall drift ask these questions; hover shows `derivedPorts` for a node name.
 */
import type { DeploymentModel, Fact, Origin } from './deploymentModel';
import { nodeOffset } from './deploymentModel';
import { scalar } from './emqxConfig';
import { kernelParam, parseErlangTerm } from '../parsers/vmargs';

/** The Erlang port mapper daemon's port; EMQX runs without epmd unless 4.x is started with WITH_EPMD=1. */
export const EPMD_PORT = 4369;
/** ekka's default `inet_dist_base_port`. */
export const DIST_BASE_PORT = 4370;
/** gen_rpc's base port with stateless discovery. */
export const RPC_BASE_PORT = 5370;
/** gen_rpc's port with manual discovery when `rpc.server_port` is not set. */
export const RPC_MANUAL_DEFAULT_PORT = 5369;
/** The node name EMQX uses when none is configured. */
export const DEFAULT_NODE_NAME = 'emqx@127.0.0.1';

export interface DerivedPorts {
  /** N: the trailing integer of the name part before `@` (0 when there is none), modulo 60000. */
  offset: number;
  /** Erlang distribution: base (4370 unless `-kernel inet_dist_base_port`) + N. */
  distPort: number;
  /** gen_rpc with stateless discovery: 5370 + N. */
  rpcPort: number;
}

/** The ports EMQX derives from a node name, e.g. `emqx1@10.0.1.5` -> 4371 and 5371. */
export function derivedPorts(nodeName: string, distBasePort = DIST_BASE_PORT): DerivedPorts {
  const offset = nodeOffset(nodeName);
  return { offset, distPort: distBasePort + offset, rpcPort: RPC_BASE_PORT + offset };
}

/** A port EMQX itself listens on (not an MQTT or dashboard listener). */
export interface InternalPort {
  what: 'distribution' | 'rpc';
  port: number;
  /** Listening address (`0.0.0.0` when not pinned). */
  address: string;
  /** Where the port comes from: the node name, or `rpc.server_port` with manual discovery. */
  origin?: Origin;
  /** How the port was arrived at, for messages ("derived from node name emqx1@h", "rpc.server_port"). */
  reason: string;
}

/** The node name EMQX runs under: configured, or EMQX's default. */
export function nodeName(model: DeploymentModel): { value: string; fact?: Fact<string> } {
  return model.node.name ? { value: model.node.name.value, fact: model.node.name } : { value: DEFAULT_NODE_NAME };
}

/** True when 4.x is started with WITH_EPMD=1: epmd runs and the distribution honours its listen range. */
export function epmdMode(model: DeploymentModel): boolean {
  const flag = model.environment.get('WITH_EPMD')?.value;
  return model.version === '4' && flag !== undefined && flag !== '' && flag !== '0' && flag !== 'false';
}

/** `-kernel inet_dist_base_port` from vm.args, when set to an integer. */
export function distBasePort(model: DeploymentModel): number {
  for (const f of model.vmargs) {
    const value = kernelParam(f.doc, 'kernel', 'inet_dist_base_port')?.value?.text;
    if (value && /^\d+$/.test(value)) return Number(value);
  }
  return DIST_BASE_PORT;
}

/** The distribution and RPC ports of this node, with the addresses they listen on. */
export function internalPorts(model: DeploymentModel): InternalPort[] {
  const name = nodeName(model);
  const derived = derivedPorts(name.value, distBasePort(model));
  const nameOrigin = name.fact?.origin ?? model.emqx?.anchor(['node', 'name']);
  const result: InternalPort[] = [];
  if (!epmdMode(model)) {
    result.push({ what: 'distribution', port: derived.distPort, address: distAddress(model), origin: nameOrigin, reason: `derived from node name ${name.value}` });
  }
  const view = model.emqx;
  const manual = scalar(view, ['rpc', 'port_discovery'])?.value === 'manual';
  const serverPort = scalar(view, ['rpc', 'server_port']) ?? scalar(view, ['rpc', 'tcp_server_port']) ?? scalar(view, ['rpc', 'ssl_server_port']);
  const rpcAddress = String((scalar(view, ['rpc', 'listen_address']) ?? scalar(view, ['rpc', 'tcp_server_ip']))?.value ?? '0.0.0.0');
  if (manual) {
    const port = Number(serverPort?.value ?? RPC_MANUAL_DEFAULT_PORT);
    if (Number.isInteger(port)) result.push({ what: 'rpc', port, address: rpcAddress, origin: serverPort?.origin ?? nameOrigin, reason: serverPort ? 'rpc.server_port with manual discovery' : 'the manual-discovery default' });
  } else {
    result.push({ what: 'rpc', port: derived.rpcPort, address: rpcAddress, origin: nameOrigin, reason: `derived from node name ${name.value}` });
  }
  return result;
}

/** The address the distribution listener binds to: vm.args, 4.x `node.dist_use_interface`, 6.x `node.dist_bind_address`. */
export function distAddress(model: DeploymentModel): string {
  for (const f of model.vmargs) {
    const found = kernelParam(f.doc, 'kernel', 'inet_dist_use_interface');
    if (!found?.value) continue;
    const { term } = parseErlangTerm(found.value.text);
    if (term?.type === 'tuple' && term.items.every((t) => t.type === 'integer')) {
      const parts = term.items.map((t) => (t.type === 'integer' ? t.value : 0));
      return parts.length === 4 ? parts.join('.') : parts.map((p) => p.toString(16)).join(':');
    }
  }
  const configured = scalar(model.emqx, ['node', 'dist_bind_address']) ?? scalar(model.emqx, ['node', 'dist_use_interface']);
  return configured ? String(configured.value) : '0.0.0.0';
}

/** Whether two listening addresses can collide on one port: equal, or either is a wildcard. */
export function addressesOverlap(a: string, b: string): boolean {
  return isWildcardAddress(a) || isWildcardAddress(b) || bareAddress(a) === bareAddress(b);
}

/** An address that listens on every interface. */
export function isWildcardAddress(x: string): boolean {
  return x === '0.0.0.0' || x === '::' || x === '[::]' || x === '' || x === '0:0:0:0:0:0:0:0';
}

/** An address without the brackets of an IPv6 literal. */
export function bareAddress(x: string): string {
  return x.replace(/^\[|\]$/g, '');
}
