import type { Rule } from '../types';
import { docsPath } from '../types';
import { contextLabel, locationOf, settingName } from '../helpers/tlsContexts';

const id = 'tls/default-certificate';

/**
 * EMQX's etc directory as configs name it: the 5.x variable, the 4.x build template, a relative `etc`,
 * or the locations packages and images install to.
 */
const ETC_DIR = String.raw`(\$\{?EMQX_ETC_DIR\}?|\{\{\s*platform_etc_dir\s*\}\}|(\.\/)?etc|\/etc\/emqx|\/opt\/emqx\/etc|\/usr\/lib\/emqx\/etc|\/opt\/emqx\/data\/etc)`;
const BUNDLED_CERT = new RegExp(`^${ETC_DIR}\\/certs\\/cert\\.pem$`);

/** Whether a certfile value names the demo certificate that ships with EMQX. */
export function isBundledCertificate(certfile: string): boolean {
  return BUNDLED_CERT.test(certfile.trim());
}

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: false,
  docs: { title: "A TLS listener uses EMQX's bundled demo certificate", path: docsPath(id) },
  check({ model, report }) {
    for (const ctx of model.tls) {
      if (ctx.role !== 'server' || !ctx.enabled) continue;
      const cert = ctx.option('certfile');
      if (!cert || typeof cert.value !== 'string' || !isBundledCertificate(cert.value)) continue;
      const how = cert.explicit
        ? `${settingName(ctx, 'certfile')} is "${cert.value}"`
        : `${settingName(ctx, 'certfile')} is not set, so EMQX uses its bundled "${cert.value}"`;
      report({
        ...locationOf(cert),
        message: `${how}: ${contextLabel(ctx)} presents EMQX's demo certificate, whose private key is published with EMQX, so anyone can impersonate this broker.`,
      });
    }
  },
};
