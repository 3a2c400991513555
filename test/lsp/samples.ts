/** Small documents the protocol tests send; each states which line the interesting value is on. */
import { randomBytes } from 'node:crypto';

export const WEAK_COOKIE = 'emqxsecretcookie';

/** A cookie the weak-cookie rule accepts: 48 random alphanumeric characters. */
export function strongCookie(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(48)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** emqx.conf whose node block carries `cookie` on line 2 (0-based). */
export function hoconWithCookie(cookie: string): string {
  return ['node {', '  name = "emqx@127.0.0.1"', `  cookie = "${cookie}"`, '  data_dir = "data"', '}', ''].join('\n');
}
export const COOKIE_LINE = 2;

/** vm.args with `-setcookie` on line 1. */
export function vmargsWithCookie(cookie: string): string {
  return ['-name emqx@127.0.0.1', `-setcookie ${cookie}`, '+P 2097152', ''].join('\n');
}

/** A HOCON document with a substitution: `${node.data_dir}` on line 4 points at line 2. */
export const HOCON_SUBSTITUTION = [
  'node {',
  '  name = "emqx@127.0.0.1"',
  '  data_dir = "/var/lib/emqx"',
  '}',
  'durable_storage.messages.data_dir = ${node.data_dir}',
  '',
].join('\n');

/** Badly indented HOCON for formatting. */
export const HOCON_UNFORMATTED = ['node {', 'name = "emqx@127.0.0.1"', '        data_dir = "data"', '}', ''].join('\n');

/** Random bytes read as text: control characters, lone surrogates, unbalanced braces and quotes. */
export function randomText(length: number, seed: number): string {
  let state = seed >>> 0 || 1;
  const next = () => ((state = (state * 1103515245 + 12345) >>> 0) >>> 8) & 0xffff;
  const pieces = ['{', '}', '[', ']', '"', '"""', '${', '=', ':', '\n', '\r\n', '#', '//', '\\', '\u0000', '\ud800', '\udfff', 'include ', '\t'];
  let out = '';
  while (out.length < length) {
    const n = next();
    out += n % 3 === 0 ? pieces[n % pieces.length] : String.fromCharCode(n % 0x2fff);
  }
  return out;
}

/** Language ids the extension contributes, with a file name of that kind. */
export const KINDS: Array<{ languageId: string; name: string }> = [
  { languageId: 'emqx-hocon', name: 'emqx.conf' },
  { languageId: 'erlang-vmargs', name: 'vm.args' },
  { languageId: 'sysctl-conf', name: 'sysctl.conf' },
  { languageId: 'emqx-systemd', name: 'emqx.service' },
  { languageId: 'limits-conf', name: 'limits.conf' },
];
