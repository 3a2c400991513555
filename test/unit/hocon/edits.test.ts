import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, type TextEdit } from '../../../server/src/core/text';
import {
  parseHocon, resolveHocon, setValue, insertValue, removeKey, findFields, lookup, toPlain, hoconString,
} from '../../../server/src/parsers/hocon';
import { CORPUS, memoryReader } from './helpers';
import { joinEdits } from '../../../server/src/model/edits';

function resolved(text: string, p: string[]): unknown {
  const r = resolveHocon(['/x.conf'], memoryReader({ '/x.conf': text }));
  const v = lookup(r.root, p);
  return v === undefined ? undefined : toPlain(v);
}

/** Bytes outside every edit's range are unchanged. */
function untouchedOutside(before: string, edits: TextEdit[], after: string): void {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  let delta = 0;
  let cursor = 0;
  for (const e of sorted) {
    assert.equal(after.slice(cursor + delta, e.offset + delta), before.slice(cursor, e.offset));
    delta += e.newText.length - e.length;
    cursor = e.offset + e.length;
  }
  assert.equal(after.slice(cursor + delta), before.slice(cursor));
}

function checkSet(text: string, p: string[], value: unknown): string {
  const doc = parseHocon(text);
  const literal = typeof value === 'string' ? hoconString(value) : JSON.stringify(value);
  const edits = setValue(doc, p, literal);
  const after = applyEdits(text, edits);
  untouchedOutside(text, edits, after);
  const redoc = parseHocon(after);
  assert.deepEqual(redoc.problems.length, doc.problems.length, after);
  assert.deepEqual(resolved(after, p), value, after);
  const again = setValue(redoc, p, literal);
  assert.equal(applyEdits(after, again), after);
  return after;
}

const STYLES: Record<string, string> = {
  blocks: 'node {\n  name = "emqx@127.0.0.1"\n  cookie = emqxsecretcookie\n}\n\nlisteners.ssl.default {\n  bind = "0.0.0.0:8883"\n  ssl_options {\n    verify = verify_none\n  }\n}\n',
  pathKeys: 'node.name = "emqx@127.0.0.1"\nnode.cookie = emqxsecretcookie\nlisteners.ssl.default.bind = "0.0.0.0:8883"\n',
  colons: 'node {\n    name: "emqx@127.0.0.1" # the node\n}\nlisteners: {\n    ssl: { default: { bind: "0.0.0.0:8883" } }\n}\n',
  tabs: 'node {\n\tname = "emqx@127.0.0.1"\n}\nlisteners {\n\tssl {\n\t\tdefault {\n\t\t\tbind = 8883\n\t\t}\n\t}\n}\n',
  crlf: 'node {\r\n  name = "emqx@127.0.0.1"\r\n}\r\nmqtt {\r\n}\r\n',
  empty: '',
  braced: '{\n  node { name = a }\n}\n',
  emptyBlock: 'authorization {}\nnode { }\n',
};

for (const [style, text] of Object.entries(STYLES)) {
  test(`setValue / insertValue round trip: ${style}`, () => {
    let t = checkSet(text, ['node', 'cookie'], 'Str0ng-cookie');
    t = checkSet(t, ['listeners', 'ssl', 'default', 'ssl_options', 'verify'], 'verify_peer');
    t = checkSet(t, ['listeners', 'ssl', 'default', 'ssl_options', 'fail_if_no_peer_cert'], true);
    t = checkSet(t, ['mqtt', 'max_packet_size'], '1MB');
    t = checkSet(t, ['authorization', 'no_match'], 'deny');
    t = checkSet(t, ['listeners', 'ssl', 'default', 'bind'], '127.0.0.1:8883');
    if (style === 'crlf') assert.ok(!/[^\r]\n/.test(t), 'keeps CRLF');
    if (style === 'tabs') assert.ok(/\n\t\t\t\tverify = verify_peer|\n\t\t\tssl_options\.verify = verify_peer/.test(t), t);
    if (style === 'colons') assert.ok(/cookie: /.test(t), t);
  });
}

test('insertValue goes inside the deepest enclosing block with its indentation', () => {
  const text = 'listeners.ssl.default {\n    bind = "0.0.0.0:8883"\n    ssl_options {\n        certfile = "c.pem"\n    }\n}\n';
  const out = applyEdits(text, insertValue(parseHocon(text), ['listeners', 'ssl', 'default', 'ssl_options', 'verify'], 'verify_peer'));
  assert.equal(out, 'listeners.ssl.default {\n    bind = "0.0.0.0:8883"\n    ssl_options {\n        certfile = "c.pem"\n        verify = verify_peer\n    }\n}\n');
});

test('insertValue of a multi-line object value re-indents it', () => {
  const text = 'a {\n  b = 1\n}\n';
  const out = applyEdits(text, insertValue(parseHocon(text), ['a', 'c'], '{\n  x = 1\n  y = 2\n}'));
  assert.equal(out, 'a {\n  b = 1\n  c = {\n    x = 1\n    y = 2\n  }\n}\n');
  assert.deepEqual(resolved(out, ['a', 'c']), { x: 1, y: 2 });
});

test('setValue replaces the last definition only', () => {
  const text = 'node.cookie = a\nnode {\n  cookie = b\n}\n';
  const out = applyEdits(text, setValue(parseHocon(text), ['node', 'cookie'], 'c'));
  assert.equal(out, 'node.cookie = a\nnode {\n  cookie = c\n}\n');
  assert.equal(findFields(parseHocon(text), ['node', 'cookie']).length, 2);
});

test('removeKey removes every definition, whole lines, keeping neighbours and comments', () => {
  const text = '# about the node\nnode {\n  # the cookie\n  cookie = a # inline\n  name = n\n}\nnode.cookie = b\nx { cookie = 1, node = 2 }\n';
  const doc = parseHocon(text);
  const edits = removeKey(doc, ['node', 'cookie']);
  const out = applyEdits(text, edits);
  untouchedOutside(text, edits, out);
  assert.equal(out, '# about the node\nnode {\n  # the cookie\n  name = n\n}\nx { cookie = 1, node = 2 }\n');
  assert.deepEqual(parseHocon(out).problems, []);
  assert.equal(resolved(out, ['node', 'cookie']), undefined);
  const one = 'a { b = 1, c = 2 }\n';
  assert.equal(applyEdits(one, removeKey(parseHocon(one), ['a', 'b'])), 'a { c = 2 }\n');
});

test('edits on shipped EMQX configs: set, insert and remove round-trip', () => {
  for (const rel of ['v5.8.9/apps/emqx_conf/etc/base.hocon', '6.2.2/apps/emqx_conf/etc/base.hocon', 'v5.8.9/rel/config/examples/listeners.ssl.conf.example']) {
    const f = path.join(CORPUS, 'emqx', rel);
    if (!fs.existsSync(f)) continue;
    const text = fs.readFileSync(f, 'utf8');
    let t = checkSet(text, ['node', 'cookie'], 'A-much-longer-random-cookie');
    t = checkSet(t, ['dashboard', 'listeners', 'http', 'bind'], '127.0.0.1:18083');
    t = checkSet(t, ['listeners', 'ssl', 'default', 'ssl_options', 'verify'], 'verify_peer');
    const doc = parseHocon(t);
    const edits = removeKey(doc, ['node', 'cookie']);
    const out = applyEdits(t, edits);
    untouchedOutside(t, edits, out);
    assert.equal(resolved(out, ['node', 'cookie']), undefined, rel);
    assert.deepEqual(parseHocon(out).problems, [], rel);
  }
});

test('insertValue picks the last block in document order, nested blocks and path keys mixed', () => {
  // The nested `a { b { } }` comes first, the path key `a.b { }` second: EMQX merges both, and the
  // insertion goes into the later one, as for any other repeated definition.
  const text = 'a {\n  b {\n    x = 1\n  }\n}\na.b {\n  y = 2\n}\nc { a.b { z = 3 } }\n';
  const out = applyEdits(text, insertValue(parseHocon(text), ['a', 'b', 'w'], '4'));
  assert.equal(out, 'a {\n  b {\n    x = 1\n  }\n}\na.b {\n  y = 2\n  w = 4\n}\nc { a.b { z = 3 } }\n');
  const reversed = 'a.b {\n  y = 2\n}\na {\n  b {\n    x = 1\n  }\n}\n';
  assert.equal(applyEdits(reversed, insertValue(parseHocon(reversed), ['a', 'b', 'w'], '4')), 'a.b {\n  y = 2\n}\na {\n  b {\n    x = 1\n    w = 4\n  }\n}\n');
});

test('insertValue into an empty block: pure insertions, so several computed from one text apply together', () => {
  // Found by fuzzing: an emqx.conf that is only `{\n}` made a fix of several settings replace the blank
  // inside the braces once per setting (overlapping edits at offset 1).
  const cases: Array<[string, string]> = [
    ['{\n}\n\n', '{\n  a.x = 1\n  a.y = "s"\n}\n\n'],
    ['a {\n}\n', 'a {\n  x = 1\n  y = "s"\n}\n'],
    ['a {}\n', 'a {\n  x = 1\n  y = "s"\n}\n'],
    ['a { }\n', 'a { \n  x = 1\n  y = "s"\n}\n'],
    ['  a {\r\n  }\r\n', '  a {\r\n    x = 1\r\n    y = "s"\r\n  }\r\n'],
    // A comment inside the braces stays (the blank used to be replaced, comment and all).
    ['a { # later\n}\n', 'a { # later\n  x = 1\n  y = "s"\n}\n'],
  ];
  for (const [text, expected] of cases) {
    const doc = parseHocon(text);
    const one = insertValue(doc, ['a', 'x'], '1');
    assert.ok(one.every((e) => e.length === 0), `${JSON.stringify(text)}: pure insertions`);
    assert.equal(parseHocon(applyEdits(text, one)).problems.length, 0);
    const edits = [...one, ...insertValue(doc, ['a', 'y'], '"s"')];
    const out = applyEdits(text, edits);
    // Two inserted runs of lines at one offset leave an empty line between them in `{}`; joined as a fix joins them, none.
    const joined = joinEdits(edits.map((e) => ({ ...e, file: 'f' })));
    assert.equal(joined.length, 1);
    assert.equal(applyEdits(text, joined), expected, JSON.stringify(text));
    assert.deepEqual(parseHocon(out).problems, [], out);
    assert.deepEqual(resolved(out, ['a']), { x: 1, y: 's' }, out);
  }
});
