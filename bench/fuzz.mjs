// Fuzzing at scale: the property checks of test/unit/robustness/fuzzSupport.ts over 100,000+ generated cases
// (every parser, and the whole engine with its fixes), plus a linearity check of every parser: CPU time on
// inputs of size n and 4n, whose ratio should stay under 10 (4 when linear; 16 when quadratic).
// Usage: node bench/fuzz.mjs [--cases N] [--seed S]   (FUZZ_SEED also sets the seed; default: time-based)
// Exits non-zero when run directly and a new violation or a non-linear parser is found; as a module for
// bench/run.mjs it only reports figures (benchmarks never fail).
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

export const title = 'Fuzzing: properties of every parser and of the engine, and parse-time linearity';

const LINEARITY_LIMIT = 10;

async function loadSupport() {
  const outfile = path.join(root, 'out', 'bench', 'fuzz-support.cjs');
  await esbuild.build({
    entryPoints: [path.join(root, 'test', 'unit', 'robustness', 'fuzzSupport.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    external: ['fast-check'],
  });
  return require(outfile);
}

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** CPU milliseconds of the fastest of `runs` calls (CPU, not wall time: other load matters less); one call once it takes over a second. */
function cpuMs(fn, runs = 5) {
  let best = Infinity;
  for (let i = 0; i < runs && (i === 0 || best <= 1000); i++) {
    const t0 = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t0);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return best;
}

/** Inputs of about `n` characters per parser: a corpus seed repeated, and adversarial shapes. */
function linearityInputs(support) {
  const seeds = support.seeds();
  const repeat = (text, n) => text.repeat(Math.ceil(n / Math.max(1, text.length))).slice(0, n);
  const longest = (list) => list.reduce((a, b) => (b.length > a.length ? b : a), '');
  const inputs = [];
  for (const parser of support.PARSER_NAMES) {
    const seed = longest(seeds[parser]) + '\n';
    inputs.push({ parser, name: `${parser}: corpus text repeated`, make: (n) => repeat(seed, n) });
    inputs.push({ parser, name: `${parser}: one long line`, make: (n) => 'k' + '='.repeat(n - 1) });
    inputs.push({ parser, name: `${parser}: unclosed quotes on every line`, make: (n) => repeat('a = "x\n', n) });
    inputs.push({ parser, name: `${parser}: backslash continuations`, make: (n) => repeat('a=b \\\n', n) });
  }
  inputs.push({ parser: 'hocon', name: 'hocon: `{` repeated (unclosed)', make: (n) => 'a ' + '{'.repeat(n) });
  inputs.push({ parser: 'hocon', name: 'hocon: `[` repeated (unclosed)', make: (n) => 'a = ' + '['.repeat(n) });
  inputs.push({ parser: 'hocon', name: 'hocon: `${` repeated', make: (n) => 'a = ' + '${'.repeat(n / 2) });
  inputs.push({ parser: 'hocon', name: 'hocon: `"""` repeated', make: (n) => 'a = ' + '"""'.repeat(n / 3) });
  inputs.push({ parser: 'vmargs', name: 'vmargs: deep Erlang term', make: (n) => '-kernel a ' + '{'.repeat(n) });
  return inputs;
}

export async function run({ log = (line) => process.stderr.write(`  ${line}\n`), cases, seed } = {}) {
  const support = await loadSupport();
  const fc = require('fast-check');
  const total = Number(cases ?? argValue('--cases') ?? 100_000);
  const baseSeed = Number(seed ?? argValue('--seed') ?? process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
  log(`seed ${baseSeed} (rerun with --seed ${baseSeed})`);
  const figures = [];
  const failures = [];
  const record = (where, violations, input, caseSeed) => {
    if (failures.length < 20) failures.push({ where, violations: violations.slice(0, 2), input: JSON.stringify(input).slice(0, 300), seed: caseSeed });
  };

  // Parser cases: 97% of the budget, split evenly; the engine cases are slower and fewer.
  const engineFull = Math.max(10, Math.round(total * 0.001));
  const engineQuick = Math.max(20, Math.round(total * 0.019));
  const perParser = Math.ceil((total - engineFull - engineQuick) / support.PARSER_NAMES.length);
  let ran = 0;
  let newFailures = 0;
  const known = {};
  const BATCH = 500;
  for (const parser of support.PARSER_NAMES) {
    const t0 = performance.now();
    let bad = 0;
    for (let done = 0, batch = 0; done < perParser; batch++) {
      const n = Math.min(BATCH, perParser - done);
      const batchSeed = baseSeed + batch * 7919 + parser.length;
      for (const text of fc.sample(support.textArb(parser), { seed: batchSeed, numRuns: n })) {
        const r = support.classifyParserCase(parser, text);
        if (r.knownBug) known[r.knownBug] = (known[r.knownBug] ?? 0) + 1;
        else if (r.violations.length) {
          bad++;
          record(parser, r.violations, text, batchSeed);
        }
      }
      done += n;
    }
    const seconds = (performance.now() - t0) / 1000;
    ran += perParser;
    newFailures += bad;
    log(`${parser}: ${perParser} cases, ${(perParser / seconds).toFixed(0)} cases/s, ${bad} failing`);
    figures.push({ name: `fuzz ${parser}: cases/s`, value: Math.round(perParser / seconds), unit: 'cases/s', note: `${perParser} cases, ${bad} failing` });
  }

  for (const [label, count, options, maxLength] of [
    ['engine (ranges, each fix, fix all once)', engineQuick, { eachFix: true }, 4000],
    ['engine (all properties: per rule, fix-all fixed point)', engineFull, { eachFix: true, perRule: true, fixpoint: true }, 2500],
  ]) {
    const t0 = performance.now();
    let bad = 0;
    for (let done = 0, batch = 0; done < count; batch++) {
      const n = Math.min(100, count - done);
      const batchSeed = baseSeed + 1_000_003 + batch * 104729 + (options.perRule ? 1 : 0);
      for (const files of fc.sample(support.deploymentArb(maxLength), { seed: batchSeed, numRuns: n })) {
        const r = support.classifyEngineCase(files, options);
        if (r.knownBug) known[r.knownBug] = (known[r.knownBug] ?? 0) + 1;
        else if (r.violations.length) {
          bad++;
          record(label, r.violations, files, batchSeed);
        }
      }
      done += n;
    }
    const seconds = (performance.now() - t0) / 1000;
    ran += count;
    newFailures += bad;
    log(`${label}: ${count} deployments, ${(count / seconds).toFixed(1)} cases/s, ${bad} failing`);
    figures.push({ name: `fuzz ${label}: cases/s`, value: Math.round((count / seconds) * 10) / 10, unit: 'cases/s', note: `${count} deployments, ${bad} failing` });
  }
  figures.push({ name: 'fuzz: cases run', value: ran, unit: 'cases', note: `seed ${baseSeed}` });
  figures.push({ name: 'fuzz: new property violations', value: newFailures, unit: 'cases' });
  for (const [id, count] of Object.entries(known)) figures.push({ name: `fuzz: known bug ${id}`, value: count, unit: 'cases', note: 'reported; see test/unit/robustness/known-bugs.test.ts' });

  // Linearity: n = 400,000 characters and 4n. (Below that, the young-generation GC threshold makes
  // small inputs look cheaper than they are, and ratios of 10+ appear for linear code.) Only the parser is
  // timed: the property checks' own walk of a result allocates more than the parser and skewed the ratios.
  const parse = (parser, text) => support.parseOnly(parser, text);
  const nonLinear = [];
  for (const input of linearityInputs(support)) {
    const N = input.n ?? 400_000;
    const small = input.make(N);
    const large = input.make(4 * N);
    parse(input.parser, small); // warm up
    const a = Math.max(cpuMs(() => parse(input.parser, small)), 0.05);
    const b = cpuMs(() => parse(input.parser, large));
    const ratio = Math.round((b / a) * 10) / 10;
    const linear = ratio < LINEARITY_LIMIT;
    if (!linear) nonLinear.push(`${input.name}: ${a.toFixed(1)} ms -> ${b.toFixed(1)} ms for 4x the input (ratio ${ratio})`);
    figures.push({ name: `linearity ${input.name}`, value: ratio, unit: 'x for 4x input', note: `${a.toFixed(1)} -> ${b.toFixed(1)} ms CPU${linear ? '' : `; NOT LINEAR (limit ${LINEARITY_LIMIT})`}` });
  }

  for (const f of failures) log(`FAILURE in ${f.where} (batch seed ${f.seed}): ${f.violations.join(' | ').slice(0, 400)}\n    input: ${f.input}`);
  for (const l of nonLinear) log(`NON-LINEAR ${l}`);
  log(`${ran} cases, ${newFailures} new violations, known bugs: ${JSON.stringify(known)}, ${nonLinear.length} non-linear inputs`);
  run.failed = newFailures > 0 || nonLinear.length > 0;
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await run();
  for (const f of figures) console.log(`${f.name}\t${f.value}\t${f.unit ?? ''}\t${f.note ?? ''}`);
  if (run.failed) process.exitCode = 1;
}
