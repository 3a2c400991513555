import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatHocon } from '../../../server/src/features/formatting';
import { parseHocon, resolveHocon, toPlain } from '../../../server/src/parsers/hocon';
import { applyEdits } from '../../../server/src/core/text';

const format = (text: string, indent = '  ') => applyEdits(text, formatHocon(parseHocon(text), { indent }));

test('indents by depth, spaces separators, trims trailing blanks, keeps comments and blank lines', () => {
  const input = 'node{\n name="emqx@h"   \n    # keep me\n\n      cookie:"x"\n}\nlisteners.tcp.default {\nbind =   "127.0.0.1:1883"\n  }\n';
  assert.equal(format(input), 'node {\n  name = "emqx@h"\n  # keep me\n\n  cookie: "x"\n}\nlisteners.tcp.default {\n  bind = "127.0.0.1:1883"\n}\n');
});

test('arrays and tabs', () => {
  assert.equal(format('a = [\n1,\n      2\n]\n', '\t'), 'a = [\n\t1,\n\t2\n]\n');
});

test('multi-line strings are left exactly as written', () => {
  const input = 'a {\nb = """\n   keep   \n  this"""\n}\n';
  assert.equal(format(input), 'a {\n  b = """\n   keep   \n  this"""\n}\n');
});

test('a file with syntax errors is not touched', () => {
  assert.deepEqual(formatHocon(parseHocon('a {\n b = 1\n'), { indent: '  ' }), []);
});

test('range formatting edits only the given lines', () => {
  const text = 'a {\nb = 1\nc = 2\n}\n';
  const edits = formatHocon(parseHocon(text), { indent: '  ', lines: { start: 2, end: 2 } });
  assert.equal(applyEdits(text, edits), 'a {\nb = 1\n  c = 2\n}\n');
});

function corpusConfigs(): string[] {
  const roots = ['v5.8.9', '6.2.2'].map((v) => path.resolve('..', 'shared', 'corpus', 'emqx', v));
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(conf|hocon|example)$/.test(e.name) && !['acl.conf', 'ssl_dist.conf'].includes(e.name)) out.push(p);
    }
  };
  roots.forEach(walk);
  return out;
}

test('over every EMQX-shipped config: format is idempotent and never changes the resolved value', () => {
  const files = corpusConfigs();
  assert.ok(files.length > 20);
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const once = format(text);
    assert.equal(format(once), once, `idempotent: ${file}`);
    const resolve = (t: string) => toPlain(resolveHocon([file], { read: (f) => (f === file ? t : undefined) }).root);
    assert.deepEqual(resolve(once), resolve(text), `resolved value unchanged: ${file}`);
  }
});

test('the example deployment and hand-written messy files keep their resolved value', () => {
  for (const text of [fs.readFileSync('examples/emqx.conf', 'utf8'), 'a{b{c=1\nd=[1,\n2]}}\ne = foo\n  bar\n', 'x = "a"   "b"\n']) {
    const resolve = (t: string) => toPlain(resolveHocon(['/f.conf'], { read: () => t }).root);
    assert.deepEqual(resolve(format(text)), resolve(text));
  }
});
