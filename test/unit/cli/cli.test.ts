import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../server/src/cli/main';
import { runCli, tempDeployment } from './runCli';
import type { Io } from '../../../server/src/cli/io';
import { selectSafeEdits } from '../../../server/src/engine/safeFixes';
import type { Finding } from '../../../server/src/rules/types';
import { parseHocon } from '../../../server/src/parsers/hocon';

const run = runCli;


const WEAK = { 'emqx.conf': 'node {\n  name = "emqx@127.0.0.1"\n  cookie = "emqxsecretcookie"\n}\n' };

test('text output names file, line, severity, message and rule; exit 1 on findings', () => {
  const dir = tempDeployment(WEAK);
  const r = run(['--rule', 'erlang/weak-cookie=error', '.'], dir);
  assert.equal(r.code, 1);
  assert.match(r.out, /^emqx\.conf$/m);
  assert.match(r.out, /3:12\s+error\s+node\.cookie "emq…" is a publicly known default.*erlang\/weak-cookie \[fixable\]/);
  assert.ok(!r.out.includes('emqxsecretcookie'), 'the cookie is never printed whole');
});

test('--fail-on none and --fail-on above the highest severity exit 0', () => {
  const dir = tempDeployment(WEAK);
  assert.equal(run(['--fail-on', 'none', '.'], dir).code, 0);
  const onlyWeak = run(['--rule', 'erlang/weak-cookie=info', '--fail-on', 'warning', '--severity', 'info', '.'], dir);
  assert.ok(onlyWeak.out.includes('erlang/weak-cookie'));
});

test('--severity hides findings below it', () => {
  const dir = tempDeployment(WEAK);
  const r = run(['--rule', 'erlang/weak-cookie=hint', '--severity', 'warning', '--format', 'json', '.'], dir);
  const json = JSON.parse(r.out);
  assert.ok(!json.findings.some((f: { ruleId: string }) => f.ruleId === 'erlang/weak-cookie'));
});

test('json output carries 1-based ranges, docs links and fixes as edits', () => {
  const dir = tempDeployment(WEAK);
  const r = run(['--format', 'json', '.'], dir);
  const json = JSON.parse(r.out);
  const f = json.findings.find((x: { ruleId: string }) => x.ruleId === 'erlang/weak-cookie');
  assert.deepEqual(f.range, { startLine: 3, startColumn: 12, endLine: 3, endColumn: 30 });
  assert.equal(f.file, 'emqx.conf');
  assert.match(f.docs, /docs\/rules\/erlang\/weak-cookie\.md$/);
  assert.equal(f.fixes[0].edits[0].length, 18);
});

test('SARIF 2.1.0 has rule metadata with help URIs, levels and physical locations', () => {
  const dir = tempDeployment(WEAK);
  const r = run(['--format', 'sarif', '.'], dir);
  const sarif = JSON.parse(r.out);
  assert.equal(sarif.version, '2.1.0');
  const run0 = sarif.runs[0];
  const rule = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'erlang/weak-cookie');
  assert.match(rule.helpUri, /^https:\/\/.*weak-cookie\.md$/);
  assert.equal(rule.defaultConfiguration.level, 'error');
  const result = run0.results.find((x: { ruleId: string }) => x.ruleId === 'erlang/weak-cookie');
  assert.equal(result.level, 'error');
  assert.equal(run0.tool.driver.rules[result.ruleIndex].id, 'erlang/weak-cookie');
  const loc = result.locations[0].physicalLocation;
  assert.deepEqual(loc.artifactLocation, { uri: 'emqx.conf', uriBaseId: '%SRCROOT%' });
  assert.equal(loc.region.startLine, 3);
});

test('an unreadable path is a clear message and exit 2, never a stack trace', () => {
  const dir = tempDeployment(WEAK);
  const r = run(['does-not-exist'], dir);
  assert.equal(r.code, 2);
  assert.match(r.err, /cannot read does-not-exist: no such file or folder|no deployment files found/);
  assert.ok(!/\n\s+at /.test(r.err));
});

test('usage errors exit 2 with the reason', () => {
  const r = run(['--format', 'xml'], os.tmpdir());
  assert.equal(r.code, 2);
  assert.match(r.err, /--format must be text, json or sarif/);
  assert.equal(run(['--bogus'], os.tmpdir()).code, 2);
  assert.equal(run(['--dry-run'], os.tmpdir()).code, 2);
});

test('a folder without deployment files exits 2', () => {
  const dir = tempDeployment({ 'nginx.conf': 'events {}\n' });
  const r = run(['.'], dir);
  assert.equal(r.code, 2);
  assert.match(r.err, /no deployment files found/);
});

test('--explain prints the docs page; an unknown rule exits 2', () => {
  const r = run(['--explain', 'erlang/weak-cookie'], process.cwd());
  assert.equal(r.code, 0);
  assert.match(r.out, /^# erlang\/weak-cookie/);
  assert.equal(run(['--explain', 'nope/nothing'], process.cwd()).code, 2);
});

test('--list-rules lists every rule', () => {
  const r = run(['--list-rules'], process.cwd());
  assert.match(r.out, /erlang\/weak-cookie\s+error\s+fix/);
});

test('the findings the engine reports about suppressions are rules like any other: --explain, --list-rules', () => {
  for (const id of ['suppressions/missing-reason', 'suppressions/unused']) {
    const r = run(['--explain', id], process.cwd());
    assert.equal(r.code, 0, `--explain ${id}`);
    assert.ok(r.out.startsWith(`# ${id}\n`));
  }
  const list = run(['--list-rules'], process.cwd()).out;
  assert.match(list, /suppressions\/missing-reason\s+hint\s+A suppression comment gives no reason/);
  assert.match(list, /suppressions\/unused\s+hint\s+fix\s+A suppression comment suppresses nothing/);
});

test('--fix --dry-run prints a unified diff and writes nothing; --fix writes and the finding is gone', () => {
  const dir = tempDeployment(WEAK);
  const before = fs.readFileSync(path.join(dir, 'emqx.conf'), 'utf8');
  const dry = run(['--fix', '--dry-run', '.'], dir);
  assert.match(dry.out, /^--- a\/emqx\.conf\n\+\+\+ b\/emqx\.conf\n@@ /m);
  // The old value is a secret of the deployment: the diff shows it redacted (issue 25, item 8).
  assert.match(dry.out, /^-  cookie = "emq…"$/m);
  assert.ok(!dry.out.includes('emqxsecretcookie'));
  assert.match(dry.out, /^\+  cookie = "[A-Za-z0-9]{48}"$/m);
  assert.equal(fs.readFileSync(path.join(dir, 'emqx.conf'), 'utf8'), before);
  const fixed = run(['--fix', '--format', 'json', '.'], dir);
  assert.match(fixed.err, /fixed emqx\.conf/);
  const json = JSON.parse(fixed.out);
  assert.ok(!json.findings.some((f: { ruleId: string }) => f.ruleId === 'erlang/weak-cookie'));
  const second = run(['--fix', '--dry-run', '.'], dir);
  assert.ok(!/^[-+].*cookie =/m.test(second.out), 'a second fix run changes nothing about the cookie');
});

test('--fix into empty blocks: a fix of two settings and a braced root that is only `{ }` apply (no internal error)', () => {
  // Before, the two settings each replaced the blank inside `ssl_options {\n  }`: applying them threw.
  const conf = 'mqtt.peer_cert_as_username = cn\nlisteners.wss.default.enable = false\nlisteners.ssl.default {\n  ssl_options {\n  }\n}\n';
  const dir = tempDeployment({ 'emqx.conf': conf });
  const fixed = run(['--fix', '--fail-on', 'none', '.'], dir);
  assert.equal(fixed.code, 0, fixed.err);
  assert.doesNotMatch(fixed.err, /internal error/);
  assert.match(fs.readFileSync(path.join(dir, 'emqx.conf'), 'utf8'), /ssl_options \{\n    verify = verify_peer\n    fail_if_no_peer_cert = true\n  \}/);
  const root = tempDeployment({ 'etc/emqx.conf': '{\n}\n\n' });
  const r = run(['--fix', '--fail-on', 'none', '.'], root);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(parseHocon(fs.readFileSync(path.join(root, 'etc', 'emqx.conf'), 'utf8')).problems, []);
});

test('a safe fix whose own edits overlap is skipped by --fix, not applied', () => {
  const edits = [{ file: '/f', offset: 1, length: 1, newText: 'a' }, { file: '/f', offset: 1, length: 1, newText: 'b' }];
  const finding = { ruleId: 'x/y', fixes: [{ title: 't', edits, safe: true }] } as unknown as Finding;
  assert.equal(selectSafeEdits([finding]).size, 0);
  const inserts = edits.map((e) => ({ ...e, length: 0 }));
  assert.equal(selectSafeEdits([{ ...finding, fixes: [{ title: 't', edits: inserts, safe: true }] } as Finding]).get('/f')?.length, 2);
});

test('.mqtt-harden.json settings apply and flags override them; a broken file exits 2', () => {
  const dir = tempDeployment({ ...WEAK, '.mqtt-harden.json': JSON.stringify({ rules: { 'erlang/weak-cookie': 'off' } }) });
  assert.ok(!run(['.'], dir).out.includes('erlang/weak-cookie'));
  assert.ok(run(['--rule', 'erlang/weak-cookie=warning', '.'], dir).out.includes('erlang/weak-cookie'));
  fs.writeFileSync(path.join(dir, '.mqtt-harden.json'), '{ not json');
  const broken = run(['.'], dir);
  assert.equal(broken.code, 2);
  assert.match(broken.err, /not valid JSON/);
});

test('resolve prints what EMQX would load', () => {
  const dir = tempDeployment({ 'emqx.conf': 'a { b = 1 }\na.c = "x"\n' });
  const r = run(['resolve', 'emqx.conf'], dir);
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.out), { a: { b: 1, c: 'x' } });
  const bad = tempDeployment({ 'emqx.conf': 'a { b = 1\n' });
  assert.equal(run(['resolve', 'emqx.conf'], bad).code, 1);
});

test('the bundled examples/ deployment yields findings', () => {
  const r = run(['--format', 'json', 'examples'], process.cwd());
  assert.equal(r.code, 1);
  const ids = new Set(JSON.parse(r.out).findings.map((f: { ruleId: string }) => f.ruleId));
  assert.ok(ids.has('erlang/weak-cookie'));
});

test('--files keeps the files its patterns match relative to the current folder, as the editor does for its folders', () => {
  const weak = WEAK['emqx.conf'];
  const dir = tempDeployment({ 'deploy/etc/emqx.conf': weak, 'old/etc/emqx.conf': weak, '.mqtt-harden.json': JSON.stringify({ files: ['deploy/**'] }) });
  const fromFile = run(['.'], dir);
  assert.match(fromFile.out, /^deploy\/etc\/emqx\.conf$/m);
  assert.ok(!fromFile.out.includes('old/'), fromFile.out);
  const fromFlag = run(['--files', 'old/**', '.'], dir);
  assert.match(fromFlag.out, /^old\/etc\/emqx\.conf$/m, 'the flag replaces the file\'s patterns');
  assert.ok(!fromFlag.out.includes('deploy/'), fromFlag.out);
  assert.equal(run(['--files', 'nothing/**', '.'], dir).code, 2, 'nothing left to scan');
});
