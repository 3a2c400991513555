// Runs every test layer, or the ones named: node scripts/test.mjs [unit] [lsp] [nvim] [vscode] [ui] [setup]
// Each layer prints a plain "N passed, N failed" line; the exit code is non-zero when any layer fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildTests } from './build-tests.mjs';

const all = ['unit', 'lsp', 'nvim', 'vscode', 'ui', 'setup'];
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const layers = asked.length ? asked : all;
const unknown = layers.filter((l) => !all.includes(l));
if (unknown.length) {
  console.error(`unknown test layer: ${unknown.join(', ')} (layers: ${all.join(', ')})`);
  process.exit(2);
}

const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

let failed = 0;
if (run(process.execPath, ['esbuild.mjs', '--quiet']) !== 0) process.exit(1);

for (const layer of layers) {
  console.log(`\n=== test layer: ${layer}`);
  const script = `scripts/test-${layer}.mjs`;
  let status;
  if (layer === 'unit' || layer === 'lsp') {
    const files = await buildTests(layer === 'unit' ? 'test/unit' : 'test/lsp');
    status = files.length === 0 ? 0 : run(process.execPath, ['--test', '--test-timeout=300000', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=./scripts/summary-reporter.mjs', '--test-reporter-destination=stdout', ...files]);
  } else if (existsSync(script)) {
    status = run(process.execPath, [script]);
  } else {
    console.log(`(layer ${layer} not present yet)`);
    continue;
  }
  if (status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
