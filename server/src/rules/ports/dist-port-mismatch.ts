import type { Rule } from '../types';
import { docsPath } from '../types';
import type { FileEdit } from '../../core/text';
import type { DeploymentModel, Origin } from '../../model/deploymentModel';
import { kernelParam } from '../../parsers/vmargs';
import { EPMD_PORT, derivedPorts, distBasePort, epmdMode, nodeName } from '../../model/ports';

const id = 'ports/dist-port-mismatch';

/** One end of a configured distribution port range, with how to rewrite it. */
export interface RangeBound {
  setting: string;
  port: number;
  origin: Origin;
  set(port: number): FileEdit[];
}

/** `-kernel inet_dist_listen_min/max` in vm.args and 4.x `node.dist_listen_min/max`, where set to a number. */
export function distListenRange(model: DeploymentModel): RangeBound[] {
  const bounds: RangeBound[] = [];
  for (const f of model.vmargs) {
    for (const key of ['inet_dist_listen_min', 'inet_dist_listen_max']) {
      const value = kernelParam(f.doc, 'kernel', key)?.value;
      if (!value || !/^\d+$/.test(value.text)) continue;
      bounds.push({
        setting: `-kernel ${key}`, port: Number(value.text), origin: { file: f.file, span: value },
        // Only the number changes: other pairs on the same `-kernel` line stay.
        set: (port) => (String(port) === value.text ? [] : [{ file: f.file, offset: value.start, length: value.end - value.start, newText: String(port) }]),
      });
    }
  }
  if (model.emqx?.format === 'emqx4') {
    for (const key of ['dist_listen_min', 'dist_listen_max']) {
      const path = ['node', key];
      const fact = model.emqx.get(path);
      if (!fact || !/^\s*\d+\s*$/.test(String(fact.value))) continue;
      bounds.push({ setting: `node.${key}`, port: Number(fact.value), origin: fact.origin, set: (port) => model.edits.setSetting(path, String(port)) });
    }
  }
  return bounds;
}

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'The configured distribution port is not the one EMQX uses', path: docsPath(id) },
  check({ model, report }) {
    // With epmd (4.x, WITH_EPMD=1) the range is honoured; otherwise ekka overrides it with the derived port.
    if (epmdMode(model) || (!model.emqx && model.vmargs.length === 0)) return;
    const name = nodeName(model);
    const derived = derivedPorts(name.value, distBasePort(model)).distPort;
    for (const bound of distListenRange(model)) {
      if (bound.port === derived) continue;
      const epmdNote = bound.port === EPMD_PORT ? ` (${EPMD_PORT} is also the port of epmd, which EMQX does not use)` : '';
      const edits = bound.set(derived);
      report({
        file: bound.origin.file,
        span: bound.origin.span,
        message:
          `${bound.setting} is ${bound.port}${epmdNote}, but EMQX ignores this range and listens for distribution on ${derived}, ` +
          `derived from node name ${name.value}${name.fact ? '' : ' (the default)'}; firewall rules written from this setting block clustering.`,
        related: name.fact ? [{ file: name.fact.origin.file, span: name.fact.origin.span, message: `the node name that gives port ${derived}` }] : undefined,
        fixes: edits.length ? [{ title: `Set ${bound.setting} to ${derived}, the port EMQX actually uses`, edits, preferred: true, safe: true }] : [],
      });
    }
  },
};
