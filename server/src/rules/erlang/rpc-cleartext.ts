import type { Rule } from '../types';
import { docsPath } from '../types';
import type { DeploymentModel, Fact } from '../../model/deploymentModel';
import { joinEdits } from '../../model/edits';
import { defaultNote } from '../messages';
import { clustering, missingRpcTlsFiles, RPC_TLS_PLACEHOLDERS, rpcProtocol } from '../helpers/clustering';

const id = 'erlang/rpc-cleartext';

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'Inter-node RPC is not encrypted', path: docsPath(id) },
  check({ model, report }) {
    const cluster = clustering(model);
    const protocol = rpcProtocol(model);
    if (!cluster?.clustered || !protocol) return;
    const { path, fact } = protocol;
    if (String(fact.value) !== 'tcp') return;
    // Switching to ssl without the certificate settings would stop RPC altogether (erlang/rpc-ssl-incomplete),
    // so the fix adds them too, as placeholders to replace.
    const view = model.emqx!;
    const edits = joinEdits([...model.edits.setSetting(path, 'ssl'), ...missingRpcTlsFiles(view).flatMap((name) => view.insertEdits(['rpc', name], RPC_TLS_PLACEHOLDERS[name]))]);
    report({
      file: fact.origin.file,
      span: fact.origin.span,
      message:
        `${path.join('.')} is tcp${defaultNote(model, fact)} while ${cluster.reason}: messages and session state that nodes ` +
        'forward to each other over gen_rpc travel in cleartext.',
      fixes: edits.length
        ? [{ title: `Set ${path.join('.')} = ssl, with placeholder paths for the node's RPC certificate files`, edits, preferred: true, safe: false }]
        : [],
    });
  },
};
