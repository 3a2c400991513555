import type { Rule } from '../types';
import { docsPath } from '../types';
import { contextLabel, locationOf, setOption, settingName } from '../helpers/tlsContexts';

const id = 'tls/weak-cipher';

/** TLS 1.3 suites first (they carry TLS 1.3 when it is enabled), then ECDHE with AES-GCM or ChaCha20-Poly1305. */
export const HARDENED_CIPHERS = [
  'TLS_AES_256_GCM_SHA384', 'TLS_AES_128_GCM_SHA256', 'TLS_CHACHA20_POLY1305_SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-CHACHA20-POLY1305', 'ECDHE-RSA-CHACHA20-POLY1305',
];

/** Weakness classes, in the order messages list them. */
const REASONS = ['NULL (no encryption)', 'EXPORT', 'RC4', '3DES', 'DES', 'MD5', 'CBC', 'no forward secrecy'] as const;
type Reason = (typeof REASONS)[number];

/**
 * Why a suite is weak (its first weakness), or undefined for an AEAD suite with ephemeral key exchange.
 * Understands OpenSSL names (`ECDHE-RSA-AES128-SHA`) and IANA names (`TLS_RSA_WITH_AES_128_CBC_SHA`).
 */
export function cipherWeakness(suite: string): Reason | undefined {
  const s = suite.trim().toUpperCase().replace(/_/g, '-');
  if (/^TLS-(AES|CHACHA20)-/.test(s) && !s.includes('-WITH-')) return undefined; // TLS 1.3 suites
  if (/(^|-)NULL(-|$)|ENULL|ANULL/.test(s)) return 'NULL (no encryption)';
  if (/(^|-)EXP(ORT)?(\d*)(-|$)/.test(s)) return 'EXPORT';
  if (/RC4/.test(s)) return 'RC4';
  if (/3DES|DES-CBC3|DES-EDE/.test(s)) return '3DES';
  if (/(^|-)DES(-|$)|DES-CBC/.test(s)) return 'DES';
  if (/(^|-)MD5$/.test(s)) return 'MD5';
  const iana = /^TLS-(.+)-WITH-(.+)$/.exec(s);
  const kx = iana ? iana[1] : s;
  const bulk = iana ? iana[2] : s;
  if (!/GCM|CHACHA20|POLY1305|CCM/.test(bulk)) return 'CBC';
  if (!/^(ECDHE|DHE|EDH|EECDH)(-|$)/.test(kx)) return 'no forward secrecy';
  return undefined;
}

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'Weak TLS cipher suites are enabled', path: docsPath(id) },
  check({ model, report }) {
    for (const ctx of model.tls) {
      if (!ctx.enabled) continue;
      const fact = ctx.option('ciphers');
      // An absent list means EMQX's built-in selection; only a written list is judged here.
      if (!fact?.explicit || !Array.isArray(fact.value)) continue;
      const suites = (fact.value as unknown[]).map(String);
      const byReason = new Map<Reason, string[]>();
      for (const suite of suites) {
        const why = cipherWeakness(suite);
        if (why) byReason.set(why, [...(byReason.get(why) ?? []), suite]);
      }
      if (byReason.size === 0) continue;
      const weakCount = [...byReason.values()].reduce((n, l) => n + l.length, 0);
      const listed = REASONS.filter((r) => byReason.has(r)).map((r) => `${r}: ${byReason.get(r)!.join(', ')}`).join('; ');
      const strong = suites.filter((s) => !cipherWeakness(s));
      const fixes = [{ title: 'Use only AEAD suites with ECDHE key exchange', edits: setOption(model, ctx, 'ciphers', HARDENED_CIPHERS), preferred: true, safe: true }];
      if (strong.length > 0 && strong.length < suites.length) {
        fixes.push({ title: 'Remove the weak suites and keep the others', edits: setOption(model, ctx, 'ciphers', strong), preferred: false, safe: true });
      }
      report({
        ...locationOf(fact),
        message: `${settingName(ctx, 'ciphers')} enables ${weakCount} weak suite${weakCount === 1 ? '' : 's'} for ${contextLabel(ctx)}, so a peer that offers them gets a connection with a broken cipher or without forward secrecy (${listed}).`,
        fixes,
      });
    }
  },
};
