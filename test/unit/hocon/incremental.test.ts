/**
 * The incremental re-parse (hocon/incremental/reparse.ts) must give exactly what a full parse gives. It edits the
 * previous tree in place, so every check chains: each edit starts from the previous edit's result.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseHocon, type HoconDocument, type HoconField, type HoconObject } from '../../../server/src/parsers/hocon';
import { reparseHocon } from '../../../server/src/parsers/hocon/incremental/reparse';
import { parseFile } from '../../../server/src/parsers';
import { parseAgain } from '../../../server/src/parsers/reparse';
import { countLines, firstLineStart } from '../../../server/src/parsers/emqx4';
import { Workspace } from '../../../server/src/workspace/workspace';
import { editStream } from './editStream';
import { CORPUS } from './helpers';
// @ts-expect-error: a plain ES module of the benchmarks
import { largeEmqxConf } from '../../../bench/lib/generate.mjs';

const hasSyntaxProblem = (doc: HoconDocument) => doc.problems.some((p) => p.code === 'hocon/syntax');

/** Applies `count` random edits in a row, checking each result; returns how many were re-parsed incrementally. */
function checkEditSequence(name: string, start: string, seed: number, count: number): number {
  const next = editStream(seed, start);
  let doc = parseHocon(start);
  let incremental = 0;
  for (let i = 0; i < count; i++) {
    const before = doc.text;
    const text = next(before, !hasSyntaxProblem(doc));
    const result = reparseHocon(doc, text)?.doc;
    const full = parseHocon(text);
    if (result) {
      incremental++;
      assert.equal(JSON.stringify(result), JSON.stringify(full), `${name}, seed ${seed}, edit ${i}: ${JSON.stringify(before)} -> ${JSON.stringify(text)}`);
      doc = result;
    } else doc = full;
  }
  return incremental;
}

const large: string = largeEmqxConf(2000);
const example = fs.readFileSync(path.resolve('examples', 'emqx.conf'), 'utf8');
/** Corpus files with nested blocks: EMQX listeners, Akka's reference config (deep, commented), one with dialect problems. */
const corpusFiles = ['test/compatibility/listener.conf', 'sample-configs/test04.conf', 'sample-configs/beanconfig/beanconfig01.conf']
  .map((f) => path.join(CORPUS, 'hocon', 'emqx-hocon', f))
  .filter((f) => fs.existsSync(f));

test('random edit sequences re-parse exactly as a full parse, and mostly incrementally', () => {
  const sources: Array<[string, string, number]> = [
    ['largeEmqxConf(2000)', large, 400],
    ['examples/emqx.conf', example, 1500],
    ...corpusFiles.map((f): [string, string, number] => [path.relative(CORPUS, f), fs.readFileSync(f, 'utf8'), 300]),
  ];
  let total = 0;
  let incremental = 0;
  for (const [name, text, count] of sources) {
    for (const seed of [1, 2]) {
      const n = checkEditSequence(name, text, seed, count);
      assert.ok(n > count * 0.25, `${name}, seed ${seed}: only ${n} of ${count} edits were incremental`);
      total += count;
      incremental += n;
    }
  }
  assert.ok(incremental > total * 0.3, `only ${incremental} of ${total} edits were incremental`);
});

/** Re-parses `text` after replacing `find` with `by` (at its first occurrence) and checks it against a full parse. */
function edit(doc: HoconDocument, find: string, by: string): { doc: HoconDocument; incremental: boolean } {
  const at = doc.text.indexOf(find);
  assert.ok(at >= 0, find);
  const text = doc.text.slice(0, at) + by + doc.text.slice(at + find.length);
  const next = reparseHocon(doc, text)?.doc;
  const full = parseHocon(text);
  if (next) assert.equal(JSON.stringify(next), JSON.stringify(full));
  return { doc: next ?? full, incremental: next !== undefined };
}

const fieldNamed = (obj: HoconObject, name: string) => obj.members.find((m) => m.type === 'field' && m.key.segments[0].name === name) as HoconField;

test('an edit inside a nested block re-reads only that block and moves what follows', () => {
  const doc = parseHocon('a { b { c = 1 }\n d = 2 }\ne = 3\nf { g = "x" }\n');
  const e = fieldNamed(doc.root, 'e');
  const a = fieldNamed(doc.root, 'a');
  const r = edit(doc, 'c = 1', 'c = 123');
  assert.ok(r.incremental);
  // The unchanged members are the very same objects, moved by the two inserted characters.
  assert.equal(fieldNamed(r.doc.root, 'e'), e);
  assert.equal(fieldNamed(r.doc.root, 'a'), a);
  assert.equal(e.start, r.doc.text.indexOf('e = 3'));
});

/** Applies the edits one after the other, each of which must be re-parsed incrementally. */
function editChain(text: string, edits: Array<[find: string, by: string]>): void {
  let doc = parseHocon(text);
  for (const [find, by] of edits) {
    const r = edit(doc, find, by);
    assert.ok(r.incremental, by);
    doc = r.doc;
  }
}

test('an edit in the last member, and one right after `{` or right before `}`', () => {
  editChain('x = 1\nlast {\n  y = 2\n}', [['y = 2', 'y = 22'], ['{\n', '{z = 1\n'], ['2\n}', '2\n  w = 5\n}']]);
});

test('an edit adding `{` or `}` re-parses exactly or falls back', () => {
  const base = 'a { b { c = 1 } }\nd { e = 2 }\n';
  for (const [find, by] of [['c = 1', 'c = 1 }'], ['c = 1', 'c = {'], ['c = 1', 'c = {1}'], ['e = 2', 'e = 2 } f {'], ['c = 1', 'c = {{ v }}'], ['c = 1', 'c = ${x}']]) {
    edit(parseHocon(base), find, by);
  }
  // A `}` that closes the block early leaves a stray one: never incremental.
  assert.equal(edit(parseHocon(base), 'c = 1', 'c = 1 }').incremental, false);
});

test('an edit creating an unterminated string, or a triple quote, falls back or is exact', () => {
  const base = 'a { b = "x y"\n c = 1 }\nd { e = 2 }\n';
  assert.equal(edit(parseHocon(base), '"x y"', '"x y').incremental, false);
  for (const by of ['"""x y"', '"x """ y"', '"x\\" y"', '"x" "y"']) edit(parseHocon(base), '"x y"', by);
  // Fixing the string again from a document with a syntax problem is a full parse too.
  const broken = edit(parseHocon(base), '"x y"', '"x y').doc;
  assert.equal(edit(broken, '"x y', '"x y"').incremental, false);
});

test('an edit inside a comment updates the comment and moves the later ones', () => {
  const doc = parseHocon('a {\n  # first note\n  b = 1 // second\n}\n# after\nc = 2\n');
  const after = doc.comments[2];
  const r = edit(doc, 'first note', 'the first note');
  assert.ok(r.incremental);
  assert.equal(r.doc.comments[0].text, ' the first note');
  assert.equal(r.doc.comments[2], after);
  assert.equal(after.start, r.doc.text.indexOf('# after'));
  // A comment marker typed into a value comments out the rest of the line (here the block's `}`): a full parse.
  assert.equal(edit(parseHocon('a { b = 1 }\n'), 'b = 1', 'b = # 1').incremental, false);
});

test('a CRLF file re-parses incrementally and exactly', () => {
  const text = 'node {\r\n  name = "emqx@127.0.0.1"\r\n  cookie = abc\r\n}\r\nlisteners.tcp.default {\r\n  bind = 1883\r\n}\r\n';
  editChain(text, [['cookie = abc', 'cookie = abcd'], ['abcd\r\n', 'abcd\r\n  x = 1\r\n'], ['bind = 1883', 'bind = 18830']]);
});

test('dialect problems after the edited block move with their fixes', () => {
  const doc = parseHocon('a {\n  b = 1\n}\nc = 0.0.0.0:1883\n"q".r = 2\n');
  const fixed = doc.problems.find((p) => p.fix);
  const count = doc.problems.length;
  assert.ok(fixed && count >= 2);
  const offset = fixed.fix!.edits[0].offset;
  const r = edit(doc, 'b = 1', 'b = 1000');
  assert.ok(r.incremental);
  assert.equal(fixed.fix!.edits[0].offset, offset + 3);
  // A dialect problem inside the block is replaced by the new block's own.
  const inside = edit(r.doc, 'b = 1000', 'b = 10.0.0.1:80');
  assert.ok(inside.incremental);
  // (`doc.problems` is the same array now: the re-parse edits the previous document's lists in place.)
  assert.equal(inside.doc.problems.length, count + 1);
});

test('the workspace re-parses incrementally and gives what parseFile gives, format verdict included', () => {
  // Four lines only the 4.x format has: enough to outweigh the one `mqtt {` line of the small file.
  const flatLine = 'allow_anonymous = true\nacl_nomatch = allow\nzone.external.idle_timeout = 15s\nlistener.tcp.external = 0.0.0.0:1883\n';
  const files: Array<[string, string]> = [
    ['/w/etc/emqx.conf', `node.name = emqx\n${largeEmqxConf(600)}`],
    ['/w/etc/cluster.hocon', example],
    // A few lines only: adding or removing a 4.x-only line flips the format verdict.
    ['/x/emqx.conf', 'node.name = emqx\nlog.level = warning\nmqtt { max_qos_allowed = 2, max_topic_levels = 8 }\n'],
  ];
  for (const [file, start] of files) {
    const ws = new Workspace({ incremental: true });
    const next = editStream(7, start);
    let text = start;
    let reused = 0;
    const formats = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const before = ws.parse(file);
      const clean = before?.kind === 'emqx-conf' && !before.problems.some((p) => p.code === 'hocon/syntax');
      text = next(text, clean);
      // Every tenth edit adds or removes a line only the 4.x format has: small files change format.
      if (i % 10 === 0) text = text.includes(flatLine) ? text.replace(flatLine, '') : flatLine + text;
      ws.set(file, text);
      const parsed = ws.parse(file);
      // How the parse was made (`replacement`, for the re-resolve) is not part of what was parsed.
      assert.equal(JSON.stringify(parsed, (key, value) => (key === 'replacement' ? undefined : value)), JSON.stringify(parseFile(file, text, 'emqx-conf')), `${file}, edit ${i}`);
      if (parsed?.kind === 'emqx-conf') formats.add(parsed.format);
      if (before?.kind === 'emqx-conf' && parsed?.kind === 'emqx-conf' && before.format === 'hocon' && parsed.format === 'hocon' && before.doc.root === parsed.doc.root) reused++;
    }
    if (file === '/x/emqx.conf') assert.deepEqual([...formats].sort(), ['emqx4', 'hocon']);
    else assert.ok(reused > 50, `${file}: only ${reused} incremental parses`);
  }
});

test('edits near the nesting limit and near the problem cap re-parse exactly or fall back', () => {
  for (const depth of [254, 255, 256, 257]) {
    const text = 'k { '.repeat(depth) + 'v = 1' + ' }'.repeat(depth) + '\n';
    for (const by of ['v = 12', 'v = { w = 1 }', 'v = [[1]]']) edit(parseHocon(text), 'v = 1', by);
  }
  // 997 dialect problems (values EMQX wants quoted): one more is still exact, the cap's neighbourhood falls back.
  const lines = Array.from({ length: 997 }, (_, i) => `  v${i} = 1.2.3.${i}`).join('\n');
  let doc = parseHocon(`a {\n  w = 1\n}\nb {\n${lines}\n}\n`);
  for (const by of ['w = 1.2.3', 'w = 1.2.3.4.5', 'w = 1']) doc = edit(doc, doc.text.slice(doc.text.indexOf('w = '), doc.text.indexOf('\n', doc.text.indexOf('w = '))), by).doc;
});

test('a block holding more comments than a call takes arguments is spliced in place', () => {
  const notes = '  # note\n'.repeat(130_000);
  const r = edit(parseHocon(`a {\n${notes}  b = 1\n}\nc { d = 2 } # last\n`), 'b = 1', 'b = 12 # more');
  assert.ok(r.incremental);
  assert.equal(r.doc.comments.length, 130_002);
});

test('the 4.x detector line counts kept across edits equal a fresh count', () => {
  const v4 = path.join(CORPUS, 'emqx', 'v4.4.19', 'etc', 'emqx.conf');
  const starts = [example, `\ufeff${example.replace(/\n/g, '\r\n')}`, ...(fs.existsSync(v4) ? [fs.readFileSync(v4, 'utf8').slice(0, 30000)] : [])];
  for (const [n, start] of starts.entries()) {
    const next = editStream(11 + n, start);
    let kept = parseAgain(undefined, '/d/emqx.conf', start, 'emqx-conf');
    for (let i = 0; i < 300; i++) {
      const text = next(kept.text, kept.parsed?.kind === 'emqx-conf' && !kept.parsed.problems.some((p) => p.code === 'hocon/syntax'));
      kept = parseAgain(kept, '/d/emqx.conf', text, 'emqx-conf');
      assert.deepEqual(kept.lines, countLines(text, firstLineStart(text), text.length), `start ${n}, edit ${i}`);
    }
  }
});
