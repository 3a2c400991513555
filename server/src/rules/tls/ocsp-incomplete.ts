import type { Rule } from '../types';
import type { FileEdit } from '../../core/text';
import type { TlsOptionName } from '../../model/deploymentModel';
import { docsPath } from '../types';
import { contextLabel, isOn, locationOf, setOption, settingName } from '../helpers/tlsContexts';

const id = 'tls/ocsp-incomplete';

/** Placeholders the user replaces with the CA's OCSP responder, the issuer of the server certificate and that certificate. */
export function ocspPlaceholders(version: string): Record<'ocsp.responder_url' | 'ocsp.issuer_pem' | 'certfile', string> {
  const etc = version === '4' ? 'etc' : '${EMQX_ETC_DIR}';
  return {
    'ocsp.responder_url': 'http://ocsp.example.com',
    'ocsp.issuer_pem': `${etc}/certs/ocsp-issuer.pem`,
    certfile: `${etc}/certs/server-cert.pem`,
  };
}

export const rule: Rule = {
  id,
  severity: 'error',
  fixable: true,
  docs: { title: 'OCSP stapling is enabled without its responder, issuer or certificate', path: docsPath(id) },
  check({ model, report }) {
    for (const ctx of model.tls) {
      // EMQX validates the OCSP block of every ssl listener it loads, enabled or not (4.x: enabled ones).
      if (ctx.role !== 'server' || (model.version === '4' && !ctx.enabled)) continue;
      const stapling = ctx.option('ocsp.enable_ocsp_stapling');
      if (!stapling?.explicit || !isOn(stapling)) continue;
      const placeholders = ocspPlaceholders(model.version);
      const required: TlsOptionName[] = ['ocsp.responder_url', 'ocsp.issuer_pem', 'certfile'];
      const missing = required.filter((name) => {
        const fact = ctx.option(name);
        return !fact || (typeof fact.value === 'string' && fact.value.trim() === '');
      });
      if (missing.length === 0) continue;
      const edits: FileEdit[] = [];
      for (const name of ['ocsp.responder_url', 'ocsp.issuer_pem', 'certfile'] as const) {
        if (missing.includes(name)) edits.push(...setOption(model, ctx, name, placeholders[name]));
      }
      const names = missing.map((name) => settingName(ctx, name)).join(', ');
      report({
        ...locationOf(stapling),
        message: `OCSP stapling is on for ${contextLabel(ctx)} but ${names} ${missing.length === 1 ? 'is' : 'are'} not set; EMQX needs the responder URL, the issuer certificate and the server certificate to fetch OCSP responses and refuses to start without them.`,
        fixes: edits.length ? [{ title: 'Insert placeholders for the missing OCSP settings', edits, preferred: true, safe: false }] : [],
      });
    }
  },
};
