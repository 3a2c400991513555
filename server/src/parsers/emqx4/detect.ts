/**
 * Tells an EMQX 4.x flat config from a 5.x/6.x HOCON one. Both may be written as `a.b = c` lines, so
 * the verdict rests on shapes only one of them allows:
 * - HOCON only: `{`/`[` blocks, `}` lines, `key: value` or `key {`, quoted keys, quoted or `${...}`
 *   values, `include "file"`, `+=`, `//` comments.
 * - 4.x only: unquoted values HOCON rejects (`0.0.0.0:1883`, `emqx@127.0.0.1`, `{{ build_var }}`,
 *   `%Y-%m-%d`, `$all`...), and keys that exist only in the 4.x schema (`listener.tcp.external`,
 *   `zone.external.*`, `allow_anonymous`, `acl_nomatch`, `node.dist_use_interface`...).
 * A file whose lines are valid HOCON and show no 4.x-only shape counts as HOCON.
 */

/** Root keys and key prefixes that only the 4.x schema has (5.x renamed or dropped them). */
const V4_ONLY_KEY = /^(listener\.(tcp|ssl|ws|wss)\.|zone\.|allow_anonymous$|acl_nomatch$|acl_file$|acl_order$|auth_order$|enable_acl_cache$|acl_cache_|acl_deny_action$|flapping_detect_policy$|node\.dist_(use_interface|listen_min|listen_max)$|dashboard\.listener\.|dashboard\.default_user\.|management\.default_application\.|module\.|modules\.|broker\.|auth\.(mnesia|http|jwt|ldap|mysql|pgsql|redis|mongo|client|user)\.|log\.to$|cluster\.discovery$|cluster\.(static|mcast|dns|etcd|k8s)\.)/;

/** Key prefixes that only the 5.x/6.x schema has: a dialect mistake on such a line is still HOCON. */
const V5_ONLY_KEY = /^(listeners\.|dashboard\.listeners\.|authentication|authorization\.|durable_sessions\.|force_shutdown\.|overload_protection\.|node\.dist_bind_address$|cluster\.discovery_strategy$)/;

/** Characters HOCON forbids in an unquoted string (besides `{`, `}`, `[`, `]`, `=`, `,`, `#`, `"`, handled apart). */
const HOCON_FORBIDDEN_UNQUOTED = /[:@!?^*&`\\]|\$(?!\{)|\+(?!=)/;

/** True when `text` reads as an EMQX 4.x flat config rather than HOCON. Linear; never throws. */
export function looksLikeEmqx4(text: string): boolean {
  return isEmqx4(countLines(text, firstLineStart(text), text.length));
}

/** How many lines only HOCON allows and how many only the 4.x format allows. */
export interface LineCounts {
  hocon: number;
  flat: number;
}

/** The verdict of looksLikeEmqx4 from its line counts. */
export function isEmqx4(counts: LineCounts): boolean {
  return counts.flat > 0 && counts.flat >= counts.hocon * 4;
}

/** Where detection reads the first line: after a byte order mark. */
export function firstLineStart(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/**
 * Counts the lines that start in [from, last] (`from` a line start). Each line's verdict depends on that
 * line alone, so after an edit only the lines it touched need counting again (parsers/reparse.ts).
 */
export function countLines(text: string, from: number, last: number): LineCounts {
  let hocon = 0;
  let flat = 0;
  let pos = from;
  while (pos < text.length && pos <= last) {
    let eol = pos;
    while (eol < text.length && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    const verdict = quickVerdict(text, pos, eol) ?? classifyLine(text.slice(pos, Math.min(eol, pos + 4096)).trim());
    if (verdict === 'hocon') hocon++;
    else if (verdict === 'flat') flat++;
    pos = eol + 1;
  }
  return { hocon, flat };
}

const SPACE = 32;
const TAB = 9;

function isKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 92 || c === 36 || c === 45;
}

/**
 * classifyLine's verdict for the shapes most lines have (blank, comment, `}`, `key {`, `key = "..."`),
 * read in place: detection runs on every keystroke, and slicing and matching each line of a large file
 * costs more than parsing it. Undefined when the line needs classifyLine itself.
 */
export function quickVerdict(text: string, start: number, eol: number): 'hocon' | 'flat' | 'neutral' | undefined {
  if (eol - start > 4096) return undefined;
  let i = start;
  while (i < eol && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
  if (i === eol) return 'neutral';
  let c = text.charCodeAt(i);
  if (c === 35 /* # */) return 'neutral';
  if (c === 125 /* } */ || c === 93 /* ] */ || c === 34 /* " */) return 'hocon';
  if (c === 47 /* / */) return text.charCodeAt(i + 1) === 47 ? 'hocon' : undefined;
  const keyStart = i;
  while (i < eol && isKeyChar(text.charCodeAt(i))) i++;
  const keyEnd = i;
  if (i === keyStart || (i - keyStart === 7 && text.startsWith('include', keyStart))) return undefined;
  while (i < eol && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
  c = text.charCodeAt(i);
  if (c === 58 /* : */ || c === 123 /* { */) return 'hocon';
  if (c !== 61 /* = */) return undefined;
  i++;
  while (i < eol && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
  c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  if (c === 34 /* " */ || c === 91 /* [ */ || (c === 123 /* { */ && next !== 123) || (c === 36 /* $ */ && next === 123)) return 'hocon';
  // A bare word or number (`max_connections = 1000`, `verify = verify_peer`), then perhaps a comment:
  // the key alone decides.
  const valueStart = i;
  while (i < eol && isPlainValueChar(text.charCodeAt(i))) i++;
  if (i === valueStart || (i < eol && text.charCodeAt(i) !== 35 /* # */)) return undefined;
  // A `{{` anywhere on the line (even in the comment) makes it a 4.x template line; looked for within
  // the line only, so that a file without any stays linear.
  for (let j = i; j + 1 < eol; j++) if (text.charCodeAt(j) === 123 && text.charCodeAt(j + 1) === 123) return undefined;
  const key = text.slice(keyStart, keyEnd);
  if (V5_ONLY_KEY.test(key)) return 'hocon';
  return V4_ONLY_KEY.test(key) ? 'flat' : 'neutral';
}

/** Characters of a bare value that HOCON and the 4.x format read alike. */
function isPlainValueChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45 || c === SPACE || c === TAB;
}

/** A value without its trailing `#` or `//` comment and the blanks before it. */
function withoutComment(rest: string): string {
  const hash = rest.indexOf('#');
  const slashes = rest.indexOf('//');
  const cut = hash < 0 ? slashes : slashes < 0 ? hash : Math.min(hash, slashes);
  return cut < 0 ? rest : rest.slice(0, cut).trimEnd();
}

export function classifyLine(line: string): 'hocon' | 'flat' | 'neutral' {
  if (line === '' || line.startsWith('#')) return 'neutral';
  if (line.startsWith('//') || line.startsWith('}') || line.startsWith(']') || line.startsWith('"')) return 'hocon';
  const key = /^[A-Za-z0-9_.\\$-]+/.exec(line)?.[0] ?? '';
  if (key === '') return 'neutral';
  let rest = line.slice(key.length).trimStart();
  if (key === 'include') return rest.startsWith('"') || rest.startsWith('required(') ? 'hocon' : 'flat';
  if (rest.startsWith(':') || rest.startsWith('{') || rest.startsWith('+=')) return 'hocon';
  if (!rest.startsWith('=')) return 'neutral';
  rest = rest.slice(1).trim();
  if (V5_ONLY_KEY.test(key)) return 'hocon';
  if (rest.startsWith('{{')) return 'flat';
  if (rest.startsWith('{') || rest.startsWith('[') || rest.startsWith('"') || rest.startsWith('${')) return 'hocon';
  if (rest.includes('{{')) return 'flat';
  const unquoted = withoutComment(rest);
  if (HOCON_FORBIDDEN_UNQUOTED.test(unquoted)) return 'flat';
  if (V4_ONLY_KEY.test(key)) return 'flat';
  return 'neutral';
}
