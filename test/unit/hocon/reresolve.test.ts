/**
 * Updating a resolution after a one-block re-parse (hocon/incremental/reresolve.ts) must give exactly what resolving
 * every file again gives: the same values, key order, origins, overridden definitions and problems.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseHocon, resolveHocon, type HoconDocument, type Resolved, type ResolveResult, type ValueOrigin } from '../../../server/src/parsers/hocon';
import { reparseHocon } from '../../../server/src/parsers/hocon/incremental/reparse';
import { resolveHoconAgain } from '../../../server/src/parsers/hocon/incremental/reresolve';
import { editStream } from './editStream';
// @ts-expect-error: a plain ES module of the benchmarks
import { largeEmqxConf } from '../../../bench/lib/generate.mjs';

/** Everything a resolution says, with CST nodes by their offsets (a fresh parse has other node objects). */
function describe(r: ResolveResult): string {
  const origin = (o: ValueOrigin) => [o.file, o.span.start, o.span.end, o.field ? [o.field.start, o.field.end, o.field.key.start] : null, o.env ?? null];
  const walk = (n: Resolved): unknown => ({
    kind: n.kind,
    origin: origin(n.origin),
    overridden: n.overridden.map(origin),
    ...(n.kind === 'scalar' ? { value: n.value, node: n.node ? [n.node.type, n.node.start, n.node.end] : null } : n.kind === 'array' ? { items: n.items.map(walk) } : { fields: [...n.fields].map(([k, v]) => [k, walk(v)]) }),
  });
  return JSON.stringify({ root: walk(r.root), problems: r.problems, settled: r.settled, documents: [...r.documents.keys()] });
}

const NO_DISK = { read: () => undefined };
const ENV = { EMQX_NODE__COOKIE: 'from-env', EMQX_LOG__CONSOLE__LEVEL: 'debug' };

interface Layers {
  entries: string[];
  texts: Map<string, string>;
}

/** Resolves `layers` with `edited` as the new text of `file`, re-using `prev` when it can; checks it against a full resolve. */
function step(layers: Layers, docs: Map<string, HoconDocument>, prev: ResolveResult, file: string, text: string, label: string): { result: ResolveResult; again: boolean; docs: Map<string, HoconDocument> } {
  const next = new Map(docs);
  const reparsed = reparseHocon(docs.get(file)!, text);
  next.set(file, reparsed?.doc ?? parseHocon(text));
  const replacements = new Map(reparsed ? [[file, reparsed.replacement]] : []);
  const again = resolveHoconAgain(prev, layers.entries, { env: ENV, documents: next }, replacements);
  const fresh = new Map([...next].map(([f, d]) => [f, parseHocon(d.text)]));
  const full = resolveHocon(layers.entries, NO_DISK, { env: ENV, documents: fresh });
  if (again) assert.equal(describe(again), describe(full), label);
  return { result: again ?? resolveHocon(layers.entries, NO_DISK, { env: ENV, documents: next }), again: !!again, docs: next };
}

function start(layers: Layers): { docs: Map<string, HoconDocument>; result: ResolveResult } {
  const docs = new Map([...layers.texts].map(([f, t]) => [f, parseHocon(t)]));
  return { docs, result: resolveHocon(layers.entries, NO_DISK, { env: ENV, documents: docs }) };
}

const example = fs.readFileSync(path.resolve('examples', 'emqx.conf'), 'utf8');

test('random edit sequences of the main layer re-resolve exactly as a full resolve, and mostly by one block', () => {
  const layers: Layers = {
    entries: ['/d/etc/base.hocon', '/d/etc/emqx.conf'],
    texts: new Map([
      // The lower layer sets some of the paths the edited file sets again, so some blocks are not theirs alone.
      ['/d/etc/base.hocon', 'node { name = "emqx@127.0.0.1"\n data_dir = "data" }\nlisteners.tcp.default { bind = 1883 }\ninclude "extra.hocon"\n'],
      ['/d/etc/extra.hocon', 'log.file { enable = true }\n'],
    ]),
  };
  let total = 0;
  let again = 0;
  for (const [name, main, count] of [['largeEmqxConf(1500)', largeEmqxConf(1500), 300], ['examples/emqx.conf', example, 600]] as const) {
    for (const seed of [1, 2]) {
      layers.texts.set('/d/etc/emqx.conf', main);
      let { docs, result } = start(layers);
      const next = editStream(seed, main);
      for (let i = 0; i < count; i++) {
        const doc = docs.get('/d/etc/emqx.conf')!;
        const text = next(doc.text, !doc.problems.some((p) => p.code === 'hocon/syntax'));
        const r = step(layers, docs, result, '/d/etc/emqx.conf', text, `${name}, seed ${seed}, edit ${i}`);
        ({ docs, result } = r);
        total++;
        if (r.again) again++;
      }
    }
  }
  assert.ok(again > total * 0.3, `only ${again} of ${total} edits were re-resolved by one block`);
});

/** One edit of `find` to `by` in the last layer: whether it was re-resolved by one block (checked exact when it was). */
function editOnce(files: Record<string, string>, find: string, by: string): boolean {
  const layers: Layers = { entries: Object.keys(files), texts: new Map(Object.entries(files)) };
  const { docs, result } = start(layers);
  const file = layers.entries[layers.entries.length - 1];
  const text = docs.get(file)!.text.replace(find, by);
  return step(layers, docs, result, file, text, `${find} -> ${by}`).again;
}

test('a block set by its own fields only is re-resolved by one block', () => {
  assert.equal(editOnce({ '/e/emqx.conf': 'a { x = 1 }\nb { y = 2 }\n' }, 'x = 1', 'x = 10'), true);
  // The path key made `p` and `p.q`: the copies name the block read again as their origin.
  assert.equal(editOnce({ '/e/emqx.conf': 'p.q.r { x = 1 }\n' }, 'x = 1', 'x = [1, {z = 2}]'), true);
  // Duplicates inside the block are the block's own.
  assert.equal(editOnce({ '/e/emqx.conf': 'a { x = 1, x = 2 }\n' }, 'x = 2', 'x = 3'), true);
  // A lower layer setting another path is no obstacle.
  assert.equal(editOnce({ '/e/base.hocon': 'c = 1\n', '/e/emqx.conf': 'a { x = 1 }\n' }, 'x = 1', 'x = 2'), true);
});

test('anything else reaching into the block, or a substitution anywhere, sends it to a full resolve', () => {
  // A later path key sets a value inside the block.
  assert.equal(editOnce({ '/e/emqx.conf': 'a { x = 1 }\na.y = 2\n' }, 'x = 1', 'x = 5'), false);
  // An earlier definition of the same path merges with it.
  assert.equal(editOnce({ '/e/emqx.conf': 'a { z = 0 }\na { x = 1 }\n' }, 'x = 1', 'x = 5'), false);
  // A lower layer defines the same block.
  assert.equal(editOnce({ '/e/base.hocon': 'a { z = 0 }\n', '/e/emqx.conf': 'a { x = 1 }\n' }, 'x = 1', 'x = 5'), false);
  // The environment sets a value inside it (ENV sets node.cookie).
  assert.equal(editOnce({ '/e/emqx.conf': 'node { name = x }\n' }, 'name = x', 'name = y'), false);
  // A substitution anywhere, or typed into the block.
  assert.equal(editOnce({ '/e/emqx.conf': 'v = 1\na { x = 1 }\nw = ${v}\n' }, 'x = 1', 'x = 5'), false);
  assert.equal(editOnce({ '/e/emqx.conf': 'v = 1\na { x = 1 }\n' }, 'x = 1', 'x = ${v}'), false);
  // An include typed into the block.
  assert.equal(editOnce({ '/e/emqx.conf': 'a { x = 1 }\n' }, 'x = 1', 'include "other.conf"'), false);
});

test('a document that was parsed in full, or re-parsed from another version, is resolved in full', () => {
  const files = { '/e/emqx.conf': 'a { x = 1 }\n' };
  const layers: Layers = { entries: ['/e/emqx.conf'], texts: new Map(Object.entries(files)) };
  const { result } = start(layers);
  const full = new Map([['/e/emqx.conf', parseHocon('a { x = 2 }\n')]]);
  assert.equal(resolveHoconAgain(result, layers.entries, { env: ENV, documents: full }, new Map()), undefined);
  const other = parseHocon('a { x = 1 }\n');
  const fromOther = reparseHocon(other, 'a { x = 3 }\n')!;
  const reparsed = new Map([['/e/emqx.conf', fromOther.doc]]);
  assert.ok(reparsed.get('/e/emqx.conf'));
  assert.equal(resolveHoconAgain(result, layers.entries, { env: ENV, documents: reparsed }, new Map([['/e/emqx.conf', fromOther.replacement]])), undefined);
  // Other environment variables than before: a full resolve.
  const { docs } = start(layers);
  const fromDocs = reparseHocon(docs.get('/e/emqx.conf')!, 'a { x = 4 }\n')!;
  const edited = new Map([['/e/emqx.conf', fromDocs.doc]]);
  const base = resolveHocon(layers.entries, NO_DISK, { env: ENV, documents: docs });
  assert.equal(resolveHoconAgain(base, layers.entries, { env: {}, documents: edited }, new Map([['/e/emqx.conf', fromDocs.replacement]])), undefined);
});
