// The keystroke path's parse: a one-character edit inside a `mountpoint` value of the generated
// 10,000-line emqx.conf, re-parsed incrementally (reparseHocon; parseAgain, which also keeps the 4.x/HOCON
// verdict) against a full parse (parseHocon; parseFile). Edits alternate between inserting and deleting
// one character, in the first, middle and last listener block; each re-parse continues from the previous
// result, as the language server does. Not part of bench/run.mjs: run it alone, node bench/hocon-reparse.mjs
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { largeEmqxConf } from './lib/generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 1000;
const WARMUP = 200;

async function load() {
  const esbuild = await import('esbuild');
  const outfile = path.join(root, 'out', 'bench', 'hocon-reparse.js');
  const src = (p) => JSON.stringify(path.join(root, 'server', 'src', p));
  await esbuild.build({
    stdin: { contents: `export { parseHocon, reparseHocon } from ${src('parsers/hocon/index.ts')};\nexport { parseFile } from ${src('parsers/index.ts')};\nexport { parseAgain } from ${src('parsers/reparse.ts')};`, resolveDir: root, loader: 'ts' },
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (x) => `${x.toFixed(3)} ms`;

/** Median time of `step(i)` over RUNS calls after WARMUP. */
function time(step) {
  const t = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const s = process.hrtime.bigint();
    step(i);
    if (i >= WARMUP) t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  return median(t);
}

const { parseHocon, reparseHocon, parseFile, parseAgain } = await load();
const text = largeEmqxConf(10_000);
const FILE = '/etc/emqx/emqx.conf';
const spots = [...text.matchAll(/mountpoint = "site\//g)].map((m) => m.index + m[0].length);
console.log(`largeEmqxConf(10000): ${text.split('\n').length} lines, ${Math.round(text.length / 1000)} KB`);
console.log(`full parse:            parseHocon ${ms(time(() => parseHocon(text)))}, parseFile ${ms(time(() => parseFile(FILE, text, 'emqx-conf')))}`);
for (const [where, at] of [['first', spots[0]], ['middle', spots[spots.length >> 1]], ['last', spots[spots.length - 1]]]) {
  // The two texts an edit alternates between, made once so that timing covers the parse only.
  const texts = [text, text.slice(0, at) + 'x' + text.slice(at)];
  for (const t of texts) t.charCodeAt(0);
  let doc = parseHocon(text);
  let fallbacks = 0;
  const reparse = time((i) => {
    const next = reparseHocon(doc, texts[(i + 1) & 1]);
    if (!next) fallbacks++;
    doc = next ?? parseHocon(texts[(i + 1) & 1]);
  });
  let kept = parseAgain(undefined, FILE, text, 'emqx-conf');
  const again = time((i) => {
    kept = parseAgain(kept, FILE, texts[(i + 1) & 1], 'emqx-conf');
  });
  console.log(`edit in the ${where.padEnd(6)} block: reparseHocon ${ms(reparse)} (${fallbacks} full parses), parseAgain ${ms(again)}`);
}
