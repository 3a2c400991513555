import type { Rule } from '../types';
import { docsPath } from '../types';
import { defaultNote } from '../messages';
import { contextLabel, locationOf, setOption, settingName, verifiesPeer } from '../helpers/tlsContexts';

const id = 'tls/peer-cert-not-required';

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'verify_peer without fail_if_no_peer_cert lets clients in without a certificate', path: docsPath(id) },
  check({ model, report }) {
    for (const ctx of model.tls) {
      if (ctx.role !== 'server' || !ctx.enabled || !verifiesPeer(ctx)) continue;
      const fact = ctx.option('fail_if_no_peer_cert');
      if (!fact || fact.value === true) continue;
      // When the flag is absent, point at the verify_peer line that makes the setup look mutual.
      const where = fact.explicit ? fact : ctx.option('verify') ?? fact;
      report({
        ...locationOf(where),
        message: `${settingName(ctx, 'fail_if_no_peer_cert')} is false${defaultNote(model, fact)} while verify = verify_peer, so ${contextLabel(ctx)} checks a client certificate only when one is sent and lets clients without any certificate connect.`,
        fixes: [{ title: 'Set fail_if_no_peer_cert = true', edits: setOption(model, ctx, 'fail_if_no_peer_cert', true), preferred: true, safe: true }],
      });
    }
  },
};
