import type { Rule } from '../types';
import type { FileEdit } from '../../core/text';
import type { DeploymentModel, TlsContext } from '../../model/deploymentModel';
import { docsPath } from '../types';
import { defaultNote } from '../messages';
import { ocspPlaceholders } from './ocsp-incomplete';
import { contextLabel, locationOf, setOption } from '../helpers/tlsContexts';

const id = 'tls/ocsp-disabled';

/** Edits that turn stapling on, with placeholders for what is not set yet; `placeholders` says whether any was needed. */
function enableStapling(model: DeploymentModel, ctx: TlsContext): { edits: FileEdit[]; placeholders: boolean } {
  const values = ocspPlaceholders(model.version);
  const missing = (['ocsp.responder_url', 'ocsp.issuer_pem'] as const).filter((name) => !ctx.option(name));
  const block = ctx.optionPath('ocsp.enable_ocsp_stapling').slice(0, -1);
  if (model.emqx?.format === 'hocon' && !model.emqx.get(block)) {
    // One `ocsp { ... }` block rather than three separate insertions into a block that does not exist yet.
    const value = { enable_ocsp_stapling: true, responder_url: values['ocsp.responder_url'], issuer_pem: values['ocsp.issuer_pem'] };
    return { edits: model.edits.setSetting(block, value), placeholders: true };
  }
  const edits = setOption(model, ctx, 'ocsp.enable_ocsp_stapling', true);
  for (const name of missing) edits.push(...setOption(model, ctx, name, values[name]));
  return { edits, placeholders: missing.length > 0 };
}

export const rule: Rule = {
  id,
  severity: 'info',
  fixable: true,
  docs: { title: 'An exposed TLS listener does not staple OCSP responses', path: docsPath(id) },
  check({ model, report }) {
    // OCSP stapling arrived during 5.0; the 5.0 schema of earlier patch releases rejects the block, so 5.0 stays quiet.
    if (model.version === '5.0') return;
    for (const ctx of model.tls) {
      const l = ctx.listener;
      if (ctx.role !== 'server' || !ctx.enabled || !l || l.kind !== 'mqtt' || !l.exposed) continue;
      const stapling = ctx.option('ocsp.enable_ocsp_stapling');
      if (!stapling || stapling.value === true) continue;
      const { edits, placeholders } = enableStapling(model, ctx);
      report({
        ...locationOf(stapling),
        message: `OCSP stapling is off${defaultNote(model, stapling)} for ${contextLabel(ctx)}, which listens on all interfaces (${l.address}:${l.port ?? '?'}), so clients cannot learn during the handshake that its certificate has been revoked.`,
        fixes: [{ title: placeholders ? 'Enable OCSP stapling (fill in the responder URL and issuer certificate)' : 'Enable OCSP stapling', edits, preferred: true, safe: !placeholders }],
      });
    }
  },
};
