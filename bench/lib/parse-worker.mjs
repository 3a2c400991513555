// Child process of bench/hocon-parse.mjs: parses one file with one parser and prints one JSON line:
//   { ok, chars, coldMs, runs, medianMs, meanCpuMs, baseRssMB, peakRssMB } or { ok: false, error }.
// meanCpuMs is the CPU time per run of the main thread (Linux) or of the whole process (elsewhere): on a
// busy machine it stays close to what the wall time would be on an idle one. It is a mean over all warm
// runs because the kernel updates a thread's CPU time too coarsely to time one short run.
// Usage: node parse-worker.mjs <parser> <file> <budgetMs> <maxRuns> <repoRoot> [bundle]
// Peak RSS is read right after the first (cold) parse while its result is still alive, so it is the
// memory one parse needs; the timed runs come after it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { peakRssMB, median, threadCpuMs } from './child.mjs';

const [parserName, file, budgetArg, maxRunsArg, root, bundle] = process.argv.slice(2);
const require = createRequire(path.join(root, 'package.json'));

/** Each parser as `text => result`, and a check that the result holds what the generated input defines. */
function load(name) {
  switch (name) {
    case 'mqtt-hardening': {
      const { parseHocon } = require(bundle);
      return {
        parse: (t) => parseHocon(t),
        check: (doc) => (doc.problems.length === 0 ? '' : `${doc.problems.length} problems, first: ${doc.problems[0].message}`),
      };
    }
    case 'hocon-parser': {
      const hp = require('hocon-parser');
      return { parse: (t) => hp(t), check: checkPlain };
    }
    case '@pushcorn/hocon-parser': {
      const pp = require('@pushcorn/hocon-parser');
      return { parse: (t) => pp({ text: t }), check: checkPlain, async: true };
    }
    case 'JSON.parse':
      return { parse: (t) => JSON.parse(t), check: checkPlain };
  }
  throw new Error(`unknown parser ${name}`);
}

/** The generated documents define `node.name` (emqx.conf-like) or `k0.bind` (JSON). */
function checkPlain(v) {
  if (v?.node?.name === 'emqx@127.0.0.1' || v?.k0?.bind === '0.0.0.0:0') return '';
  return 'the result does not hold the values the input defines';
}

async function main() {
  const text = fs.readFileSync(file, 'utf8');
  const budgetMs = Number(budgetArg);
  const maxRuns = Number(maxRunsArg);
  const p = load(parserName);
  const baseRssMB = peakRssMB();
  let t0 = performance.now();
  let result = p.async ? await p.parse(text) : p.parse(text);
  const coldMs = performance.now() - t0;
  const peak = peakRssMB();
  const wrong = p.check(result);
  if (wrong) return { ok: false, error: `wrong result: ${wrong}` };
  result = undefined;
  const times = [];
  const deadline = performance.now() + budgetMs;
  const cpu0 = threadCpuMs();
  while (times.length < maxRuns && (times.length < 3 || performance.now() < deadline)) {
    t0 = performance.now();
    if (p.async) await p.parse(text);
    else p.parse(text);
    times.push(performance.now() - t0);
  }
  const meanCpuMs = (threadCpuMs() - cpu0) / times.length;
  return { ok: true, chars: text.length, coldMs, runs: times.length, medianMs: median(times), meanCpuMs, baseRssMB, peakRssMB: peak };
}

main().then(
  (r) => console.log(JSON.stringify(r)),
  (e) => console.log(JSON.stringify({ ok: false, error: String(e?.message ?? e).split('\n')[0].slice(0, 160) })),
);
