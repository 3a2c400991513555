import type { Rule } from '../types';
import { docsPath } from '../types';
import { defaultNote } from '../messages';
import { contextLabel, locationOf, setOption, settingName, verifiesPeer } from '../helpers/tlsContexts';

const id = 'tls/crl-disabled';

export const rule: Rule = {
  id,
  severity: 'info',
  fixable: true,
  docs: { title: 'Mutual TLS without a revocation check', path: docsPath(id) },
  check({ model, report }) {
    // CRL checks arrived in 5.0.22; the 5.0 schema of earlier patch releases rejects the key, so 5.0 stays quiet.
    if (model.version === '5.0') return;
    for (const ctx of model.tls) {
      if (ctx.role !== 'server' || !ctx.enabled || !verifiesPeer(ctx)) continue;
      const crl = ctx.option('enable_crl_check');
      if (!crl || crl.value === true) continue;
      const where = crl.explicit ? crl : ctx.option('verify') ?? crl;
      report({
        ...locationOf(where),
        message: `${settingName(ctx, 'enable_crl_check')} is off${defaultNote(model, crl)} although ${contextLabel(ctx)} authenticates clients by certificate, so a revoked client certificate keeps working until it expires.`,
        // Not applied by "fix all": the check needs CRL distribution points in the client certificates that EMQX can reach.
        fixes: [{ title: 'Set enable_crl_check = true', edits: setOption(model, ctx, 'enable_crl_check', true), preferred: true, safe: false }],
      });
    }
  },
};
