// HOCON parse throughput and peak memory: our parser against the npm HOCON parsers (and JSON.parse on a
// pure-JSON document). Every parser and input runs in its own child process (bench/lib/parse-worker.mjs);
// throughput is the median of the warm runs, memory the child's peak RSS right after the first parse.
// Run through bench/run.mjs, or alone: node bench/hocon-parse.mjs
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild } from './lib/child.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

export const title = 'HOCON parse';

function block(i) {
  return `listeners.ssl.l${i} {\n  bind = "0.0.0.0:${8000 + (i % 1000)}"\n  max_connections = ${1000 + i}\n  # listener ${i}\n  ssl_options {\n    verify = verify_peer\n    versions = ["tlsv1.3", "tlsv1.2"]\n    certfile = "\${EMQX_ETC_DIR}/certs/cert.pem"\n    depth = 10\n  }\n  limiter { max_conn_rate = "1000/s" }\n  idle_timeout = 15s\n}\n`;
}

/** An emqx.conf-like document of about `chars` characters (ASCII, so as many bytes). */
export function emqxLike(chars) {
  const parts = ['node {\n  name = "emqx@127.0.0.1"\n  cookie = "secret"\n}\n'];
  let n = parts[0].length;
  for (let i = 0; n < chars; i++) {
    const b = block(i);
    parts.push(b);
    n += b.length;
  }
  return parts.join('');
}

/** A JSON object of about `chars` characters: `{"k0": {...}, "k1": {...}, ...}`. */
export function jsonLike(chars) {
  const parts = [];
  let n = 2;
  for (let i = 0; n < chars; i++) {
    const entry = `"k${i}":${JSON.stringify({ bind: `0.0.0.0:${i}`, n: i, list: [1, 2, 3], ok: true })}`;
    parts.push(entry);
    n += entry.length + 1;
  }
  return `{${parts.join(',')}}`;
}

const OURS = 'mqtt-hardening';
const PEERS = ['hocon-parser', '@pushcorn/hocon-parser'];

/**
 * Inputs and how long to measure each: `budgetMs` of warm runs (at least 3), at most `maxRuns`, and a
 * hard limit per child process.
 */
const INPUTS = [
  { id: 'emqx-10KB', label: 'emqx.conf 10 KB', chars: 10e3, make: emqxLike, budgetMs: 1000, maxRuns: 2000, timeoutMs: 30_000 },
  { id: 'emqx-1MB', label: 'emqx.conf 1 MB', chars: 1e6, make: emqxLike, budgetMs: 2000, maxRuns: 40, timeoutMs: 60_000 },
  { id: 'emqx-10MB', label: 'emqx.conf 10 MB', chars: 10e6, make: emqxLike, budgetMs: 3000, maxRuns: 5, timeoutMs: 60_000 },
  { id: 'json-1MB', label: 'JSON 1 MB', chars: 1e6, make: jsonLike, budgetMs: 2000, maxRuns: 40, timeoutMs: 60_000, json: true },
];

/** Bundles server/src/parsers/hocon into out/bench/hocon.js (the workers load it with require). */
async function bundleParser() {
  const esbuild = await import('esbuild');
  const outfile = path.join(root, 'out', 'bench', 'hocon.js');
  await esbuild.build({
    // BENCH_HOCON_ENTRY measures another copy of the parser (e.g. an older one) against the same peers.
    entryPoints: [process.env.BENCH_HOCON_ENTRY || path.join(root, 'server', 'src', 'parsers', 'hocon', 'index.ts')],
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'warning',
  });
  return outfile;
}

/** Rounds to one decimal, or to two significant digits below 1. */
const round = (x) => (x >= 1 ? Math.round(x * 10) / 10 : Number(x.toPrecision(2)));

/**
 * Measures every parser on every input and returns figures `{ name, value, unit, note? }`; `value` is
 * null (with a note) when a parser fails on an input. `log` receives progress lines.
 */
export async function run({ log = () => {} } = {}) {
  const bundle = await bundleParser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqtt-hardening-bench-'));
  const worker = path.join(here, 'lib', 'parse-worker.mjs');
  const figures = [];
  try {
    for (const input of INPUTS) {
      const file = path.join(dir, `${input.id}.${input.json ? 'json' : 'conf'}`);
      fs.writeFileSync(file, input.make(input.chars));
      const parsers = [OURS, ...(input.json ? ['JSON.parse'] : []), ...PEERS];
      const results = {};
      for (const parser of parsers) {
        log(`${title}: ${input.label}, ${parser}`);
        const args = [parser, file, String(input.budgetMs), String(input.maxRuns), root, bundle];
        results[parser] = await runChild(worker, args, { timeoutMs: input.timeoutMs });
        const r = results[parser];
        const name = `${title} ${input.label}: ${parser}`;
        if (!r.ok) {
          figures.push({ name, value: null, unit: 'MB/s', note: `cannot parse it: ${r.error}` });
          continue;
        }
        const cpuRate = round(r.chars / 1e6 / (r.meanCpuMs / 1000));
        figures.push({ name, value: round(r.chars / 1e6 / (r.medianMs / 1000)), unit: 'MB/s', note: `median of ${r.runs} warm runs (${cpuRate} MB/s by CPU time); first run ${Math.round(r.coldMs)} ms` });
        figures.push({ name: `${name} peak RSS`, value: Math.round(r.peakRssMB), unit: 'MB', note: `${Math.round(r.baseRssMB)} MB before parsing` });
      }
      const ours = results[OURS];
      if (!ours.ok) continue;
      const peers = PEERS.filter((p) => results[p].ok);
      if (peers.length) {
        const fastest = peers.reduce((a, b) => (results[a].medianMs <= results[b].medianMs ? a : b));
        const byCpu = round(results[fastest].meanCpuMs / ours.meanCpuMs);
        figures.push({ name: `${title} ${input.label}: speed-up over the fastest npm parser`, value: round(results[fastest].medianMs / ours.medianMs), unit: 'x', note: `${fastest}; ${byCpu} x by CPU time` });
      }
      if (input.json && results['JSON.parse'].ok) {
        const json = results['JSON.parse'];
        const byCpu = Math.round((100 * json.meanCpuMs) / ours.meanCpuMs);
        figures.push({ name: `${title} ${input.label}: share of JSON.parse throughput`, value: Math.round((100 * json.medianMs) / ours.medianMs), unit: '%', note: `${byCpu} % by CPU time` });
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const f of await run({ log: (s) => console.error(s) })) console.log(JSON.stringify(f));
}
