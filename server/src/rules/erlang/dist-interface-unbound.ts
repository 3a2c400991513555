import type { Rule, Fix } from '../types';
import { docsPath } from '../types';
import type { DeploymentModel } from '../../model/deploymentModel';
import { kernelParam, parseErlangTerm, isInetAddressTuple, setAppParam, findFlags } from '../../parsers/vmargs';
import { addressTuple, suggestedAddress } from '../helpers/clustering';
import { defaultNote, versionName } from '../messages';
import { distBasePort, derivedPorts, nodeName } from '../../model/ports';

const id = 'erlang/dist-interface-unbound';
const PARAM = 'inet_dist_use_interface';
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]', '0:0:0:0:0:0:0:0']);

function isWildcardTuple(text: string): boolean {
  const { term } = parseErlangTerm(text);
  return !!term && isInetAddressTuple(term) && term.type === 'tuple' && term.items.every((t) => t.type === 'integer' && t.value === 0);
}

function fixTitle(address: string, placeholder: boolean): string {
  return placeholder
    ? `Bind Erlang distribution to ${address} (a placeholder: replace it with this node's private address)`
    : `Bind Erlang distribution to ${address}, the address in the node name`;
}

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'Erlang distribution listens on every interface', path: docsPath(id) },
  check({ model, report }) {
    if (!model.emqx && model.vmargs.length === 0) return;
    const { address, placeholder } = suggestedAddress(model);
    const port = derivedPorts(nodeName(model).value, distBasePort(model)).distPort;
    const why = `so the distribution port (${port} here) accepts connections, and with the cookie full control of the node, from every network the host is on`;
    const fix = (title: string, edits: Fix['edits']): Fix[] => (edits.length ? [{ title, edits, preferred: true, safe: false }] : []);

    // vm.args pins the interface for every version; an explicit setting there decides.
    for (const f of model.vmargs) {
      const found = kernelParam(f.doc, 'kernel', PARAM);
      if (!found?.value) continue;
      if (!isWildcardTuple(found.value.text)) return;
      const tuple = addressTuple(address) ?? '{10,0,0,1}';
      report({
        file: f.file,
        span: found.value,
        message: `-kernel ${PARAM} ${found.value.text} binds Erlang distribution to all interfaces, ${why}.`,
        fixes: fix(fixTitle(tuple, placeholder), setAppParam(f.doc, 'kernel', PARAM, tuple).map((e) => ({ ...e, file: f.file }))),
      });
      return;
    }
    const view = model.emqx;
    const settingPath = model.version === '4' ? ['node', 'dist_use_interface'] : model.version === '6' ? ['node', 'dist_bind_address'] : undefined;
    const setting = settingPath && view ? view.get(settingPath) : undefined;
    if (settingPath && view && setting && !WILDCARDS.has(String(setting.value).trim())) return;

    if (settingPath && view && (setting || model.vmargs.length === 0)) {
      // 4.x node.dist_use_interface / 6.x node.dist_bind_address: report and fix the setting itself.
      const fact = setting ?? { value: '0.0.0.0', explicit: false, origin: view.anchor(settingPath), overridden: [] };
      report({
        file: fact.origin.file,
        span: fact.origin.span,
        message: `${settingPath.join('.')} is "${String(fact.value)}"${defaultNote(model, fact)}: Erlang distribution listens on all interfaces, ${why}.`,
        fixes: fix(fixTitle(address, placeholder), model.edits.setSetting(settingPath, address)),
      });
      return;
    }
    const vm = model.vmargs[0];
    if (vm) {
      const nameFlag = [...findFlags(vm.doc, '-name'), ...findFlags(vm.doc, '-sname')][0];
      const tuple = addressTuple(address) ?? '{10,0,0,1}';
      report({
        file: vm.file,
        span: nameFlag ? { start: nameFlag.start, end: nameFlag.end } : { start: 0, end: 0 },
        message: `vm.args has no -kernel ${PARAM}: Erlang distribution listens on all interfaces, ${why}.`,
        fixes: fix(fixTitle(tuple, placeholder), setAppParam(vm.doc, 'kernel', PARAM, tuple).map((e) => ({ ...e, file: vm.file }))),
      });
      return;
    }
    if (!view) return;
    // 5.x reads the interface only from vm.args, which this deployment does not include.
    const anchor = view.anchor(['node', 'name']);
    report({
      file: anchor.file,
      span: anchor.span,
      message: `Nothing pins Erlang distribution to an interface (${versionName(model)} takes it from -kernel ${PARAM} in vm.args, which this deployment lacks), ${why}.`,
    });
  },
};
