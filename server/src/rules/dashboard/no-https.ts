import type { Rule, RuleContext } from '../types';
import { docsPath } from '../types';
import { insertEntry } from '../../parsers/emqx4';
import { defaultNote } from '../messages';
import { flatFiles, flatSetting } from '../../model/flatSettings';

const id = 'dashboard/no-https';
/** Placeholders: the certificate and key the dashboard should present (not EMQX's bundled demo pair). */
const CERT = '/etc/emqx/certs/dashboard.pem';
const KEY = '/etc/emqx/certs/dashboard.key';

function httpsBlock(version: string): string {
  const tls = [`certfile = "${CERT}"`, `keyfile = "${KEY}"`];
  // 5.0 kept the TLS options directly in the https block; 5.1+ nests them in ssl_options.
  if (version === '5.0') return `{\n  bind = 18084\n  ${tls.join('\n  ')}\n}`;
  return `{\n  bind = 18084\n  ssl_options {\n    ${tls.join('\n    ')}\n  }\n}`;
}

function checkFlat({ model, report }: RuleContext): void {
  const http = flatSetting(model, 'dashboard.listener.http');
  if (!http || flatSetting(model, 'dashboard.listener.https')) return;
  const file = flatFiles(model).find((f) => f.file === http.origin.file)!;
  const edits = [
    ['dashboard.listener.https', '18084'],
    ['dashboard.listener.https.certfile', CERT],
    ['dashboard.listener.https.keyfile', KEY],
  ].flatMap(([key, value]) => insertEntry(file.doc, key, value, 'dashboard.listener.http').map((e) => ({ ...e, file: file.file })));
  report({
    file: http.origin.file,
    span: http.origin.span,
    message: 'The dashboard listens on plain HTTP only (dashboard.listener.http) and has no HTTPS listener: administrators have no encrypted way to log in.',
    fixes: [{ title: 'Add an HTTPS listener on 18084 (set your certificate and key)', edits, preferred: true, safe: false }],
  });
}

export const rule: Rule = {
  id,
  severity: 'info',
  fixable: true,
  docs: { title: 'The dashboard has no HTTPS listener', path: docsPath(id) },
  check(context) {
    const { model, report } = context;
    const view = model.emqx;
    if (!view) return;
    if (view.format === 'emqx4') return checkFlat(context);
    const dashboards = model.listeners.filter((l) => l.kind === 'dashboard' && l.enabled.value);
    const http = dashboards.find((l) => l.type === 'http');
    if (!http || dashboards.some((l) => l.type === 'https')) return;
    report({
      file: http.bind.origin.file,
      span: http.bind.origin.span,
      message: `The dashboard listens on plain HTTP only (dashboard.listeners.http${defaultNote(model, http.bind)}) and has no HTTPS listener: administrators have no encrypted way to log in.`,
      fixes: [{ title: 'Add an HTTPS listener on 18084 (set your certificate and key)', edits: model.edits.insertBlock(['dashboard', 'listeners', 'https'], httpsBlock(model.version)), preferred: true, safe: false }],
    });
  },
};
