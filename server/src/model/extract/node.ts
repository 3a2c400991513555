/** Node identity: name, cookies from every place that sets one, and the ports derived from the name. */
import type { CookieFact, Fact, NodeFacts } from '../deploymentModel';
import { nodeOffset } from '../deploymentModel';
import type { EmqxConfigView } from '../emqxConfig';
import { scalar } from '../emqxConfig';
import type { ParsedVmArgs } from '../../parsers';
import { findFlags, kernelParam } from '../../parsers/vmargs';

export function extractNode(emqx: EmqxConfigView | undefined, vmargs: ParsedVmArgs[], environment: ReadonlyMap<string, Fact<string>>): NodeFacts {
  const node: NodeFacts = { cookies: [] };
  const confName = scalar(emqx, ['node', 'name']);
  if (confName) node.name = { ...confName, value: String(confName.value) };
  const cookie = scalar(emqx, ['node', 'cookie']);
  if (cookie) node.cookies.push({ ...cookie, value: String(cookie.value), source: cookie.origin.env ? 'env' : 'emqx.conf' });
  // 4.x reads EMQX_NODE_COOKIE (single underscore); 5.x's EMQX_NODE__COOKIE arrives through the HOCON view.
  // The 4.x flat view does not apply the environment, so 4.x's EMQX_NODE__COOKIE is read here too.
  const envNames = emqx?.format === 'emqx4' ? ['EMQX_NODE_COOKIE', 'EMQX_NODE__COOKIE'] : ['EMQX_NODE_COOKIE'];
  for (const envName of envNames) {
    const fromEnv = environment.get(envName);
    if (fromEnv && !cookie?.origin.env) node.cookies.push({ ...fromEnv, origin: { ...fromEnv.origin, env: envName }, source: 'env' });
  }
  for (const f of vmargs) {
    for (const e of findFlags(f.doc, '-setcookie')) {
      const arg = e.args[0];
      if (!arg) continue;
      node.cookies.push({ value: unquote(arg.text), explicit: true, origin: { file: f.file, span: arg, keySpan: e.flagSpan }, overridden: [], source: 'vm.args' } satisfies CookieFact);
    }
    if (!node.name) {
      const nameFlag = [...findFlags(f.doc, '-name'), ...findFlags(f.doc, '-sname')].pop();
      if (nameFlag?.args[0]) node.name = { value: unquote(nameFlag.args[0].text), explicit: true, origin: { file: f.file, span: nameFlag.args[0], keySpan: nameFlag.flagSpan }, overridden: [] };
    }
  }
  if (node.name) {
    const n = nodeOffset(node.name.value);
    node.distPort = distBasePort(vmargs) + n;
    const discovery = scalar(emqx, ['rpc', 'port_discovery'])?.value;
    const manualPort = scalar(emqx, ['rpc', 'server_port']) ?? scalar(emqx, ['rpc', 'tcp_server_port']);
    node.rpcPort = discovery === 'manual' ? Number(manualPort?.value ?? 5369) : 5370 + n;
  }
  return node;
}

function unquote(text: string): string {
  return text.length >= 2 && ((text[0] === '"' && text.endsWith('"')) || (text[0] === "'" && text.endsWith("'"))) ? text.slice(1, -1) : text;
}

/** ekka's base port (4370) unless vm.args sets `-kernel inet_dist_base_port` (as ports.ts reads it). */
function distBasePort(vmargs: ParsedVmArgs[]): number {
  for (const f of vmargs) {
    const value = kernelParam(f.doc, 'kernel', 'inet_dist_base_port')?.value?.text;
    if (value && /^\d+$/.test(value)) return Number(value);
  }
  return 4370;
}
