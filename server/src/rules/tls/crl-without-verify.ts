import type { Rule } from '../types';
import { docsPath } from '../types';
import { defaultNote, shownValue } from '../messages';
import { contextLabel, isOn, locationOf, setOption, settingName, verifiesPeer } from '../helpers/tlsContexts';

const id = 'tls/crl-without-verify';

export const rule: Rule = {
  id,
  severity: 'error',
  fixable: true,
  docs: { title: 'enable_crl_check = true without verify = verify_peer', path: docsPath(id) },
  check({ model, report }) {
    for (const ctx of model.tls) {
      // 5.x rejects this at startup even for a disabled listener; 4.x only runs enabled ones.
      if (ctx.role !== 'server' || (model.version === '4' && !ctx.enabled)) continue;
      const crl = ctx.option('enable_crl_check');
      if (!crl?.explicit || !isOn(crl) || verifiesPeer(ctx)) continue;
      const verify = ctx.option('verify');
      if (!verify) continue;
      const consequence = model.version === '4'
        ? 'no client certificate is requested, so there is nothing to check against the revocation list'
        : 'EMQX refuses to start with this combination';
      report({
        ...locationOf(crl),
        message: `${settingName(ctx, 'enable_crl_check')} is true but verify is ${shownValue(verify.value)}${defaultNote(model, verify)} on ${contextLabel(ctx)}: ${consequence}.`,
        fixes: [{ title: 'Set verify = verify_peer', edits: setOption(model, ctx, 'verify', 'verify_peer'), preferred: true, safe: true }],
      });
    }
  },
};
