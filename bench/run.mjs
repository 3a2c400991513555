// Runs the benchmarks, prints one table and writes bench/results/latest.json.
// Usage: node bench/run.mjs [name ...]   (names as in BENCHMARKS; default: all)
//
// A benchmark is a module exporting `async run({ log })` that returns figures
// `{ name, value, unit, note? }` (value null when it could not be measured; the note says why) and,
// optionally, `title`. To add one, write bench/<name>.mjs and list it below. Benchmarks measure;
// they never assert: nothing here fails because a figure is slow.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

const BENCHMARKS = ['hocon-parse', 'lsp-latency', 'workspace-scale', 'cold-start', 'fuzz', 'hostile'];

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.arch()} ${os.release()}`,
    // Other work on the machine slows every figure down; keep the load next to them.
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

function formatValue(v) {
  if (v === null || v === undefined) return '—';
  if (typeof v !== 'number') return String(v);
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

/** A plain-text table: name, value and unit aligned, the note last. */
function table(figures) {
  const rows = figures.map((f) => [f.name, formatValue(f.value), f.unit ?? '', f.note ?? '']);
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), 4));
  return rows.map((r) => `${r[0].padEnd(w[0])}  ${r[1].padStart(w[1])} ${r[2].padEnd(w[2])}  ${r[3]}`.trimEnd()).join('\n');
}

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !BENCHMARKS.includes(w));
  if (unknown.length) {
    console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${BENCHMARKS.join(', ')}.`);
    process.exit(2);
  }
  const selected = wanted.length ? wanted : BENCHMARKS;
  const started = performance.now();
  const result = { machine: machine(), node: process.version, date: new Date().toISOString(), figures: [] };
  for (const name of selected) {
    const mod = await import(path.join(here, `${name}.mjs`));
    const t0 = performance.now();
    const figures = await mod.run({ log: (line) => process.stderr.write(`  ${line}\n`) });
    const seconds = (performance.now() - t0) / 1000;
    console.log(`\n${mod.title ?? name} (${seconds.toFixed(1)} s)\n${table(figures)}`);
    result.figures.push(...figures);
  }
  const m = result.machine;
  console.log(`\n${m.cpuModel}, ${m.cpus} CPUs, ${m.totalMemGB} GB, ${m.platform}, Node ${result.node}, load ${m.loadAverage.join(' ')}; ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
  const out = path.join(here, 'results', 'latest.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  console.log(`Wrote ${path.relative(process.cwd(), out)}`);
}

await main();
