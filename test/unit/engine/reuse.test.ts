/**
 * Re-using rule results after an edit (engine/reuse.ts) must never change what the user sees: after every
 * edit of a random sequence, the findings of the re-using analysis equal those of a fresh one. The test
 * also counts re-used rules, so it cannot pass by re-running everything.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workspace } from '../../../server/src/workspace/workspace';
import { AnalysisCache, analyzeWorkspace } from '../../../server/src/engine/engine';
import { DEFAULT_SETTINGS, type Settings } from '../../../server/src/core/settings';
import type { FileReader } from '../../../server/src/parsers/hocon/resolved';
import type { RuleResults } from '../../../server/src/engine/reuse';
import { prng as random } from '../parsers/lineParserHelpers';
// @ts-expect-error: a plain ES module of the benchmarks
import { largeEmqxConf } from '../../../bench/lib/generate.mjs';

const SETTINGS: Settings = { ...DEFAULT_SETTINGS, rules: {}, files: [] };

/** Typing-like edits: mostly letters and digits inside the text, sometimes structure. */
function randomEdit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const pool = next() < 0.8 ? 'abcxyz0123456789_.' : 'abc \n{}[]"=:,#$/\t';
  const insert = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pool[Math.floor(next() * pool.length)]).join('');
  const remove = next() < 0.4 ? Math.floor(next() * 4) : 0;
  return text.slice(0, at) + insert + text.slice(at + remove);
}

function reusedCount(before: RuleResults | undefined, after: RuleResults | undefined): number {
  if (!before || !after) return 0;
  let n = 0;
  for (const [id, r] of after) if (before.get(id)?.reads === r.reads) n++;
  return n;
}

/** Findings as the user sees them: spans reduced to their offsets (a span may be a tree node). */
function shown(findings: readonly unknown[]): string[] {
  return findings.map((f) => JSON.stringify(f, (key, value) => (key === 'span' ? { start: value.start, end: value.end } : value)));
}

/** The first finding that differs, so a failure reads in one line. */
function firstDifference(actual: string[], expected: string[]): string | undefined {
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    if (actual[i] !== expected[i]) return `#${i}: got ${actual[i]?.slice(0, 400)}\nwanted ${expected[i]?.slice(0, 400)}`;
  }
  return undefined;
}

interface Deployment {
  name: string;
  files: Record<string, string>;
  /** The file the edits go to. */
  edited: string;
}

function deployments(): Deployment[] {
  const examples = path.resolve('examples');
  const fromExamples: Record<string, string> = {};
  for (const name of fs.readdirSync(examples)) if (name !== 'README.md') fromExamples[path.join(examples, name)] = fs.readFileSync(path.join(examples, name), 'utf8');
  return [
    { name: 'examples', files: fromExamples, edited: path.join(examples, 'emqx.conf') },
    { name: 'large', files: { '/srv/large/emqx.conf': largeEmqxConf(400) }, edited: '/srv/large/emqx.conf' },
    {
      name: 'includes and substitutions',
      files: {
        '/srv/inc/emqx.conf': 'include "listeners.conf"\nnode { name = "emqx@10.0.0.1", cookie = ${?COOKIE} }\nbase = "0.0.0.0"\nlisteners.tcp.default.bind = ${base}":1883"\ndashboard.default_password = public\n',
        '/srv/inc/listeners.conf': 'listeners.ssl.default { bind = "0.0.0.0:8883", ssl_options { verify = verify_none } }\n',
      },
      edited: '/srv/inc/emqx.conf',
    },
  ];
}

for (const deployment of deployments()) for (const incremental of [false, true]) {
  test(`re-used rule results equal a fresh analysis after every edit: ${deployment.name}${incremental ? ', re-parsing incrementally' : ''}`, () => {
    const next = random(0x5eed + deployment.name.length);
    const files = { ...deployment.files };
    const reader: FileReader = { read: (f) => files[f] };
    // The language server's workspace re-parses incrementally, moving the old tree's nodes in place.
    const ws = new Workspace({ incremental });
    for (const [file, text] of Object.entries(files)) ws.set(file, text);
    const cache = new AnalysisCache({ rules: true });
    const key = ws.deployments()[0].map((s) => s.file).join('\n');
    const base = files[deployment.edited];
    analyzeWorkspace(ws, SETTINGS, reader, cache);
    let reused = 0;
    let runs = 0;
    const edits = deployment.name === 'large' ? 60 : 150;
    for (let i = 0; i < edits; i++) {
      // Typing goes on from the text before; now and then everything is undone, as a broken edit would
      // otherwise leave every later analysis without a valid previous one.
      files[deployment.edited] = next() < 0.25 ? base : randomEdit(files[deployment.edited], next);
      ws.set(deployment.edited, files[deployment.edited]);
      const before = cache.previous(key)?.results;
      const reusing = analyzeWorkspace(ws, SETTINGS, reader, cache);
      reused += reusedCount(before, cache.previous(key)?.results);
      runs += cache.previous(key)?.results?.size ?? 0;
      const fresh = new Workspace();
      for (const [file, text] of Object.entries(files)) fresh.set(file, text);
      const expected = analyzeWorkspace(fresh, SETTINGS, reader);
      const difference = firstDifference(shown(reusing.findings), shown(expected.findings));
      assert.equal(difference, undefined, `edit ${i} of ${deployment.name}: ${difference}`);
    }
    // Random edits break the syntax or hit settings many rules read more often than typing does, but a
    // test where nothing is re-used would prove nothing.
    assert.ok(reused > runs / 8, `re-used ${reused} of ${runs} rule runs`);
  });
}

test('typing in one listener setting re-runs only the rules that read it or the files', () => {
  const file = '/srv/typing/emqx.conf';
  const base: string = largeEmqxConf(300);
  const at = base.indexOf('mountpoint = "site/') + 'mountpoint = "site/'.length;
  const ws = new Workspace({ incremental: true });
  ws.set(file, base);
  const cache = new AnalysisCache({ rules: true });
  const reader: FileReader = { read: () => undefined };
  analyzeWorkspace(ws, SETTINGS, reader, cache);
  const before = cache.previous(file)!.results!;
  const resolvedBefore = cache.previous(file)!.trace!.resolved!.root;
  ws.set(file, base.slice(0, at) + 'x' + base.slice(at));
  analyzeWorkspace(ws, SETTINGS, reader, cache);
  const after = cache.previous(file)!.results!;
  // The configuration was updated by the one listener block (hocon/incremental/reresolve.ts): the rest is shared.
  const resolvedAfter = cache.previous(file)!.trace!.resolved!.root;
  assert.notEqual(resolvedAfter, resolvedBefore);
  assert.equal(resolvedAfter.fields.get('node'), resolvedBefore.fields.get('node'));
  const rerun = [...after].filter(([id, r]) => before.get(id)!.reads !== r.reads).map(([id]) => id);
  // Rules over listeners and TLS read the listener's other settings, never its mountpoint.
  for (const id of ['tls/legacy-version', 'mqtt/cleartext-listener-exposed', 'ports/conflict', 'mqtt/no-rate-limit']) assert.ok(!rerun.includes(id), id);
  // Rules that walk the file's keys, and the one that reads file modes from disk, always run.
  for (const id of ['emqx/unknown-key', 'emqx/invalid-value', 'files/secret-permissions']) assert.ok(rerun.includes(id), id);
  // Re-used findings after the edit moved by the one character typed.
  const reused = [...after].filter(([id]) => !rerun.includes(id));
  const was = reused.flatMap(([id]) => before.get(id)!.findings.filter((f) => f.span.start > at));
  const now = reused.flatMap(([, r]) => r.findings.filter((f) => f.span.start > at));
  assert.ok(now.length > 0);
  assert.deepEqual(now.map((f) => [f.span.start, f.span.end]), was.map((f) => [f.span.start + 1, f.span.end + 1]));
});
