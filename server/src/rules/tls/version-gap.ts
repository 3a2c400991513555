import type { Rule } from '../types';
import { docsPath } from '../types';
import { shownValue } from '../messages';
import { contextLabel, locationOf, setOption, settingName, versionsOf } from '../helpers/tlsContexts';

const id = 'tls/version-gap';

/** The list with tlsv1.2 placed right after tlsv1.3, the order EMQX's own examples use. */
export function closeGap(versions: readonly string[]): string[] {
  const out = [...versions];
  out.splice(out.indexOf('tlsv1.3') + 1, 0, 'tlsv1.2');
  return out;
}

export const rule: Rule = {
  id,
  severity: 'error',
  fixable: true,
  docs: { title: 'TLS 1.3 is combined with older versions but not TLS 1.2', path: docsPath(id) },
  check({ model, report }) {
    // EMQX validates every TLS block it loads, so a disabled listener or client still stops the node from starting.
    for (const ctx of model.tls) {
      const fact = ctx.option('versions');
      if (!fact?.explicit) continue;
      const versions = versionsOf(fact);
      if (!versions.includes('tlsv1.3') || versions.length < 2 || versions.includes('tlsv1.2')) continue;
      const consequence = model.version === '4'
        ? 'the TLS library refuses to open the listener'
        : 'EMQX rejects the configuration and does not start';
      report({
        ...locationOf(fact),
        message: `${settingName(ctx, 'versions')} is ${shownValue(versions)}: TLS 1.3 together with an older version but without TLS 1.2 trips the downgrade protection, so ${consequence} (${contextLabel(ctx)}).`,
        fixes: [{ title: 'Add tlsv1.2 to the versions', edits: setOption(model, ctx, 'versions', closeGap(versions)), preferred: true, safe: true }],
      });
    }
  },
};
