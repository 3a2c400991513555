import type { Rule } from '../types';
import { docsPath } from '../types';
import { defaultNote, shownValue } from '../messages';
import { contextLabel, locationOf, setOption, settingName, versionsOf } from '../helpers/tlsContexts';

const id = 'tls/legacy-version';

/** Protocol versions with known weaknesses (BEAST, POODLE-style downgrades, SHA-1/MD5 handshake hashes); RFC 8996 deprecates both. */
const LEGACY: Record<string, string> = { tlsv1: 'TLS 1.0', 'tlsv1.1': 'TLS 1.1' };
export const MODERN_VERSIONS = ['tlsv1.3', 'tlsv1.2'];

export const rule: Rule = {
  id,
  severity: 'error',
  fixable: true,
  docs: { title: 'TLS 1.0 or 1.1 is allowed', path: docsPath(id) },
  check({ model, report }) {
    for (const ctx of model.tls) {
      if (!ctx.enabled) continue;
      const fact = ctx.option('versions');
      if (!fact) continue;
      const legacy = versionsOf(fact).filter((v) => v in LEGACY);
      if (legacy.length === 0) continue;
      const names = legacy.map((v) => LEGACY[v]).join(' and ');
      report({
        ...locationOf(fact),
        message: `${settingName(ctx, 'versions')} is ${shownValue(fact.value)}${defaultNote(model, fact)}, so ${contextLabel(ctx)} still accepts ${names}, which RFC 8996 retired because their handshake hashes and CBC record protection are broken.`,
        fixes: [{
          title: 'Allow only TLS 1.3 and 1.2',
          edits: setOption(model, ctx, 'versions', MODERN_VERSIONS),
          preferred: true,
          safe: true,
        }],
      });
    }
  },
};
