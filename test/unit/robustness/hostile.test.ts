// Reproducers of issue 25's "hangs and blow-ups", each on a bounded input: the outcome is asserted (a
// finding, a budget reached, a count of work), never the time; bench/hostile.mjs measures time and scaling.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../../server/src/workspace/workspace';
import { analyzeWorkspace } from '../../../server/src/engine/engine';
import { DEFAULT_SETTINGS, type Settings } from '../../../server/src/core/settings';
import type { Finding } from '../../../server/src/rules/types';
import { cookieWeakness } from '../../../server/src/rules/erlang/weak-cookie';
import { resolveHocon } from '../../../server/src/parsers/hocon';
import { main } from '../../../server/src/cli/main';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

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

  const memoryReader = (files: Record<string, string>) => {
    const reads: string[] = [];
    return { reads, read: (f: string) => (reads.push(f), files[f]) };
  };
  const budgetFindings = (findings: Finding[], id: string) => findings.filter((f) => f.ruleId === id);

  for (const [name, lines] of [
    ['arrays', (i: number) => (i === 0 ? 'a = [1]' : 'a = ${a} ${a}')],
    ['objects', (i: number) => (i === 0 ? 'o0 = {x = 1}' : `o${i} = {l = \${o${i - 1}}, r = \${o${i - 1}}}`)],
    ['strings', (i: number) => (i === 0 ? 'a0 = "ab"' : `a${i} = \${a${i - 1}}\${a${i - 1}}`)],
  ] as const) {
    it(`4. substitutions doubling per line (${name}, 41 lines): one hocon/substitution-budget finding where the budget ran out`, () => {
      const text = Array.from({ length: 41 }, (_, i) => lines(i)).join('\n') + '\n';
      const findings = engine({ '/d/emqx.conf': text });
      const budget = budgetFindings(findings, 'hocon/substitution-budget');
      assert.equal(budget.length, 1, [...ids(findings)].join());
      // 2^21 values pass 2,000,000: the line that ran out lies between the 15th and the 25th.
      const line = text.slice(0, budget[0].span.start).split('\n').length;
      assert.ok(line >= 15 && line <= 25, `line ${line}`);
    });
  }

  it('5. a forward chain k0 = ${k1} ... k1000 = 1: a budget finding, no stack overflow; a 300-link chain still resolves', () => {
    const chain = (n: number) => Array.from({ length: n }, (_, i) => `k${i} = \${k${i + 1}}`).join('\n') + `\nk${n} = 1\n`;
    const deep = engine({ '/d/emqx.conf': chain(1000) });
    assert.equal(budgetFindings(deep, 'hocon/substitution-budget').length, 1);
    const reader = memoryReader({ '/d/emqx.conf': chain(300) });
    const r = resolveHocon(['/d/emqx.conf'], reader);
    const k0 = r.root.fields.get('k0');
    assert.deepEqual(k0?.kind === 'scalar' && k0.value, 1);
    assert.deepEqual(r.problems, []);
  });

  it('6. include fan-out: 31 files, each including the next twice: a hocon/include-budget finding, each file read once', () => {
    const files: Record<string, string> = { '/d/emqx.conf': 'node.name = "emqx@127.0.0.1"\ninclude "i0.conf"\n' };
    for (let i = 0; i < 30; i++) files[`/d/i${i}.conf`] = `x${i} = 1\ninclude "i${i + 1}.conf"\ninclude "i${i + 1}.conf"\n`;
    files['/d/i30.conf'] = 'z = 1\n';
    const reader = memoryReader(files);
    const r = resolveHocon(['/d/emqx.conf'], reader);
    assert.equal(r.problems.filter((p) => p.code === 'hocon/include-budget').length, 1);
    assert.equal(new Set(reader.reads).size, reader.reads.length, 'no file read twice');
    assert.equal(r.root.fields.get('x29')?.kind, 'scalar', 'the budget covers a full pass down the chain');
    const findings = engine({ '/d/emqx.conf': files['/d/emqx.conf'] }, memoryReader(files));
    assert.equal(budgetFindings(findings, 'hocon/include-budget').length, 1);
  });

  it('7c. a settings file with bad types and 24 `**/` segments: messages and a finished scan, no crash', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqtt-harden-hostile-'));
    try {
      fs.writeFileSync(path.join(dir, 'emqx.conf'), 'node.cookie = emqxsecretcookie\n');
      const config = path.join(dir, 'settings.json');
      fs.writeFileSync(config, JSON.stringify({ emqxVersion: { toString: 1 }, targetConnections: [1], rules: { 'erlang/weak-cookie': { toString: 1 }, ['__proto__']: 'off' }, files: ['**/'.repeat(24) + 'emqx.conf'] }));
      let out = '';
      let err = '';
      const code = main(['--config', config, '-f', 'json', dir], { out: (t) => (out += t), err: (t) => (err += t), cwd: dir });
      assert.equal(code, 1, err);
      assert.match(err, /emqxVersion must be one of .* \(got \{"toString":1\}\)/);
      assert.match(err, /rules\["erlang\/weak-cookie"\] must be/);
      assert.ok(JSON.parse(out).findings.some((f: Finding) => f.ruleId === 'erlang/weak-cookie'), 'the file matched the glob and was scanned');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('7b. 20,000 listeners on distinct ports and three on one: exactly the two collisions, each with the first listener it collides with', () => {
    const listeners = Array.from({ length: 20_000 }, (_, i) => `listeners.tcp.l${i}.bind = "10.0.0.1:${30000 + i}"`);
    listeners.push('listeners.tcp.x.bind = "0.0.0.0:30005"', 'listeners.tcp.y.bind = "10.0.0.2:30005"');
    const findings = engine({ '/d/emqx.conf': `node.name = "emqx@127.0.0.1"\n${listeners.join('\n')}\n` }).filter((f) => f.ruleId === 'ports/conflict');
    assert.equal(findings.length, 2);
    assert.deepEqual(findings.map((f) => /listener (\w+) binds .* the tcp listener (\w+) also/.exec(f.message)?.slice(1)), [['x', 'l5'], ['y', 'x']]);
  });
});
