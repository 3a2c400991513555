import type { Rule } from '../types';
import { docsPath } from '../types';
import { defaultNote, shownValue } from '../messages';
import { contextLabel, isOn, locationOf, setOption, settingName, verifiesPeer } from '../helpers/tlsContexts';

const id = 'tls/fail-if-no-peer-cert-without-verify';

export const rule: Rule = {
  id,
  severity: 'error',
  fixable: true,
  docs: { title: 'fail_if_no_peer_cert = true without verify = verify_peer', path: docsPath(id) },
  check({ model, report }) {
    for (const ctx of model.tls) {
      // 5.x rejects this at startup even for a disabled listener; 4.x only runs enabled ones.
      if (ctx.role !== 'server' || (model.version === '4' && !ctx.enabled)) continue;
      const flag = ctx.option('fail_if_no_peer_cert');
      if (!flag?.explicit || !isOn(flag) || verifiesPeer(ctx)) continue;
      const verify = ctx.option('verify');
      if (!verify) continue;
      const consequence = model.version === '4'
        ? 'EMQX 4.x then ignores the flag and lets clients without a certificate connect'
        : 'EMQX refuses to start with this combination';
      report({
        ...locationOf(flag),
        message: `${settingName(ctx, 'fail_if_no_peer_cert')} is true but verify is ${shownValue(verify.value)}${defaultNote(model, verify)} on ${contextLabel(ctx)}: client certificates are only requested with verify_peer, so ${consequence}.`,
        fixes: [{ title: 'Set verify = verify_peer', edits: setOption(model, ctx, 'verify', 'verify_peer'), preferred: true, safe: true }],
      });
    }
  },
};
