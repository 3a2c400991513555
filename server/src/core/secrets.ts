/** Secrets the product generates: always from crypto.randomBytes, never Math.random or a fixed string. */
import { trimTrailing } from './scan';
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
        const bare = trimTrailing(w, (c) => c === '.' || c === ':');
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
