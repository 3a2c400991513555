// A crash is contained where it happens: a parser that throws becomes an internal/rule-error problem on its
// file, and the rest of the deployment is still analyzed; a rule that throws (even a non-Error) is reported
// once per deployment while the other rules run. (test/unit/rules/internal/rule-error.test.ts covers the basic rule case.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../../server/src/parsers';
import type { FileKind } from '../../../server/src/parsers/fileKind';
import { Workspace } from '../../../server/src/workspace/workspace';
import { analyzeWorkspace } from '../../../server/src/engine/engine';
import { analyzeModel } from '../../../server/src/engine/analyze';
import { buildModel } from '../../../server/src/model/build';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { RULES } from '../../../server/src/rules';
import type { Rule } from '../../../server/src/rules/types';

/** A text every parser chokes on: reading any character throws (a stand-in for a parser bug). */
class ExplodingText extends String {
  override charCodeAt(): number {
    throw new Error('boom in the parser');
  }
}
const exploding = (s: string) => new ExplodingText(s) as unknown as string;

describe('crash containment', () => {
  for (const kind of ['emqx-conf', 'vmargs', 'sysctl', 'systemd', 'limits', 'env'] as FileKind[]) {
    it(`a ${kind} parser that throws becomes an internal/rule-error problem, not an exception`, () => {
      const parsed = parseFile('/d/x', exploding('node.cookie = abc\n'), kind);
      assert.ok(parsed);
      assert.equal(parsed.problems.length, 1);
      assert.equal(parsed.problems[0].code, 'internal/rule-error');
      assert.match(parsed.problems[0].message, /boom in the parser/);
    });
  }

  it('through the engine: the crashed file gets the internal error and the other files are still analyzed', () => {
    const ws = new Workspace();
    ws.set('/d/emqx.conf', exploding('node.cookie = abc\n'));
    ws.set('/d/vm.args', '-setcookie emqxsecretcookie\n');
    const { findings } = analyzeWorkspace(ws, DEFAULT_SETTINGS, { read: () => undefined });
    const internal = findings.filter((f) => f.ruleId === 'internal/rule-error');
    assert.equal(internal.length, 1);
    assert.equal(internal[0].file, '/d/emqx.conf');
    assert.ok(findings.some((f) => f.ruleId === 'erlang/weak-cookie' && f.file === '/d/vm.args'), 'vm.args still analyzed');
  });

  it('a rule that throws a non-Error is reported with its id, once per deployment, and every other rule still runs', () => {
    const thrower: Rule = { id: 'test/throws-string', severity: 'warning', fixable: false, docs: { title: 't', path: 'docs/rules/test/throws-string.md' }, check: () => { throw 'not an Error object'; } };
    for (const root of ['/a', '/b']) {
      const ws = new Workspace();
      ws.set(`${root}/vm.args`, '-setcookie emqxsecretcookie\n');
      const { model } = buildModel({ root, files: ws.all().map((s) => ws.parse(s.file)!), settings: DEFAULT_SETTINGS, reader: { read: () => undefined } });
      const findings = analyzeModel(model, DEFAULT_SETTINGS, [thrower, ...RULES]);
      const internal = findings.filter((f) => f.ruleId === 'internal/rule-error');
      assert.equal(internal.length, 1);
      assert.match(internal[0].message, /test\/throws-string failed.*not an Error object/);
      assert.ok(findings.some((f) => f.ruleId === 'erlang/weak-cookie'));
    }
  });

  it('a deployment whose resolution throws gets one internal/rule-error on its main file; the other deployments are analyzed', () => {
    const ws = new Workspace();
    ws.set('/a/emqx.conf', 'node.name = "emqx@127.0.0.1"\ninclude "x.conf"\n');
    ws.set('/b/vm.args', '-setcookie emqxsecretcookie\n');
    // The include's text explodes inside the resolver's parse: a stand-in for a resolver or model bug.
    const reader = { read: (f: string) => (f === '/a/x.conf' ? exploding('a = 1\n') : undefined) };
    const { findings } = analyzeWorkspace(ws, DEFAULT_SETTINGS, reader);
    const internal = findings.filter((f) => f.ruleId === 'internal/rule-error');
    assert.equal(internal.length, 1);
    assert.equal(internal[0].file, '/a/emqx.conf');
    assert.match(internal[0].message, /boom in the parser/);
    assert.ok(findings.some((f) => f.ruleId === 'erlang/weak-cookie' && f.file === '/b/vm.args'), 'the other deployment still analyzed');
  });
});
