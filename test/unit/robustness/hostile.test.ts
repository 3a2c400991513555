// Reproducers of issue 25's "hangs and blow-ups", each on a bounded input: the outcome is asserted (a
// finding, a budget reached, a count of work), never the time; bench/hostile.mjs measures time and scaling.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../../server/src/workspace/workspace';
import { analyzeWorkspace } from '../../../server/src/engine/engine';
import { DEFAULT_SETTINGS, type Settings } from '../../../server/src/engine/settings';
import type { Finding } from '../../../server/src/rules/types';
import { cookieWeakness } from '../../../server/src/rules/erlang/weak-cookie';
import { resolveHocon } from '../../../server/src/parsers/hocon';

const SETTINGS: Settings = { ...DEFAULT_SETTINGS, rules: {}, files: [] };

function engine(files: Record<string, string>, reader = { read: (_: string): string | undefined => undefined }): Finding[] {
  const ws = new Workspace();
  for (const [file, text] of Object.entries(files)) assert.ok(ws.set(file, text), file);
  const findings = analyzeWorkspace(ws, SETTINGS, reader).findings;
  assert.deepEqual(findings.filter((f) => f.ruleId === 'internal/rule-error').map((f) => f.message), [], 'no rule crashed');
  return findings;
}

const ids = (findings: Finding[]) => new Set(findings.map((f) => f.ruleId));

describe('hostile inputs (issue 25)', () => {
  it('1. a run of 200,000 `{` in a value and after -setcookie: analysed, the cookie found weak', () => {
    const run = '{'.repeat(200_000);
    const findings = engine({ '/d/emqx.conf': `node.name = "emqx@127.0.0.1"\na = ${run}\n`, '/d/vm.args': `-setcookie ${run}\n` });
    assert.ok(findings.some((f) => f.ruleId === 'erlang/weak-cookie' && f.file === '/d/vm.args'), [...ids(findings)].join());
    assert.equal(cookieWeakness(run), 'uses a single character class');
    assert.match(cookieWeakness(`${run}{{ cookie }}`) ?? '', /unrendered build template/);
  });

  it('2. one unknown key of 1,000,000 characters: reported as unknown, without a suggestion', () => {
    const findings = engine({ '/d/emqx.conf': `node.name = "emqx@127.0.0.1"\n${'k'.repeat(1_000_000)} = 1\n` });
    const unknown = findings.filter((f) => f.ruleId === 'emqx/unknown-key');
    assert.equal(unknown.length, 1);
    assert.ok(!/did you mean/i.test(unknown[0].message) && unknown[0].fixes.length === 0);
  });

  it('3. the same key defined 100,000 times: one value with 99,999 earlier definitions, oldest first', () => {
    const text = 'a = 1\n'.repeat(100_000);
    const r = resolveHocon(['/d/emqx.conf'], { read: (f) => (f === '/d/emqx.conf' ? text : undefined) });
    const a = r.root.fields.get('a')!;
    assert.equal(a.overridden.length, 99_999);
    assert.deepEqual([a.overridden[0].span.start, a.overridden[1].span.start, a.origin.span.start], [4, 10, 6 * 99_999 + 4]);
    // A redefinition through a substitution that finds nothing keeps the earlier value and its own history.
    const kept = resolveHocon(['/d/x.conf'], { read: () => 'a = 1\na = 2\na = ${?nope}\n' }).root.fields.get('a')!;
    assert.deepEqual([kept.kind === 'scalar' && kept.value, kept.overridden.length], [2, 1]);
  });
});
