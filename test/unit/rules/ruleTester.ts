/**
 * RuleTester in ESLint's shape: a rule, its valid cases (no finding of that rule) and invalid cases
 * (the findings expected, and for fixable rules the text after the preferred fix). Deployments are
 * virtual files under /deploy; nothing touches the disk.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rule, Finding } from '../../../server/src/rules/types';
import type { Severity } from '../../../server/src/core/problems';
import { Workspace } from '../../../server/src/workspace/workspace';
import { AnalysisCache, analyzeWorkspace } from '../../../server/src/engine/engine';
import { DEFAULT_SETTINGS, type Settings } from '../../../server/src/core/settings';
import { applyEdits } from '../../../server/src/core/text';
import { fillSecrets } from '../../../server/src/core/secrets';

export const ROOT = '/deploy';

export interface RuleCase {
  name: string;
  /** Virtual files, by path relative to /deploy. */
  files: Record<string, string>;
  settings?: Partial<Settings>;
}

export interface ExpectedFinding {
  /** Relative path of the file the finding is in (default: the first file). */
  file?: string;
  /** The exact text the finding's range covers. */
  text?: string;
  /** 1-based line of the finding's start. */
  line?: number;
  message?: RegExp;
  severity?: Severity;
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedFinding[];
  /** Files after applying the first finding's preferred fix: exact text or a pattern. */
  output?: Record<string, string | RegExp>;
}

export function workspaceOf(files: Record<string, string>, incremental = false): Workspace {
  const ws = new Workspace({ incremental });
  for (const [rel, text] of Object.entries(files)) {
    // EnvironmentFile= targets are not found by path: the model reads them through the reader when a unit names them.
    if (rel.endsWith('.env')) continue;
    const ok = ws.set(`${ROOT}/${rel}`, text);
    assert.ok(ok, `test file ${rel} is not a recognised deployment file kind`);
  }
  return ws;
}

/** A reader over the virtual files, so includes resolve among them. */
export function readerOf(files: Record<string, string>) {
  return { read: (file: string) => (file.startsWith(`${ROOT}/`) ? files[file.slice(ROOT.length + 1)] : undefined) };
}

export function findingsOf(ruleId: string | undefined, c: RuleCase): Finding[] {
  const settings: Settings = { ...DEFAULT_SETTINGS, rules: {}, files: [], ...c.settings };
  const result = analyzeWorkspace(workspaceOf(c.files), settings, readerOf(c.files));
  return ruleId ? result.findings.filter((f) => f.ruleId === ruleId) : result.findings;
}

/** A one-character edit away from `text`: a space just inside its first `{` (a block's re-parse), else a line break before it all. */
function oneCharacterEdit(text: string): string {
  const brace = text.indexOf('{');
  return brace >= 0 ? `${text.slice(0, brace + 1)} ${text.slice(brace + 1)}` : `\n${text}`;
}

/** Findings as the user sees them, in one comparable string each. */
const shown = (findings: readonly Finding[]) => findings.map((f) => JSON.stringify(f));

/**
 * The case again as the language server analyses it: an incremental workspace and an analysis cache that
 * re-uses rule results by what each rule read. The edited file (the case's first) starts empty, gets its
 * text one character away from the case's (as if pasted), is typed back to the case's text, then
 * "changed" to the same text (a no-op edit); after the last two the findings must equal those of a fresh
 * analysis. A rule whose result depends on something its reads do not record keeps the findings of the
 * empty file or of the other text here, and fails.
 */
function assertSameWhenEdited(ruleId: string | undefined, c: RuleCase, expected: readonly Finding[]): void {
  const settings: Settings = { ...DEFAULT_SETTINGS, rules: {}, files: [], ...c.settings };
  const [rel, text] = Object.entries(c.files)[0];
  if (rel.endsWith('.env')) return;
  const files = { ...c.files, [rel]: '' };
  const ws = workspaceOf(files, true);
  const cache = new AnalysisCache({ rules: true });
  const reader = readerOf(files);
  const pick = (all: Finding[]) => (ruleId ? all.filter((f) => f.ruleId === ruleId) : all);
  analyzeWorkspace(ws, settings, reader, cache);
  files[rel] = oneCharacterEdit(text);
  ws.set(`${ROOT}/${rel}`, files[rel]);
  analyzeWorkspace(ws, settings, reader, cache);
  for (const step of ['after a one-character edit elsewhere', 'after a no-op edit']) {
    files[rel] = text.slice();
    ws.set(`${ROOT}/${rel}`, files[rel]);
    const found = pick(analyzeWorkspace(ws, settings, reader, cache).findings);
    assert.deepEqual(shown(found), shown(expected), `the language server's incremental analysis differs ${step}`);
  }
}

export function runRuleTests(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  for (const c of cases.valid) {
    test(`${rule.id} valid: ${c.name}`, () => {
      const found = findingsOf(rule.id, c);
      assert.deepEqual(found.map((f) => f.message), [], 'expected no finding');
      assertSameWhenEdited(rule.id, c, found);
    });
  }
  for (const c of cases.invalid) {
    test(`${rule.id} invalid: ${c.name}`, () => {
      const found = findingsOf(rule.id, c);
      assert.equal(found.length, c.errors.length, `expected ${c.errors.length} finding(s), got: ${found.map((f) => f.message).join(' | ')}`);
      const firstFile = Object.keys(c.files)[0];
      c.errors.forEach((e, i) => {
        const f = found[i];
        const rel = e.file ?? firstFile;
        assert.equal(f.file, `${ROOT}/${rel}`);
        const text = c.files[rel];
        if (e.text !== undefined) assert.equal(text.slice(f.span.start, f.span.end), e.text);
        if (e.line !== undefined) assert.equal(text.slice(0, f.span.start).split(/\r\n|\r|\n/).length, e.line);
        if (e.message) assert.match(f.message, e.message);
        assert.equal(f.severity, e.severity ?? rule.severity);
      });
      assertSameWhenEdited(rule.id, c, found);
      if (c.output) {
        const fix = found[0].fixes.find((x) => x.preferred) ?? found[0].fixes[0];
        assert.ok(fix, 'expected a fix');
        const after = { ...c.files };
        for (const rel of Object.keys(after)) {
          const edits = fillSecrets(fix.edits).filter((e) => e.file === `${ROOT}/${rel}`);
          if (edits.length) after[rel] = applyEdits(after[rel], edits);
        }
        for (const [rel, expected] of Object.entries(c.output)) {
          if (expected instanceof RegExp) assert.match(after[rel], expected);
          else assert.equal(after[rel], expected);
        }
        // The fix removes the finding, and applying the rule's fixes again changes nothing.
        const again = findingsOf(rule.id, { ...c, files: after });
        assert.equal(again.length, c.errors.length - 1, `the fix left: ${again.map((f) => f.message).join(' | ')}`);
      }
    });
  }
}
