/**
 * Memory under editing (issue 24): no version of an edited document outlives the next edit except what
 * that edit needs, on the language server's path (incremental re-parse, re-resolve and rule re-use).
 * Checked with a FinalizationRegistry on each version's parse, and with the live heap after many edits
 * (a string cut from a text can keep the whole text alive, which no registry can see).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { Workspace } from '../../../server/src/workspace/workspace';
import { AnalysisCache, analyzeWorkspace } from '../../../server/src/engine/engine';
import { DEFAULT_SETTINGS, type Settings } from '../../../server/src/core/settings';
import type { ParsedHocon } from '../../../server/src/parsers';
// @ts-expect-error: a plain ES module of the benchmarks
import { largeEmqxConf } from '../../../bench/lib/generate.mjs';

const SETTINGS: Settings = { ...DEFAULT_SETTINGS, rules: {}, files: [] };
const FILE = '/srv/memory/emqx.conf';

/** global.gc: the test runner does not start node with --expose-gc, so the flag is set here when needed. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/** Full collections, with turns of the event loop between them so finalization callbacks run. */
async function collectGarbage(): Promise<void> {
  const gc = collector();
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The language server's engine over one emqx.conf; `edit(i)` types one character into listener i's mountpoint and analyses. */
function editor(lines: number) {
  let text: string = largeEmqxConf(lines);
  const ws = new Workspace({ incremental: true });
  ws.set(FILE, text);
  const cache = new AnalysisCache({ rules: true });
  const reader = { read: () => undefined };
  analyzeWorkspace(ws, SETTINGS, reader, cache);
  const listeners = (text.match(/mountpoint = "site\//g) ?? []).length;
  return {
    listeners,
    textLength: text.length,
    edit(i: number): ParsedHocon {
      const marker = `mountpoint = "site/${i % listeners}/`;
      const at = text.indexOf(marker) + marker.length;
      text = text.slice(0, at) + 'x' + text.slice(at);
      ws.set(FILE, text);
      analyzeWorkspace(ws, SETTINGS, reader, cache);
      return ws.parse(FILE) as ParsedHocon;
    },
  };
}

test('every earlier version of an edited document is collected; only the current one lives', async () => {
  const e = editor(400);
  const collected = new Set<number>();
  const registry = new FinalizationRegistry<number>((version) => collected.add(version));
  const versions = 25;
  let reparsed = 0;
  for (let v = 0; v < versions; v++) {
    const parsed = e.edit(v);
    if (parsed.replacement) reparsed++;
    registry.register(parsed.doc, v);
  }
  // The edits went through the incremental path, which is what kept old versions before.
  assert.ok(reparsed >= versions - 1, `only ${reparsed} of ${versions} edits were re-parsed by one block`);
  await collectGarbage();
  const alive = Array.from({ length: versions }, (_, v) => v).filter((v) => !collected.has(v));
  assert.deepEqual(alive, [versions - 1]);
});

test('the live heap does not grow with the number of edits (no kept string holds an old text)', async () => {
  const e = editor(2000);
  // Warm-up: the caches of the first edits, and the code of the incremental path, are in place.
  const warmUp = 30;
  for (let i = 0; i < warmUp; i++) e.edit(i);
  await collectGarbage();
  const before = process.memoryUsage().heapUsed;
  // Each edit re-parses another listener's block: a block holding the text it was read from would keep
  // one more text alive per edit.
  const edits = e.listeners - warmUp;
  for (let i = warmUp; i < e.listeners; i++) e.edit(i);
  await collectGarbage();
  const grown = process.memoryUsage().heapUsed - before;
  // Kept blocks holding their texts would grow it by about `edits` texts; caches and compiled code by far less.
  const limit = (edits / 2) * e.textLength;
  assert.ok(grown < limit, `the heap grew by ${Math.round(grown / 1024)} KB over ${edits} edits (text ${Math.round(e.textLength / 1024)} KB; limit ${Math.round(limit / 1024)} KB)`);
});
