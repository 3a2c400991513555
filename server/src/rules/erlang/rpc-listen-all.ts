import type { Rule } from '../types';
import { docsPath } from '../types';
import { settingOrDefault } from '../../model/emqxConfig';
import { defaultNote } from '../messages';
import { internalPorts } from '../../model/ports';
import { suggestedAddress } from '../helpers/clustering';

const id = 'erlang/rpc-listen-all';
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]', '0:0:0:0:0:0:0:0', '']);

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'Inter-node RPC listens on every interface', path: docsPath(id) },
  check({ model, report }) {
    const view = model.emqx;
    if (!view) return;
    // 4.x names the setting rpc.tcp_server_ip.
    const path = view.format === 'emqx4' ? ['rpc', 'tcp_server_ip'] : ['rpc', 'listen_address'];
    const fact = settingOrDefault(view, path, '0.0.0.0');
    if (!WILDCARDS.has(String(fact.value).trim())) return;
    const port = internalPorts(model).find((p) => p.what === 'rpc')?.port;
    const { address, placeholder } = suggestedAddress(model);
    const edits = model.edits.setSetting(path, address);
    const title = placeholder
      ? `Listen on ${address} (a placeholder: replace it with this node's private address)`
      : `Listen on ${address}, the address in the node name`;
    report({
      file: fact.origin.file,
      span: fact.origin.span,
      message:
        `${path.join('.')} is "${String(fact.value)}"${defaultNote(model, fact)}: the gen_rpc port${port ? ` (${port} here)` : ''} accepts ` +
        'connections from every network the host is on instead of only the cluster network.',
      fixes: edits.length ? [{ title, edits, preferred: true, safe: false }] : [],
    });
  },
};
