import * as path from 'node:path';
import type { DeploymentModel, Origin } from '../../model/deploymentModel';
import type { Rule } from '../types';
import { docsPath } from '../types';
import { flatFiles } from '../../model/flatSettings';

const id = 'secrets/plaintext';

/** Keys that hold a secret in 5.x/6.x (connector, authenticator, TLS key and cloud passwords). The cookie has its own rules. */
const SECRET_KEYS = new Set(['password', 'default_password', 'secret', 'secret_key', 'secret_access_key', 'aws_secret_access_key', 'api_key', 'key_password']);
/** 4.x flat keys that end in a secret (auth.mysql.password, management.default_application.secret, ...). */
const FLAT_SECRET = /(^|\.)(\w*password|secret|secret_key|secret_access_key)$/;
/** Values that dashboard/default-password reports already. */
const DEFAULT_SECRET_KEYS = new Set(['dashboard.default_password', 'dashboard.default_user.password', 'management.default_application.secret']);

/** A value that is a reference rather than the secret itself: empty, file://, or a ${...} template or substitution. */
function isReference(value: string, written: string | undefined): boolean {
  return value === '' || value.startsWith('file://') || value.includes('${') || (written ?? '').includes('${');
}

function written(model: DeploymentModel, o: Origin): string | undefined {
  return model.edits.fileText(o.file)?.slice(o.span.start, o.span.end);
}

export const rule: Rule = {
  id,
  severity: 'info',
  fixable: false,
  docs: { title: 'A secret is written inline in the configuration', path: docsPath(id) },
  check({ model, report }) {
    const view = model.emqx;
    if (!view) return;
    if (view.format === 'emqx4') {
      for (const f of flatFiles(model)) {
        const last = new Map(f.doc.entries.map((e) => [e.key, e]));
        for (const e of last.values()) {
          if (!FLAT_SECRET.test(e.key) || e.key === 'node.cookie' || isReference(e.value, undefined)) continue;
          if (DEFAULT_SECRET_KEYS.has(e.key) && e.value === 'public') continue;
          report({
            file: f.file,
            span: e.valueSpan,
            message: `${e.key} is written inline in ${path.basename(f.file)}: everyone who can read the file, a backup or the repository learns it; set it through the matching EMQX_* environment variable from a file only the emqx user can read.`,
          });
        }
      }
      return;
    }
    for (const p of view.stringsNamed(SECRET_KEYS, 17)) {
      const fact = view.get(p);
      if (!fact || typeof fact.value !== 'string' || fact.origin.env) continue;
      const name = p.join('.');
      if (isReference(fact.value, written(model, fact.origin))) continue;
      if (DEFAULT_SECRET_KEYS.has(name) && fact.value === 'public') continue;
      // dashboard.default_password is a plain string to EMQX: file:// is not read there, the environment is.
      const remedy = name === 'dashboard.default_password'
        ? 'set it through EMQX_DASHBOARD__DEFAULT_PASSWORD from a file only the emqx user can read'
        : 'point it at a file with "file://<path>" or set it through an EMQX_* environment variable';
      report({
        file: fact.origin.file,
        span: fact.origin.span,
        message: `${name} is written inline in ${path.basename(fact.origin.file)}: everyone who can read the file, a backup or the repository learns it; ${remedy}.`,
      });
    }
  },
};
