import type { Rule } from '../types';
import { docsPath } from '../types';
import { contextLabel, locationOf, setOption, settingName } from '../helpers/tlsContexts';

const id = 'tls/insecure-renegotiation';

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'Secure renegotiation is turned off', path: docsPath(id) },
  check({ model, report }) {
    for (const ctx of model.tls) {
      if (!ctx.enabled) continue;
      const fact = ctx.option('secure_renegotiate');
      if (!fact?.explicit || fact.value !== false) continue;
      // 4.x files write flags as on/off; keep that style.
      const written = model.edits.fileText(fact.origin.file)?.slice(fact.origin.span.start, fact.origin.span.end).trim().toLowerCase();
      const value = written === 'off' ? 'on' : true;
      report({
        ...locationOf(fact),
        message: `${settingName(ctx, 'secure_renegotiate')} is off, so ${contextLabel(ctx)} accepts renegotiation without the RFC 5746 extension, which lets a man in the middle splice his own data in front of a peer's session (CVE-2009-3555).`,
        fixes: [{ title: 'Set secure_renegotiate = true', edits: setOption(model, ctx, 'secure_renegotiate', value), preferred: true, safe: true }],
      });
    }
  },
};
