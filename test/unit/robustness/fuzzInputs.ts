/** Fuzzing inputs: corpus seeds per file kind and fast-check arbitraries that mutate them (see fuzzSupport.ts). */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';

// ---------------------------------------------------------------------------------------------- corpus

export const CORPUS = path.resolve('..', 'shared', 'corpus');
const EXAMPLES = path.resolve('examples');

function readAll(files: string[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    try {
      out.push(fs.readFileSync(f, 'utf8'));
    } catch {
      // A missing corpus file only narrows the seeds.
    }
  }
  return out;
}

function walk(dir: string, accept: (file: string) => boolean, out: string[] = []): string[] {
  let names: fs.Dirent[];
  try {
    names = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of names) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, accept, out);
    else if (accept(p)) out.push(p);
  }
  return out.sort();
}

const LIMITS_SEEDS = [
  '# /etc/security/limits.d/emqx.conf\nemqx soft nofile 1048576\nemqx hard nofile 1048576\n* - nproc unlimited\n@mqtt hard core 0\n',
  '*               soft    core            0\nroot            hard    nofile          65536\n%admins - maxlogins 4   # trailing comment\n1000:2000 soft nice -5\n',
];
const ENV_SEEDS = [
  '# environment for emqx.service\nEMQX_NODE__COOKIE=emqxsecretcookie\nexport EMQX_NODE__NAME="emqx@10.0.0.1"\nEMQX_DASHBOARD__DEFAULT_PASSWORD=\'public\'\n',
  'A=1\nB="multi\nline \\"quoted\\" \\$HOME"\nC=unquoted\\\n continued\n; semicolon comment\nD=\n',
];
const SYSCTL_EXTRA = ['-net.ipv4.tcp_syncookies=1\nnet/ipv4/conf/eth0.100/rp_filter = 1\n; comment\nkernel.pid_max=4194304\n'];

export type ParserName = 'hocon' | 'emqx4' | 'vmargs' | 'sysctl' | 'systemd' | 'limits' | 'envfile';
export const PARSER_NAMES: ParserName[] = ['hocon', 'emqx4', 'vmargs', 'sysctl', 'systemd', 'limits', 'envfile'];

let seedCache: Record<ParserName, string[]> | undefined;

/** Seed texts per parser: real files from the corpus and examples, plus a few written here for formats the corpus lacks. */
export function seeds(): Record<ParserName, string[]> {
  if (seedCache) return seedCache;
  const emqx = path.join(CORPUS, 'emqx');
  const v4 = path.join(emqx, 'v4.4.19');
  const hocon = [
    ...walk(path.join(emqx, 'v5.8.9'), (f) => /\.(conf|hocon|example)$/.test(f) && !/acl\.conf$|ssl_dist\.conf$/.test(f)),
    ...walk(path.join(emqx, '6.2.2'), (f) => /\.(conf|hocon)$/.test(f) && !/acl\.conf$|ssl_dist\.conf$/.test(f)),
    ...walk(path.join(CORPUS, 'hocon'), (f) => /\.(conf|json)$/.test(f)),
  ];
  const text = (files: string[]) => readAll(files);
  seedCache = {
    hocon: [...text(hocon), ...text([path.join(EXAMPLES, 'emqx.conf')])],
    emqx4: text(walk(v4, (f) => f.endsWith('.conf') && !/acl\.conf$|ssl_dist\.conf$/.test(f))),
    vmargs: text([...walk(emqx, (f) => /vm\.args/.test(path.basename(f))), path.join(EXAMPLES, 'vm.args')]),
    sysctl: [...text([path.join(EXAMPLES, 'sysctl.conf')]), ...SYSCTL_EXTRA],
    systemd: text([...walk(emqx, (f) => f.endsWith('.service')), path.join(EXAMPLES, 'emqx.service')]),
    limits: LIMITS_SEEDS,
    envfile: ENV_SEEDS,
  };
  for (const [name, list] of Object.entries(seedCache)) if (list.length === 0) throw new Error(`no seeds for ${name}: is ../shared/corpus there?`);
  return seedCache;
}

// -------------------------------------------------------------------------------------------- mutation

/** Fragments that stress tokenizers: brackets, quotes, escapes, control characters, broken UTF-16, line ends, BOM. */
export const NASTY = [
  '{', '}', '[', ']', '"', '"""', "'", '${', '${?', '}}', '{{ x }}', '<%= y %>', '=', ':', '+=', ',', '.', '\\', '\\\n', '#', '//', ';',
  '\n', '\r\n', '\r', '\u0000', '\ud800', '\udfff', '\udc00\ud800', '\ufffd', '\ufeff', '\u2028', '\t', '\v', '\f', ' ', 'include ', 'include required("x.conf")',
  '[Service]', '-setcookie', '+P', 'export ', 'soft nofile', 'node.cookie = ', '0x', '1e999', '-', '%', '@', '*',
  // Control characters, terminal escapes among them.
  '\u0001', '\u0007', '\b', '\u001b', '\u001b[2J', '\u001bc', '\u001b]0;x\u0007', '\u007f', '\u0085', '\u009b',
];

// ------------------------------------------------------------------------------------ hostile shapes

/** Text as the product sees a file with bytes that are not UTF-8: each invalid byte decodes to U+FFFD. */
export function withInvalidBytes(text: string, at: number[], bytes: number[]): string {
  const utf8 = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  let cursor = 0;
  const cuts = [...at].map((a) => (utf8.length ? a % (utf8.length + 1) : 0)).sort((a, b) => a - b);
  cuts.forEach((cut, i) => {
    parts.push(utf8.subarray(cursor, cut), Buffer.from([0x80 | (bytes[i % bytes.length] & 0x7f)]));
    cursor = cut;
  });
  parts.push(utf8.subarray(cursor));
  return new TextDecoder('utf-8').decode(Buffer.concat(parts));
}

/**
 * The shapes of issue 25's hostile inputs, small enough for thousands of cases: a long run of one
 * character, one key defined many times, substitutions that double per line, forward substitution
 * chains, control characters, and bytes that are not UTF-8. Include fan-out is deploymentArb's.
 */
export function hostileArb(parser: ParserName): fc.Arbitrary<string> {
  const seedText = fc.nat().map((k) => seeds()[parser][k % seeds()[parser].length].slice(0, 2000));
  const runChar = fc.constantFrom('{', '[', '"', '$', '\\', '=', ' ', 'a', '\n', '#', '/', '\u001b', '\ufffd', '\ud800');
  const shapes: Array<fc.Arbitrary<string>> = [
    fc.tuple(fc.constantFrom('', 'a = ', 'node.cookie = ', '-setcookie ', 'k', '[Service]\nUser=', 'x soft nofile '), runChar, fc.integer({ min: 100, max: 20_000 })).map(([p, c, n]) => p + c.repeat(n)),
    fc.tuple(fc.constantFrom('a = 1', 'node.cookie = x', 'a.b.c = 1', 'a {x = 1}', 'a = ${?a} x', '-setcookie x', 'fs.file-max = 1', 'A=1'), fc.integer({ min: 100, max: 3000 })).map(([line, n]) => `${line}\n`.repeat(n)),
    fc.tuple(fc.constantFrom('arrays', 'objects', 'strings'), fc.integer({ min: 2, max: 28 })).map(([kind, n]) => doubling(kind, n)),
    fc.integer({ min: 2, max: 600 }).map((n) => Array.from({ length: n }, (_, i) => `k${i} = \${k${i + 1}}`).join('\n') + `\nk${n} = 1\n`),
    fc.tuple(seedText, fc.array(fc.constantFrom(...NASTY.slice(-10)), { minLength: 1, maxLength: 20 }), fc.array(fc.nat(), { minLength: 20, maxLength: 20 })).map(([t, cs, at]) => cs.reduce((acc, c, i) => mutate(acc, { op: 'insert', at: at[i], text: c }), t)),
    fc.tuple(seedText, fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), fc.array(fc.nat({ max: 255 }), { minLength: 1, maxLength: 12 })).map(([t, at, bytes]) => withInvalidBytes(t, at, bytes)),
  ];
  return fc.oneof(...shapes);
}

/** `n` lines, each using the previous value twice. */
export function doubling(kind: 'arrays' | 'objects' | 'strings', n: number): string {
  const line = (i: number) => {
    if (kind === 'arrays') return i === 0 ? 'a = [1]' : 'a = ${a} ${a}';
    if (kind === 'objects') return i === 0 ? 'o0 = {x = 1}' : `o${i} = {l = \${o${i - 1}}, r = \${o${i - 1}}}`;
    return i === 0 ? 'a0 = "ab"' : `a${i} = \${a${i - 1}}\${a${i - 1}}`;
  };
  return Array.from({ length: n + 1 }, (_, i) => line(i)).join('\n') + '\n';
}

export type Mutation =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; len: number }
  | { op: 'duplicate'; at: number; len: number; to: number }
  | { op: 'flip'; at: number; bit: number }
  | { op: 'splice'; at: number; line: string }
  | { op: 'eol'; style: number }
  | { op: 'bom' }
  | { op: 'window'; at: number; len: number };

function pos(at: number, len: number): number {
  return len === 0 ? 0 : at % (len + 1);
}

/** Applies one mutation; positions are taken modulo the current length so any number is valid. */
export function mutate(text: string, m: Mutation): string {
  const n = text.length;
  switch (m.op) {
    case 'insert': {
      const i = pos(m.at, n);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'delete': {
      const i = pos(m.at, n);
      return text.slice(0, i) + text.slice(i + m.len);
    }
    case 'duplicate': {
      const i = pos(m.at, n);
      const chunk = text.slice(i, i + m.len);
      const j = pos(m.to, n);
      return text.slice(0, j) + chunk + text.slice(j);
    }
    case 'flip': {
      if (n === 0) return text;
      const i = m.at % n;
      return text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ (1 << m.bit)) + text.slice(i + 1);
    }
    case 'splice': {
      // A line from another format, placed at a line start.
      const i = pos(m.at, n);
      const lineStart = Math.max(text.lastIndexOf('\n', i - 1) + 1, 0);
      return text.slice(0, lineStart) + m.line + '\n' + text.slice(lineStart);
    }
    case 'eol': {
      // 0: all CRLF, 1: all CR, 2: mixed per line, 3: all LF.
      const lf = text.replace(/\r\n?/g, '\n');
      if (m.style === 0) return lf.replace(/\n/g, '\r\n');
      if (m.style === 1) return lf.replace(/\n/g, '\r');
      if (m.style === 2) {
        let k = 0;
        return lf.replace(/\n/g, () => ['\n', '\r\n', '\r'][k++ % 3]);
      }
      return lf;
    }
    case 'bom':
      return text.startsWith('\ufeff') ? text.slice(1) : '\ufeff' + text;
    case 'window': {
      const i = pos(m.at, n);
      return text.slice(i, i + m.len);
    }
  }
}

let lineCache: string[] | undefined;
/** Lines of every seed of every format, for splicing one format's lines into another. */
function allLines(): string[] {
  if (!lineCache) {
    const s = seeds();
    lineCache = [...new Set(PARSER_NAMES.flatMap((p) => s[p].flatMap((t) => t.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 200))))];
  }
  return lineCache;
}

const mutationArb = (): fc.Arbitrary<Mutation> => {
  const at = fc.nat({ max: 1 << 20 });
  const chunk = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...NASTY), { maxLength: 6 }).map((a) => a.join('')) },
  );
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ op: fc.constant('insert' as const), at, text: chunk }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at, len: fc.integer({ min: 1, max: 40 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at, len: fc.integer({ min: 1, max: 200 }), to: at }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 15 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('splice' as const), at, line: fc.nat().map((k) => { const l = allLines(); return l[k % l.length]; }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('eol' as const), style: fc.integer({ min: 0, max: 3 }) }) },
    { weight: 1, arbitrary: fc.constant({ op: 'bom' as const }) },
  );
};

/**
 * A text for `parser`: a seed (cut to a window of at most `maxLength` characters, so huge seeds stay fast)
 * with up to 8 mutations, or, one time in eight, random text built from nasty fragments and arbitrary code units.
 */
export function textArb(parser: ParserName, maxLength = 6000): fc.Arbitrary<string> {
  const list = seeds()[parser];
  const mutated = fc
    .tuple(fc.nat({ max: list.length - 1 }), fc.nat({ max: 1 << 20 }), fc.array(mutationArb(), { maxLength: 8 }))
    .map(([k, at, ms]) => ms.reduce(mutate, mutate(list[k], { op: 'window', at: list[k].length > maxLength ? at : 0, len: maxLength })));
  const random = fc.oneof(
    fc.string({ maxLength: 400, unit: 'binary' }),
    fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 6, unit: 'grapheme-composite' })), { maxLength: 120 }).map((a) => a.join('')),
  );
  return fc.oneof({ weight: 14, arbitrary: mutated }, { weight: 2, arbitrary: random }, { weight: 1, arbitrary: hostileArb(parser) });
}
