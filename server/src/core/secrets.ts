/** Secrets the product generates: always from crypto.randomBytes, never Math.random or a fixed string. */
import { randomBytes } from 'node:crypto';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ALPHANUMERIC = LETTERS + '0123456789';
/** Symbols EMQX's dashboard accepts in passwords that need no quoting or escaping in HOCON quoted strings. */
const PASSWORD_SYMBOLS = '!#%&()*+,-./:;<=>?@[]^_{|}~';

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
 * An Erlang cookie: alphanumeric (valid unquoted in HOCON, vm.args and unit files), starting with a letter
 * so EMQX's HOCON reads it unquoted. 48 characters carry about 285 bits.
 */
export function generateCookie(length = 48): string {
  return randomChars(LETTERS, 1) + randomChars(ALPHANUMERIC, length - 1);
}

/** A password of 24 characters with at least one lower, upper, digit and symbol. */
export function generatePassword(length = 24): string {
  for (;;) {
    const candidate = randomChars(ALPHANUMERIC + PASSWORD_SYMBOLS, length);
    if (/[a-z]/.test(candidate) && /[A-Z]/.test(candidate) && /\d/.test(candidate) && /[^A-Za-z0-9]/.test(candidate)) return candidate;
  }
}

/** How a secret may appear in a message: a short prefix only, never the whole value. */
export function redact(secret: string): string {
  if (secret.length <= 4) return '…';
  return `${secret.slice(0, 3)}…`;
}

/** `env-password`: a password for an environment value, where EMQX parses HOCON and systemd expands `%`: letters, digits and `._@-` only, starting with a letter. */
export type SecretKind = 'cookie' | 'password' | 'env-password';

/** Kinds whose values are valid unquoted strings in EMQX HOCON. */
export function isUnquotedSafeKind(text: string): boolean {
  return /\uE000(cookie|env-password)\uE001/.test(text) && !/\uE000password\uE001/.test(text);
}

/** generatePassword() with its symbols swapped for letters outside `._@-`, starting with a letter. */
export function generateEnvSafePassword(): string {
  const password = generatePassword();
  return generateCookie(1) + password.slice(1).replace(/[^A-Za-z0-9._@-]/g, () => generateCookie(1));
}

/**
 * Fixes carry a placeholder instead of a secret, so no secret exists until a fix is applied (none in
 * diagnostics, traces or JSON output), and every application gets a fresh one. Private-use characters
 * cannot clash with a user's text.
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(cookie|password|env-password)\uE001/g;

export function secretPlaceholder(kind: SecretKind): string {
  return `${OPEN}${kind}${CLOSE}`;
}

export function hasSecretPlaceholder(text: string): boolean {
  return text.includes(OPEN);
}

/**
 * Replaces placeholders with freshly generated secrets: one value per kind per call, so a fix that sets the
 * same cookie in several files keeps them equal.
 */
export function fillSecrets<T extends { newText: string }>(edits: readonly T[]): T[] {
  if (!edits.some((e) => hasSecretPlaceholder(e.newText))) return [...edits];
  const values: Partial<Record<SecretKind, string>> = {};
  const value = (kind: SecretKind) => (values[kind] ??= kind === 'cookie' ? generateCookie() : kind === 'env-password' ? generateEnvSafePassword() : generatePassword());
  return edits.map((e) => ({ ...e, newText: e.newText.replace(PLACEHOLDER, (_, kind: SecretKind) => value(kind)) }));
}

/** Placeholders shown for people (JSON output): `<generated cookie>`. */
export function describeSecrets(text: string): string {
  return text.replace(PLACEHOLDER, (_, kind: string) => `<generated ${kind}>`);
}
