import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from '../../../server/src/core/text';
import { parseHocon, hoconString, type HoconField, type HoconString } from '../../../server/src/parsers/hocon';
import { CORPUS, SAMPLES, rangesInside } from './helpers';

function shipped(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d)) {
      const p = path.join(d, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (/\.(conf|hocon|example)$/.test(name) && name !== 'acl.conf' && name !== 'ssl_dist.conf') out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

for (const version of ['v5.8.9', '6.2.2']) {
  test(`every HOCON file EMQX ${version} ships parses without syntax problems`, () => {
    const files = shipped(path.join(CORPUS, 'emqx', version));
    assert.ok(files.length > 50, `found ${files.length}`);
    for (const f of files) {
      const doc = parseHocon(fs.readFileSync(f, 'utf8'));
      assert.deepEqual(doc.problems, [], f);
    }
  });
}

function value(text: string, key = 'a') {
  const doc = parseHocon(text);
  const f = doc.root.members.find((m): m is HoconField => m.type === 'field' && m.key.segments.map((s) => s.name).join('.') === key);
  return { doc, v: f?.value };
}

test('bind = 0.0.0.0:1883 is a string, reported as not EMQX, with a fix that quotes it', () => {
  const text = 'listeners.tcp.default {\n  bind = 0.0.0.0:1883\n}\n';
  const doc = parseHocon(text);
  assert.equal(doc.problems.length, 1);
  const p = doc.problems[0];
  assert.equal(p.code, 'hocon/emqx-dialect');
  assert.equal(text.slice(p.start, p.end), '0.0.0.0:1883');
  const fixed = applyEdits(text, p.fix!.edits);
  assert.equal(fixed, 'listeners.tcp.default {\n  bind = "0.0.0.0:1883"\n}\n');
  assert.deepEqual(parseHocon(fixed).problems, []);
});

test('numbers, typed tokens and unquoted strings read as EMQX reads them', () => {
  assert.deepEqual(value('a = 1883').v && { ...value('a = 1883').v }, { type: 'number', value: 1883, raw: '1883', start: 4, end: 8 });
  for (const typed of ['10%', '16MB', '16mb', '15s', '100ms', '5m', '2h', '1d']) {
    const { doc, v } = value(`a = ${typed}`);
    assert.equal((v as HoconString).value, typed);
    assert.equal(v?.type, 'string');
    assert.deepEqual(doc.problems, [], typed);
  }
  for (const ok of ['tlsv1.3', 'verify_peer', 'emqx@127.0.0.1', 'infinity']) assert.deepEqual(value(`a = ${ok}`).doc.problems, [], ok);
  for (const bad of ['10.0.0.1', '/etc/emqx/certs/cert.pem', 'http://example.com/x', 'a$b', '1.5s']) {
    const { doc, v } = value(`a = ${bad}`);
    assert.equal(v?.type, 'string', bad);
    assert.equal((v as HoconString).value, bad);
    assert.deepEqual(doc.problems.map((p) => p.code), ['hocon/emqx-dialect'], bad);
  }
  assert.equal(value('a = true').v?.type, 'boolean');
  assert.equal(value('a = on').v?.type, 'string'); // EMQX has no on/off booleans
  assert.equal(value('a = null').v?.type, 'null');
});

test('other dialect differences are reported', () => {
  const codes = (t: string) => parseHocon(t).problems.map((p) => p.code);
  assert.deepEqual(codes('a += 1'), ['hocon/emqx-dialect']);
  assert.deepEqual(codes('include file("x.conf")'), ['hocon/emqx-dialect']);
  assert.deepEqual(codes('include url("http://x/y.conf")'), ['hocon/emqx-dialect']);
  assert.deepEqual(codes('a = ${"quoted"}'), ['hocon/emqx-dialect']);
  assert.deepEqual(codes('a = """x""""'), ['hocon/emqx-dialect']);
  assert.deepEqual(codes('include required("x.conf")\ninclude "y.conf"\ninclude z.conf'), []);
});

test('a comment or line break between `include` and its file name: one include, the comment kept apart (EMQX skips both)', () => {
  const text = 'include # the bridges\n  "bridges.conf"\ninclude required( // more\n"b.conf")\na = 1\n';
  const doc = parseHocon(text);
  assert.deepEqual(doc.problems, []);
  const [inc1, inc2] = doc.root.members;
  assert.ok(inc1.type === 'include' && inc2.type === 'include');
  assert.equal(inc1.target, 'bridges.conf');
  assert.equal(text.slice(inc1.start, inc1.end), 'include # the bridges\n  "bridges.conf"');
  assert.equal(text.slice(inc1.targetSpan.start, inc1.targetSpan.end), '"bridges.conf"');
  assert.equal(inc2.required, true);
  assert.equal(text.slice(inc2.targetSpan.start, inc2.targetSpan.end), '"b.conf"');
  // Each comment recorded once, at its own span, between the include's tokens.
  assert.deepEqual(doc.comments.map((c) => text.slice(c.start, c.end)), ['# the bridges', '// more']);
  assert.ok(doc.comments[0].start > inc1.start + 7 && doc.comments[0].end < inc1.targetSpan.start);
});

test('separators, comments, commas and the root brace', () => {
  const doc = parseHocon('{\n  a = 1, b: 2\n  c { d = 3, }\n  # hash\n  // slashes\n}\n');
  assert.deepEqual(doc.problems, []);
  assert.equal(doc.root.braced, true);
  assert.deepEqual(doc.comments.map((c) => [c.marker, c.text]), [['#', ' hash'], ['//', ' slashes']]);
  const seps = doc.root.members.map((m) => (m.type === 'field' ? m.separator?.kind ?? null : 'include'));
  assert.deepEqual(seps, ['=', ':', null]);
});

test('quoted strings keep `${...}` as text; strings join across lines as in EMQX', () => {
  const { v } = value('a = "${EMQX_ETC_DIR}/certs/cert.pem"');
  assert.equal(v?.type, 'string');
  const { doc, v: c } = value('a = foo\n  "bar"\nb = 2', 'a');
  assert.deepEqual(doc.problems, []);
  assert.equal(c?.type, 'concat');
});

test('triple-quoted strings, plain and indented', () => {
  const get = (body: string) => (value(`a = """${body}"""`).v as HoconString).value;
  assert.equal(get('1'), '1');
  assert.equal(get('~\n1~'), '1');
  assert.equal(get('~\n1\n~'), '1\n');
  assert.equal(get('~\r\n1\r\n'), '1\r\n');
  assert.equal(get('~\n    1\n    \n    2'), '1\n\n2');
  assert.equal(get('~\n     1\n    \n    2\n     ~'), ' 1\n\n2\n ');
  assert.equal(get('"1'), '"1');
  assert.equal(get('~\n"~'), '"');
  assert.equal(get('~\n    ~'), '');
  assert.equal(get('~\n  a\n    ~'), 'a\n  ');
  assert.equal(get('~\n    a\n  ~'), 'a\n');
  assert.equal(get('a\\nd'), 'a\\nd');
});

test('a BOM is whitespace; NUL and U+FFFD are precise problems', () => {
  assert.deepEqual(parseHocon('\uFEFFa = 1').problems, []);
  const doc = parseHocon('a = 1\nb = x\u0000y\nc = "\uFFFD"\n');
  const at = doc.problems.map((p) => doc.text.charCodeAt(p.start));
  assert.deepEqual(at, [0, 0xfffd]);
});

test('build placeholders {{ name }} parse as a string value', () => {
  const { doc, v } = value('a = {{ platform_data_dir }}/x');
  assert.equal(doc.problems.filter((p) => p.code === 'hocon/syntax').length, 0);
  assert.equal(v?.type, 'concat');
  const { doc: d2, v: v2 } = value('a = {{ platform_data_dir }}');
  assert.deepEqual(d2.problems, []);
  assert.equal((v2 as HoconString).value, '{{ platform_data_dir }}');
});

test('syntax problems say what was expected, with precise ranges', () => {
  const cases: Array<[string, RegExp, string]> = [
    ['a = ', /Expected a value/, ' '],
    ['a {\n b = 1\n', /Expected `}`/, '{'],
    ['a = [1, 2', /Expected `\]`/, '['],
    ['a = "x\nb = 1', /closing `"`/, '"x'],
    ['a 1 b', /Expected `=`, `:` or `{`/, 'a'],
    ['a = 1\n}', /no open `\{`/, '}'],
    ['a = [1,,2]', /element before this comma/, ','],
  ];
  for (const [text, re, slice] of cases) {
    const doc = parseHocon(text);
    const p = doc.problems.find((x) => re.test(x.message));
    assert.ok(p, `${JSON.stringify(text)}: ${JSON.stringify(doc.problems)}`);
    assert.equal(p.code, 'hocon/syntax');
    assert.equal(text.slice(p.start, p.end), slice, text);
  }
});

test('robustness: every prefix of corpus files, unbalanced braces, deep nesting, garbage', () => {
  const files = [path.join(SAMPLES, 'test01.conf'), path.join(CORPUS, 'emqx', 'v5.8.9', 'apps', 'emqx_conf', 'etc', 'base.hocon')];
  for (const f of files) {
    const text = fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '';
    for (let i = 0; i <= text.length; i++) {
      const doc = parseHocon(text.slice(0, i));
      assert.ok(rangesInside(doc.problems, i), `${f} prefix ${i}`);
    }
  }
  for (const t of ['}}}}', '{{{{', '[[[[', ']]]', '{]', '[}', 'a = {[}]', 'a.b..c = 1', '"', '"""', '${', 'include', 'include required(']) {
    const doc = parseHocon(t);
    assert.ok(rangesInside(doc.problems, t.length), t);
  }
  for (const open of ['{', '[']) {
    const deep = 'a = ' + open.repeat(100000);
    const doc = parseHocon(deep);
    assert.ok(doc.problems.length > 0);
    assert.ok(rangesInside(doc.problems, deep.length));
    const closed = 'a = ' + '{ b = '.repeat(100000) + '1' + ' }'.repeat(100000);
    assert.ok(rangesInside(parseHocon(closed).problems, closed.length));
  }
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let n = 0; n < 200; n++) {
    let s = '';
    for (let i = 0; i < 300; i++) s += String.fromCharCode(Math.floor(rand() * (rand() < 0.8 ? 128 : 0xffff)));
    const doc = parseHocon(s);
    assert.ok(rangesInside(doc.problems, s.length));
  }
});

test('hoconString writes what EMQX reads back', () => {
  assert.equal(hoconString('verify_peer'), 'verify_peer');
  assert.equal(hoconString('emqx@127.0.0.1'), 'emqx@127.0.0.1');
  assert.equal(hoconString('0.0.0.0:1883'), '"0.0.0.0:1883"');
  assert.equal(hoconString('true'), '"true"');
  assert.equal(hoconString(''), '""');
  assert.equal(hoconString('a "b"\\\n'), '"a \\"b\\"\\\\\\n"');
  for (const s of ['verify_peer', '0.0.0.0:1883', 'true', '', 'a "b"\\\n\t', '${x}', '16MB', 'null', 'ünï']) {
    const doc = parseHocon(`a = ${hoconString(s)}`);
    assert.deepEqual(doc.problems, [], s);
    const v = doc.root.members[0].type === 'field' ? doc.root.members[0].value : undefined;
    assert.equal((v as HoconString).value, s);
  }
});
