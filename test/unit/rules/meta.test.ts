/** Every registered rule has its docs page, its test file and (when fixable) a fix case; the README table is current. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { RULES } from '../../../server/src/rules';
import { docsPath } from '../../../server/src/rules/types';
import { withRulesTable } from '../../../server/src/rules/table';
import { PROBLEM_CODES } from '../../../server/src/core/problems';

const DOC_SECTIONS = ['## What it checks', '## Why it matters', '## How to fix', '## Versions'];

test('rule ids are unique and shaped group/name', () => {
  const ids = RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z0-9]+\/[a-z0-9-]+$/);
});

for (const rule of RULES) {
  test(`${rule.id} has a docs page with every section and two examples`, () => {
    assert.equal(rule.docs.path, docsPath(rule.id));
    const text = fs.readFileSync(rule.docs.path, 'utf8');
    assert.ok(text.startsWith(`# ${rule.id}\n`), 'docs page starts with its id');
    for (const s of DOC_SECTIONS) assert.ok(text.includes(s), `docs page lacks "${s}"`);
    assert.ok((text.match(/```/g) ?? []).length >= 4, 'docs page needs an insecure and a hardened example');
  });

  test(`${rule.id} has a test file${rule.fixable ? ' with a fix case' : ''}`, () => {
    const file = `test/unit/rules/${rule.id}.test.ts`;
    assert.ok(fs.existsSync(file), `${file} is missing`);
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(/invalid:\s*\[/.test(text) || /assert/.test(text), 'the test file checks something');
    if (rule.fixable) assert.ok(/output:/.test(text), 'a fixable rule needs an invalid case with `output:`');
  });
}

test('the README rule table is generated from the registry (run npm run docs:rules)', () => {
  const readme = fs.readFileSync('README.md', 'utf8');
  assert.equal(withRulesTable(readme), readme);
});

test('every rule file under server/src/rules is registered, and every registered rule has its file', () => {
  const ids = new Set(RULES.map((r) => r.id));
  const ruleFiles: string[] = [];
  for (const group of fs.readdirSync('server/src/rules', { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const name of fs.readdirSync(`server/src/rules/${group.name}`)) {
      // A rule file is one that exports `rule`; helpers and index.ts export other names.
      const text = fs.readFileSync(`server/src/rules/${group.name}/${name}`, 'utf8');
      if (/^export const rule\b/m.test(text)) ruleFiles.push(`${group.name}/${name.replace(/\.ts$/, '')}`);
    }
  }
  assert.ok(ruleFiles.length > 50, `only ${ruleFiles.length} rule files found`);
  assert.deepEqual(ruleFiles.filter((id) => !ids.has(id)), [], 'rule files missing from their group index.ts (or rules/index.ts)');
  assert.deepEqual([...ids].filter((id) => !fs.existsSync(`server/src/rules/${id}.ts`)), [], 'registered rules without server/src/rules/<id>.ts');
});

test('every problem code a parser reports is a registered rule', () => {
  const ids = new Set(RULES.map((r) => r.id));
  assert.deepEqual(PROBLEM_CODES.filter((code) => !ids.has(code)), []);
});
