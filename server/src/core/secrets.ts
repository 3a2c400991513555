/** Secrets the product generates: always from crypto.randomBytes, never Math.random or a fixed string. */
import { randomBytes } from 'node:crypto';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ALPHANUMERIC = LETTERS + '0123456789';

/** What a generated secret is for: the cookie must be equal on every node; passwords are per setting. */
export type SecretKind = 'cookie' | 'password';

/**
 * Where a generated secret is written; each format has an alphabet it reads back unchanged.
 * - `hocon-string`: inside a double-quoted HOCON string (5.x/6.x emqx.conf).
 * - `emqx4`: a 4.x flat value (raw to the end of the line; a value starting with `{`, `[` or `"` makes the
 *   file look like HOCON).
 * - `hocon`: an unquoted HOCON value. `vmargs`: a vm.args argument (blank-separated, `#` comments).
 * - `systemd`: an `Environment=` assignment (`%` is a specifier, `$`, quotes and `\` are special), read by
 *   EMQX as HOCON. `env`: an `EnvironmentFile=` line, read by EMQX as HOCON. `yaml`: a plain YAML scalar.
 * - `plain`: where the format is not known; safe unquoted in every format above.
 */
export type SecretFormat = 'hocon-string' | 'emqx4' | 'hocon' | 'vmargs' | 'systemd' | 'env' | 'yaml' | 'plain';

/**
 * Symbols that HOCON quoted strings and 4.x values take literally: no quote, backslash or `$`, and no
 * braces, which could form a `{{ }}` that reads as an unrendered build template.
 */
const QUOTED_SYMBOLS = '!#%&()*+,-./:;<=>?@[]^_|~';
/** Symbols every format reads plainly unquoted: not `%` (systemd specifiers), `@` (HOCON) or `/` (`//` comments). */
const PLAIN_SYMBOLS = '-._';

interface Alphabet {
  /** The characters of a password after the first. */
  rest: string;
  /** Its first character: a letter or digit, so no format reads a leading symbol as syntax. */
  first: string;
}

const PLAIN: Alphabet = { first: LETTERS, rest: ALPHANUMERIC + PLAIN_SYMBOLS };
const PASSWORD_ALPHABETS: Record<SecretFormat, Alphabet> = {
  'hocon-string': { first: ALPHANUMERIC, rest: ALPHANUMERIC + QUOTED_SYMBOLS },
  emqx4: { first: ALPHANUMERIC, rest: ALPHANUMERIC + QUOTED_SYMBOLS },
  hocon: PLAIN,
  vmargs: PLAIN,
  systemd: PLAIN,
  env: PLAIN,
  yaml: PLAIN,
  plain: PLAIN,
};

/** Uniformly random characters from an alphabet (rejection sampling, so no modulo bias). */
function randomChars(alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit) out += alphabet[byte % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/**
 * An Erlang cookie: a letter, then letters and digits. One alphabet for every format, because every node
 * and every file of a cluster must hold the same value; 48 characters carry about 285 bits.
 */
export function generateCookie(length = 48): string {
  return randomChars(LETTERS, 1) + randomChars(ALPHANUMERIC, length - 1);
}

/** A password of `length` characters safe in `format`, with at least one lower, upper, digit and symbol. */
export function generatePassword(format: SecretFormat = 'plain', length = 24): string {
  const { first, rest } = PASSWORD_ALPHABETS[format];
  for (;;) {
    const candidate = randomChars(first, 1) + randomChars(rest, length - 1);
    if (/[a-z]/.test(candidate) && /[A-Z]/.test(candidate) && /\d/.test(candidate) && /[^A-Za-z0-9]/.test(candidate)) return candidate;
  }
}

/** The one generator behind fixes, snippets and the editor's commands. */
export function generateSecret(kind: SecretKind, format: SecretFormat = 'plain'): string {
  return kind === 'cookie' ? generateCookie() : generatePassword(format);
}

/** How a secret may appear in a message: a short prefix only, never the whole value. */
export function redact(secret: string): string {
  if (secret.length <= 4) return '…';
  return `${secret.slice(0, 3)}…`;
}

/** Whether a placeholder's secret is a valid unquoted HOCON string: cookies, and passwords of the plain alphabet. */
export function isUnquotedSafeKind(text: string): boolean {
  const found = [...text.matchAll(PLACEHOLDER)];
  return found.length > 0 && found.every((m) => m[1] === 'cookie' || PASSWORD_ALPHABETS[formatOf(m[2])] === PLAIN);
}

/**
 * Fixes carry a placeholder instead of a secret, so no secret exists until a fix is applied (none in
 * diagnostics, traces or JSON output), and every application gets a fresh one. Private-use characters
 * cannot clash with a user's text.
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(cookie|password)(?::([a-z0-9-]+))?\uE001/g;

function formatOf(name: string | undefined): SecretFormat {
  return name !== undefined && name in PASSWORD_ALPHABETS ? (name as SecretFormat) : 'plain';
}

/** A placeholder for a secret of `kind` written in `format` (passwords only; a cookie is the same everywhere). */
export function secretPlaceholder(kind: SecretKind, format: SecretFormat = 'plain'): string {
  return kind === 'cookie' || format === 'plain' ? `${OPEN}${kind}${CLOSE}` : `${OPEN}${kind}:${format}${CLOSE}`;
}

export function hasSecretPlaceholder(text: string): boolean {
  return text.includes(OPEN);
}

/** Values chosen beforehand: the cluster's cookie (engine/clusterSecrets.ts), so every node gets the same one. */
export interface ChosenSecrets {
  cookie?: string;
}

/**
 * Replaces placeholders with freshly generated secrets: one value per kind and format per call, so a fix
 * that sets the same cookie in several files keeps them equal; `chosen` values are used as given.
 */
export function fillSecrets<T extends { newText: string }>(edits: readonly T[], chosen: ChosenSecrets = {}): T[] {
  if (!edits.some((e) => hasSecretPlaceholder(e.newText))) return [...edits];
  const values = new Map<string, string>();
  const value = (kind: SecretKind, format: SecretFormat) => {
    if (kind === 'cookie' && chosen.cookie !== undefined) return chosen.cookie;
    const key = kind === 'cookie' ? kind : `${kind}:${format}`;
    let v = values.get(key);
    if (v === undefined) values.set(key, (v = generateSecret(kind, format)));
    return v;
  };
  return edits.map((e) => ({ ...e, newText: e.newText.replace(PLACEHOLDER, (_, kind: SecretKind, format?: string) => value(kind, formatOf(format))) }));
}

/** Placeholders shown for people (JSON output): `<generated cookie>`. */
export function describeSecrets(text: string): string {
  return text.replace(PLACEHOLDER, (_, kind: string) => `<generated ${kind}>`);
}
