// Rewrites the rule table in README.md from the registry: npm run docs:rules
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

await esbuild.build({ entryPoints: ['server/src/rules/table.ts'], outfile: 'out/rules-table.js', bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
const { withRulesTable } = createRequire(import.meta.url)('../out/rules-table.js');
const before = readFileSync('README.md', 'utf8');
const after = withRulesTable(before);
if (after !== before) writeFileSync('README.md', after);
console.log(after === before ? 'README.md rule table is current' : 'README.md rule table updated');
