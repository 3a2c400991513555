import type { Rule } from '../types';
import { docsPath } from '../types';
import { defaultNote, shownValue } from '../messages';
import { locationOf, setOption, settingName } from '../helpers/tlsContexts';

const id = 'tls/client-verify-none';

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: "An outgoing TLS connection does not verify the server's certificate", path: docsPath(id) },
  check({ model, report }) {
    for (const ctx of model.tls) {
      if (ctx.role !== 'client' || !ctx.enabled) continue;
      const verify = ctx.option('verify');
      if (!verify || verify.value === 'verify_peer') continue;
      report({
        ...locationOf(verify),
        message: `${settingName(ctx, 'verify')} is ${shownValue(verify.value)}${defaultNote(model, verify)}, so the TLS connection ${ctx.owner} accepts any server certificate and anyone on the network path can read and alter what EMQX sends, credentials included.`,
        fixes: [{ title: 'Set verify = verify_peer', edits: setOption(model, ctx, 'verify', 'verify_peer'), preferred: true, safe: true }],
      });
    }
  },
};
