// Acceptance: every fix of every finding, applied alone (secrets filled, edits across files), on the
// example deployment, EMQX's 4.4 emqx.conf, each 5.8 rel/config example used as emqx.conf, and the
// default installs. A fix must (a) leave every file it edits free of new syntax and dialect problems,
// (b) remove its finding, (c) change nothing else (no new finding), and (d) settle: the rule's preferred
// fix at the same place changes nothing afterwards. Failures are collected into one message per group,
// which reads as a to-do list: rule, fix title, where, why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EMQX_CORPUS, defaultInstallFiles } from './defaultInstall';
import { checkAllFixes, checkFix, describeFailures, mapOffset, type Files } from './fixSafety';
import { findingsOf } from '../rules/ruleTester';
import type { Finding, Fix } from '../../../server/src/rules/types';

function checkGroup(groups: [string, Files][]): void {
  const failures: string[] = [];
  let fixes = 0;
  for (const [name, files] of groups) {
    const r = checkAllFixes(files);
    assert.ok(r.findings.length > 0, `${name}: the deployment has findings to fix`);
    fixes += r.fixesChecked;
    failures.push(...describeFailures(name, r.failures));
  }
  assert.ok(fixes > 0, 'some fixes were checked');
  assert.equal(failures.length, 0, `${failures.length} of ${fixes} fix applications are not safe:\n${failures.join('\n')}`);
}

function readFolder(dir: string): Files {
  const files: Files = {};
  for (const name of fs.readdirSync(dir).sort()) if (name !== 'README.md') files[name] = fs.readFileSync(path.join(dir, name), 'utf8');
  return files;
}

test('fixes are safe on examples/', () => {
  checkGroup([['examples', readFolder(path.resolve('examples'))]]);
});

test('fixes are safe on EMQX 4.4.19 etc/emqx.conf (as shipped in the source tree)', () => {
  checkGroup([['v4.4.19 etc/emqx.conf', { 'etc/emqx.conf': fs.readFileSync(path.join(EMQX_CORPUS, 'v4.4.19', 'etc', 'emqx.conf'), 'utf8') }]]);
});

test('fixes are safe on every EMQX 5.8.9 rel/config/examples/*.conf.example used as emqx.conf', () => {
  const dir = path.join(EMQX_CORPUS, 'v5.8.9', 'rel', 'config', 'examples');
  const names = fs.readdirSync(dir).filter((n) => n.endsWith('.conf.example')).sort();
  assert.ok(names.length >= 30, `the examples are there (${names.length})`);
  checkGroup(names.map((n) => [n, { 'emqx.conf': fs.readFileSync(path.join(dir, n), 'utf8') }]));
});

test('fixes are safe on the default installs of EMQX 5.8.9, 6.2.2 and 4.4.19', () => {
  checkGroup((['v5.8.9', '6.2.2', 'v4.4.19'] as const).map((v) => [`default install ${v}`, defaultInstallFiles(v)]));
});

// The harness itself: each check catches what it is for.

test('mapOffset follows insertions, deletions and replacements', () => {
  const edits = [{ offset: 2, length: 0, newText: 'xx' }, { offset: 5, length: 3, newText: 'y' }];
  assert.equal(mapOffset(1, edits, -1), 1);
  assert.equal(mapOffset(2, edits, -1), 4, 'an insertion at a start goes before it');
  assert.equal(mapOffset(2, edits, 1), 2, 'an insertion at an end goes after it');
  assert.equal(mapOffset(6, edits, -1), 7, 'inside a replacement: its start');
  assert.equal(mapOffset(6, edits, 1), 8, 'inside a replacement: its end');
  assert.equal(mapOffset(9, edits, -1), 9, 'after both: +2 -2');
});

const WEAK = { 'emqx.conf': 'node {\n  name = "emqx@127.0.0.1"\n  cookie = "emqxsecretcookie"\n}\n' };

function cookieFinding(files: Files): { before: Finding[]; finding: Finding } {
  const before = findingsOf(undefined, { name: 'harness', files });
  const finding = before.find((f) => f.ruleId === 'erlang/weak-cookie');
  assert.ok(finding, 'the weak cookie is found');
  return { before, finding };
}

function fixOf(newText: string, offset: number, length: number, file = '/deploy/emqx.conf'): Fix {
  return { title: 'test fix', edits: [{ file, offset, length, newText }] };
}

test('the harness rejects a fix that breaks the syntax, one that leaves its finding, and one that adds a finding', () => {
  const { before, finding } = cookieFinding(WEAK);
  const span = finding.span;
  const broken = checkFix(WEAK, before, finding, fixOf('"abc', span.start, span.end - span.start));
  assert.ok(broken.some((r) => /new problem: hocon\/syntax/.test(r)), broken.join(' | '));
  const same = checkFix(WEAK, before, finding, fixOf('"emqx50elixir"', span.start, span.end - span.start));
  assert.ok(same.some((r) => /still there/.test(r)), same.join(' | '));
  const cookie = fixOf('"Zq8s7Hd2Lm4Pw9Xc3Vb6Nt1Ry5Ka0Ue7Gf2Jh9Ds4Qw8Ez"', span.start, span.end - span.start);
  const more = checkFix(WEAK, before, finding, { ...cookie, edits: [...cookie.edits, ...fixOf('mqtt.max_packet_size = 100MB\n', WEAK['emqx.conf'].length, 0).edits] });
  assert.ok(more.some((r) => /new finding mqtt\/max-packet-size/.test(r)), more.join(' | '));
  const elsewhere = checkFix(WEAK, before, finding, fixOf('x', 0, 0, '/deploy/vm.args'));
  assert.ok(elsewhere.some((r) => /not a file of the deployment/.test(r)), elsewhere.join(' | '));
});

test('the harness accepts the real cookie fix, and rejects one that the rule would rewrite again', () => {
  const { before, finding } = cookieFinding(WEAK);
  assert.deepEqual(checkFix(WEAK, before, finding, finding.fixes[0]), []);
  // A weak but different cookie: the finding stays at the same place and its fix rewrites it again.
  const weak = checkFix(WEAK, before, finding, fixOf('"abc"', finding.span.start, finding.span.end - finding.span.start));
  assert.ok(weak.some((r) => /not idempotent/.test(r)), weak.join(' | '));
});
