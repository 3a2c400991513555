import type { Rule } from '../types';
import { docsPath } from '../types';
import type { FileEdit } from '../../core/text';
import { missingRpcTlsFiles, RPC_TLS_PLACEHOLDERS, rpcProtocol } from '../helpers/clustering';
import { joinEdits } from '../../model/edits';
import type { EmqxConfigView } from '../../model/emqxConfig';

const id = 'erlang/rpc-ssl-incomplete';

export const rule: Rule = {
  id,
  severity: 'error',
  fixable: true,
  docs: { title: 'RPC over TLS lacks its certificate files', path: docsPath(id) },
  check({ model, report }) {
    const view = model.emqx;
    const protocol = rpcProtocol(model);
    if (!view || !protocol || String(protocol.fact.value) !== 'ssl') return;
    const missing = missingRpcTlsFiles(view);
    if (missing.length === 0) return;
    // Inserts land after the last member of the rpc block, in this order.
    const edits: FileEdit[] = joinEdits(missing.flatMap((name) => view.insertEdits(['rpc', name], RPC_TLS_PLACEHOLDERS[name])));
    const { fact, path } = protocol;
    const names = missing.map((n) => `rpc.${n}`).join(', ');
    report({
      file: fact.origin.file,
      span: fact.origin.span,
      message: `${path.join('.')} is ssl but ${names} ${missing.length === 1 ? 'is' : 'are'} not set, so the node has no certificate or trusted CA for TLS between nodes and RPC with its peers fails.`,
      fixes: edits.length
        ? [{ title: `Add ${names} with placeholder paths to replace with this node's certificate files`, edits, preferred: true, safe: false }]
        : [],
    });
  },
};
