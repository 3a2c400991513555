// How fast could a HOCON parser on this project's scanner be? Times bench/lib/flatTokens.ts (every token
// stored as a row of typed arrays, nothing else) against parseHocon and the fastest npm HOCON parser on
// the documents of bench/hocon-parse.mjs, all in this one process. It explains the issue-3 note on the
// throughput goal. Not part of bench/run.mjs: run it alone, node bench/hocon-ceiling.mjs
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { emqxLike, jsonLike } from './hocon-parse.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

async function load() {
  const esbuild = await import('esbuild');
  const outfile = path.join(root, 'out', 'bench', 'hocon-ceiling.js');
  const src = (p) => JSON.stringify(path.join(root, p));
  await esbuild.build({
    stdin: { contents: `export { parseHocon } from ${src('server/src/parsers/hocon/index.ts')};\nexport { tokenRows } from ${src('bench/lib/flatTokens.ts')};`, resolveDir: root, loader: 'ts' },
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'warning',
  });
  return require(outfile);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Median MB/s of `fn(text)` over `runs` runs after one warm-up. */
function throughput(fn, text, runs) {
  fn(text);
  const t = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn(text);
    t.push(performance.now() - s);
  }
  return text.length / 1e6 / (median(t) / 1000);
}

const { parseHocon, tokenRows } = await load();
const peer = require('hocon-parser');
const inputs = [['emqx.conf 1 MB', emqxLike(1e6), 20], ['emqx.conf 10 MB', emqxLike(1e7), 5], ['JSON 1 MB', jsonLike(1e6), 20]];
console.log('input            token rows  parseHocon  hocon-parser  JSON.parse   (MB/s, median)');
for (const [label, text, runs] of inputs) {
  const row = [tokenRows, parseHocon, (t) => peer(t), (t) => JSON.parse(t)].map((fn) => {
    try {
      return throughput(fn, text, runs).toFixed(1);
    } catch {
      return '—';
    }
  });
  console.log(`${label.padEnd(16)} ${row.map((x) => x.padStart(10)).join('  ')}`);
}
