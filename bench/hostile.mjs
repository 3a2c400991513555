// Issue 25's hostile inputs, each at size n and 4n in a fresh process: CPU time, peak memory, the findings
// that say a budget was reached, and the CPU ratio for 4x the input (4 when linear, 16 when quadratic;
// budgets make some flat). The unit tests assert the outcomes; this measures them.
// Usage: node bench/hostile.mjs [shape ...]   (as a module for bench/run.mjs it only reports figures)
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { runChild } from './lib/child.mjs';

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), '..');
const bundle = path.join(root, 'out', 'bench', 'hostile-engine.cjs');

export const title = 'Hostile inputs (issue 25): time, memory and scaling of each reproducer';

const lines = (n, line) => Array.from({ length: n }, (_, i) => line(i)).join('\n') + '\n';

/** Each shape: files for size n (its unit named), and the sizes measured. */
const SHAPES = {
  'run of {': { unit: 'characters', n: 250_000, files: (n) => ({ '/d/emqx.conf': `node.name = "a@b"\na = ${'{'.repeat(n)}\n`, '/d/vm.args': `-setcookie ${'{'.repeat(n)}\n` }) },
  'huge unknown key': { unit: 'characters', n: 250_000, files: (n) => ({ '/d/emqx.conf': `node.name = "a@b"\n${'k'.repeat(n)} = 1\n` }) },
  'one key redefined': { unit: 'definitions', n: 25_000, files: (n) => ({ '/d/emqx.conf': 'a = 1\n'.repeat(n) }) },
  'doubling arrays': { unit: 'lines', n: 16, files: (n) => ({ '/d/emqx.conf': 'a = [1]\n' + 'a = ${a} ${a}\n'.repeat(n) }) },
  'doubling strings': { unit: 'lines', n: 16, files: (n) => ({ '/d/emqx.conf': lines(n + 1, (i) => (i === 0 ? 'a0 = "ab"' : `a${i} = \${a${i - 1}}\${a${i - 1}}`)) }) },
  'forward chain': { unit: 'links', n: 250, files: (n) => ({ '/d/emqx.conf': lines(n, (i) => `k${i} = \${k${i + 1}}`) + `k${n} = 1\n` }) },
  'self-reference': { unit: 'lines', n: 25_000, files: (n) => ({ '/d/emqx.conf': 'a = 1\n' + 'a = ${a}\n'.repeat(n) }) },
  'include fan-out': { unit: 'levels', n: 10, files: (n) => fanOut(n) },
  listeners: { unit: 'listeners', n: 10_000, files: (n) => ({ '/d/emqx.conf': 'node.name = "a@b"\n' + lines(n, (i) => `listeners.tcp.l${i}.bind = "0.0.0.0:${1024 + (i % 60000)}"`) }) },
  'examples repeated': { unit: 'copies', n: 1000, files: (n) => ({ '/d/emqx.conf': examples().repeat(n) }) },
};

function fanOut(depth) {
  const files = { '/d/emqx.conf': 'node.name = "a@b"\ninclude "f0.hocon"\n' };
  for (let i = 0; i < depth; i++) files[`/d/f${i}.hocon`] = `f${i} = ${i}\ninclude "f${i + 1}.hocon"\ninclude "f${i + 1}.hocon"\n`;
  files[`/d/f${depth}.hocon`] = 'end = true\n';
  return files;
}

let exampleText;
function examples() {
  return (exampleText ??= createRequire(here)('node:fs').readFileSync(path.join(root, 'examples', 'emqx.conf'), 'utf8'));
}

/** In the child: analyse one shape at one size and print the figures. */
function measureOne(name, n) {
  const engine = createRequire(here)(bundle);
  const files = SHAPES[name].files(n);
  const ws = new engine.Workspace();
  for (const [file, text] of Object.entries(files)) if (file === '/d/emqx.conf' || file.endsWith('vm.args')) ws.set(file, text);
  const reader = { read: (f) => files[f] };
  const t0 = process.cpuUsage();
  const { findings } = engine.analyzeWorkspace(ws, { ...engine.DEFAULT_SETTINGS, rules: {}, files: [] }, reader);
  const d = process.cpuUsage(t0);
  const budgets = findings.filter((f) => /budget|internal\//.test(f.ruleId)).map((f) => f.ruleId);
  console.log(JSON.stringify({ ok: true, cpuMs: (d.user + d.system) / 1000, rssMB: process.resourceUsage().maxRSS / 1024, findings: findings.length, budgets: [...new Set(budgets)] }));
}

export async function run({ log = (line) => process.stderr.write(`  ${line}\n`), shapes } = {}) {
  await esbuild.build({
    stdin: { contents: "export { Workspace } from './server/src/workspace/workspace';\nexport { analyzeWorkspace } from './server/src/engine/engine';\nexport { DEFAULT_SETTINGS } from './server/src/engine/settings';\n", resolveDir: root, loader: 'ts' },
    outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning',
  });
  const figures = [];
  for (const name of shapes ?? Object.keys(SHAPES)) {
    const shape = SHAPES[name];
    const results = [];
    for (const n of [shape.n, shape.unit === 'levels' || /doubling/.test(name) ? shape.n + 8 : shape.n * 4]) {
      const r = await runChild(here, ['--one', name, String(n)], { timeoutMs: 120_000 });
      results.push({ n, ...r });
      log(`${name} at ${n} ${shape.unit}: ${r.ok ? `${r.cpuMs.toFixed(0)} ms CPU, ${r.rssMB.toFixed(0)} MB, ${r.findings} findings${r.budgets.length ? `, ${r.budgets.join(' ')}` : ''}` : r.error}`);
    }
    const [a, b] = results;
    for (const r of results) figures.push({ name: `hostile ${name} (${r.n} ${shape.unit}): CPU`, value: r.ok ? Math.round(r.cpuMs) : null, unit: 'ms', note: r.ok ? `${r.rssMB.toFixed(0)} MB peak${r.budgets.length ? `; ${r.budgets.join(', ')}` : ''}` : r.error });
    const ratio = a.ok && b.ok ? Math.round((b.cpuMs / Math.max(a.cpuMs, 1)) * 10) / 10 : null;
    figures.push({ name: `hostile ${name}: CPU ratio`, value: ratio, unit: `x for ${b.n / a.n > 3 ? '4x' : `${b.n - a.n} more ${shape.unit}`}` });
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--one');
  if (i >= 0) measureOne(process.argv[i + 1], Number(process.argv[i + 2]));
  else {
    const asked = process.argv.slice(2);
    for (const f of await run({ shapes: asked.length ? asked : undefined })) console.log(`${f.name}\t${f.value}\t${f.unit ?? ''}\t${f.note ?? ''}`);
  }
}
