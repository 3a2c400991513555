// Bundles each test/**/*.test.ts into out/<same path>.js so node --test runs them without a TS loader.
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function findTests(dir) {
  const found = [];
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return found;
  }
  for (const name of names) {
    const p = join(dir, name);
    if (name === 'fixtures' || name === 'node_modules') continue;
    if (statSync(p).isDirectory()) found.push(...findTests(p));
    else if (name.endsWith('.test.ts')) found.push(p);
  }
  return found.sort();
}

/** Builds the tests under `dir` and returns the paths of the bundled files. */
export async function buildTests(dir) {
  const sources = findTests(dir);
  if (sources.length === 0) return [];
  await esbuild.build({
    entryPoints: sources,
    outdir: 'out',
    outbase: '.',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
    external: ['vscode', 'fast-check'],
  });
  return sources.map((s) => join('out', s.replace(/\.ts$/, '.js')));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = await buildTests(process.argv[2] ?? 'test/unit');
  console.log(files.join('\n'));
}
