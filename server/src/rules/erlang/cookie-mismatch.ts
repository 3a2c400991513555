import type { Rule } from '../types';
import { docsPath } from '../types';
import type { DeploymentModel, Origin } from '../../model/deploymentModel';
import { redact } from '../../core/secrets';

const id = 'erlang/cookie-mismatch';

/** One place that sets the Erlang cookie. */
interface CookieSite {
  value: string;
  origin: Origin;
  /** `node.cookie in emqx.conf`, `-setcookie in vm.args`, `EMQX_NODE__COOKIE in emqx.service`. */
  label: string;
}

function fileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

function labelOf(origin: Origin, setting: string): string {
  return `${origin.env ?? setting} in ${fileName(origin.file)}`;
}

/** A cookie value as written in a file: quotes removed. */
function unquoted(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) {
    try {
      return JSON.parse(t) as string;
    } catch {
      return t.slice(1, -1);
    }
  }
  return t;
}

/**
 * Every cookie site: the cookies the model collected, plus definitions of `node.cookie` that a later
 * layer or the environment replaced (EMQX ignores them, but a person reading that file does not).
 */
function cookieSites(model: DeploymentModel): CookieSite[] {
  const sites: CookieSite[] = model.node.cookies.map((c) => ({
    value: c.value,
    origin: c.origin,
    label: labelOf(c.origin, c.source === 'vm.args' ? '-setcookie' : 'node.cookie'),
  }));
  const winner = model.emqx?.get(['node', 'cookie']);
  for (const origin of winner?.overridden ?? []) {
    if (origin.env || (origin.file === winner?.origin.file && !winner.origin.env)) continue;
    const text = model.edits.fileText(origin.file);
    if (text === undefined) continue;
    sites.push({ value: unquoted(text.slice(origin.span.start, origin.span.end)), origin, label: labelOf(origin, 'node.cookie') });
  }
  return sites;
}

function shown(cookie: string): string {
  return `"${redact(cookie)}" (${cookie.length} characters)`;
}

export const rule: Rule = {
  id,
  severity: 'error',
  fixable: false,
  docs: { title: 'Files of one deployment set different Erlang cookies', path: docsPath(id) },
  check({ model, report }) {
    const sites = cookieSites(model);
    if (new Set(sites.map((s) => s.value)).size < 2) return;
    for (const site of sites) {
      const others = sites.filter((s) => s.value !== site.value);
      if (others.length === 0) continue;
      const first = others[0];
      const more = others.length > 1 ? ` and ${others.length - 1} more place${others.length > 2 ? 's' : ''}` : '';
      report({
        file: site.origin.file,
        span: site.origin.span,
        message:
          `${site.label} sets the Erlang cookie ${shown(site.value)}, but ${first.label} sets ${shown(first.value)}${more}; ` +
          'only one of them reaches the node, so peers and tools configured from the other file cannot connect. Keep one cookie in one place.',
        related: others.map((o) => ({ file: o.origin.file, span: o.origin.span, message: `${o.label} sets a different cookie here` })),
      });
    }
  },
};
