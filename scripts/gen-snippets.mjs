// Writes snippets/<language>.json (VS Code's static snippets) from server/src/snippets/catalog.ts.
// Usage: node scripts/gen-snippets.mjs [--check]   (--check exits 1 when a file is stale, writing nothing)
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

await esbuild.build({ entryPoints: ['server/src/snippets/static.ts'], outfile: 'out/snippets-static.js', bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
const { staticSnippetFiles } = createRequire(import.meta.url)('../out/snippets-static.js');
const check = process.argv.includes('--check');
let stale = 0;
for (const [file, content] of Object.entries(staticSnippetFiles())) {
  let before;
  try {
    before = readFileSync(file, 'utf8');
  } catch {
    before = undefined;
  }
  if (before === content) continue;
  stale++;
  if (check) {
    console.error(`${file} is stale: run node scripts/gen-snippets.mjs`);
  } else {
    mkdirSync('snippets', { recursive: true });
    writeFileSync(file, content);
    console.log(`${file} written`);
  }
}
if (!stale) console.log('snippet files are current');
process.exit(check && stale ? 1 : 0);
