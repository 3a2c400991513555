import type { Rule } from '../types';
import { docsPath } from '../types';
import { redact, secretPlaceholder } from '../../core/secrets';
import { hasTemplatePlaceholder } from '../../core/templates';

const id = 'erlang/weak-cookie';

/** Cookies that EMQX or its packaging ships, and words people type in their place. */
const KNOWN_DEFAULTS = new Set(['emqxsecretcookie', 'emqx50elixir', 'emqxsecret', 'secretcookie', 'emqx', 'cookie', 'secret', 'changeme', 'emqxcookie']);
const MIN_LENGTH = 32;

/** Why a cookie is weak, or undefined when it is strong enough. */
export function cookieWeakness(cookie: string): string | undefined {
  if (hasTemplatePlaceholder(cookie)) return 'is an unrendered build template, so the literal placeholder becomes the cookie';
  if (KNOWN_DEFAULTS.has(cookie.toLowerCase())) return 'is a publicly known default';
  if (cookie.length < MIN_LENGTH) return `is only ${cookie.length} characters long (at least ${MIN_LENGTH} are needed)`;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(cookie)).length;
  if (classes < 2) return 'uses a single character class';
  if (/(.)\1{3,}/.test(cookie)) return 'repeats one character four or more times in a row';
  if (new Set(cookie).size < 10) return `has only ${new Set(cookie).size} distinct characters`;
  return undefined;
}

const SOURCE_NAMES = { 'emqx.conf': 'node.cookie', 'vm.args': '-setcookie', env: 'EMQX_NODE__COOKIE' } as const;

export const rule: Rule = {
  id,
  severity: 'error',
  fixable: true,
  docs: { title: 'The Erlang cookie is weak', path: docsPath(id) },
  check({ model, report }) {
    // One placeholder for every place that sets a cookie: filled with one fresh cookie when applied, so the sites stay equal.
    const fresh = secretPlaceholder('cookie');
    const fixAll = model.node.cookies.flatMap((c) => model.edits.replaceValue(c, fresh));
    for (const cookie of model.node.cookies) {
      const why = cookieWeakness(cookie.value);
      if (!why) continue;
      const setting = cookie.origin.env ?? SOURCE_NAMES[cookie.source];
      report({
        file: cookie.origin.file,
        span: cookie.origin.span,
        message: `${setting} "${redact(cookie.value)}" ${why}; anyone who can reach the distribution port with the cookie controls every node of the cluster.`,
        fixes: [{ title: 'Replace with a fresh random 48-character cookie', edits: fixAll, preferred: true, safe: true }],
      });
    }
  },
};
