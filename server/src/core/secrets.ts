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

/**
 * Names whose values are secrets: the last segment of a config key (`node.cookie`, `ssl.password`), an
 * environment variable (`EMQX_DASHBOARD__DEFAULT_PASSWORD`, `RELX_COOKIE`), a vm.args flag (`-setcookie`).
 * Covers every key the knowledge tables type as `secret`, and the usual spellings of tokens and keys.
 */
const SECRET_NAME = /^(?:[a-z0-9]*_)*(?:cookie|setcookie|password|passwd|passphrase|secret|secret_key|secret_access_key|api_key|apikey|api_secret|token|access_token|refresh_token|private_key|key_password|credential|credentials)$/;

/** A cheap first test: most names hold none of these, and the outline and redactor ask for every key. */
const SECRET_HINT = /cookie|pass|secret|key|token|credential/i;

export function isSecretName(name: string): boolean {
  if (!SECRET_HINT.test(name)) return false;
  const segments = name.toLowerCase().replace(/^-+/, '').split(/\.|__/);
  return SECRET_NAME.test(segments[segments.length - 1] ?? '');
}

/** Shorter values are not worth hiding and would mangle messages (`1`, `on`). */
const MIN_SECRET_LENGTH = 4;
const WORD = /[A-Za-z0-9_]/;

/** The regex of secrets is kept to this many characters; further secrets are found word by word. */
const MAX_PATTERN_CHARS = 64 * 1024;
/** What separates a value from the text around it in a message: blanks, quotes, backticks, brackets. */
const DELIMITED = /([\s`"'()[\]{},;]+)/;

/**
 * The one place secret values leave the product: every message, fix title, hover, outline entry, diff
 * and `resolve` output goes through `conceal`, which replaces each known secret value by `redact(value)`.
 * A value is replaced where it stands as a whole word (not inside a longer word), so a cookie `abcd`
 * hides in "`abcd`" but "abcdef" is left alone. Linear in the text for any number and size of secrets:
 * one regex over the first 64 K characters of secrets, a lookup of each delimited word for the rest.
 */
export class SecretRedactor {
  private readonly pattern: RegExp | undefined;
  private readonly words = new Set<string>();

  constructor(values: Iterable<string>) {
    const unique = [...new Set([...values].map((v) => v.trim()).filter((v) => v.length >= MIN_SECRET_LENGTH && !isPlaceholder(v)))];
    // Longest first: a secret that contains another is replaced whole.
    unique.sort((a, b) => b.length - a.length);
    const alternatives: string[] = [];
    let size = 0;
    for (const v of [...unique].reverse()) {
      if (size + v.length > MAX_PATTERN_CHARS) {
        this.words.add(v);
        continue;
      }
      size += v.length;
      const literal = v.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      alternatives.push(`${WORD.test(v[0]) ? '(?<![A-Za-z0-9_])' : ''}${literal}${WORD.test(v[v.length - 1]) ? '(?![A-Za-z0-9_])' : ''}`);
    }
    alternatives.reverse();
    this.pattern = alternatives.length ? new RegExp(alternatives.join('|'), 'g') : undefined;
  }

  get empty(): boolean {
    return this.pattern === undefined && this.words.size === 0;
  }

  conceal(text: string): string {
    let out = this.pattern ? text.replace(this.pattern, (secret) => redact(secret)) : text;
    if (this.words.size) {
      out = out.split(DELIMITED).map((w) => {
        const bare = w.replace(/[.:]+$/, '');
        return this.words.has(w) ? redact(w) : this.words.has(bare) ? redact(bare) + w.slice(bare.length) : w;
      }).join('');
    }
    return out;
  }
}

/** A template placeholder or a substitution stands for a value; it is not one (`{{ cookie }}`, `${node.cookie}`). */
function isPlaceholder(v: string): boolean {
  return (v.startsWith('{{') && v.endsWith('}}')) || (v.startsWith('${') && v.endsWith('}'));
}

export const NO_SECRETS = new SecretRedactor([]);

/** `NAME=value` words (Environment= lines, vm.args `-env` pairs) with the value of each secret name redacted. */
export function concealAssignments(text: string): string {
  // Word by word, not one regex over the line: linear on any input.
  return text.split(/(\s+)/).map((word) => {
    const eq = word.indexOf('=');
    if (eq <= 0) return word;
    const name = word.slice(0, eq).replace(/^["']/, '');
    const value = word.slice(eq + 1).replace(/^["']|["']$/g, '');
    return isSecretName(name) && value ? `${word.slice(0, eq + 1)}${redact(value)}` : word;
  }).join('');
}

/**
 * A plain JSON value (`mqtt-harden resolve`) with every value under a secret name redacted, and every
 * other string passed through `redactor` (a substitution may copy a secret under another name).
 */
export function concealPlain(value: unknown, redactor: SecretRedactor): unknown {
  type Slot = { value: unknown; set: (v: unknown) => void };
  let root: unknown = value;
  const stack: Slot[] = [{ value, set: (v) => (root = v) }];
  // Iterative: a deeply nested configuration cannot overflow the stack.
  while (stack.length) {
    const { value: v, set } = stack.pop()!;
    if (typeof v === 'string') set(redactor.conceal(v));
    else if (Array.isArray(v)) {
      const copy = [...v];
      set(copy);
      copy.forEach((item, i) => stack.push({ value: item, set: (x) => (copy[i] = x) }));
    } else if (v && typeof v === 'object') {
      const copy: Record<string, unknown> = { ...(v as Record<string, unknown>) };
      set(copy);
      for (const [k, item] of Object.entries(copy)) {
        if (isSecretName(k) && (typeof item === 'string' || typeof item === 'number')) copy[k] = redact(String(item));
        else stack.push({ value: item, set: (x) => (copy[k] = x) });
      }
    }
  }
  return root;
}
