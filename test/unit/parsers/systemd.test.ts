import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseUnit, entriesOf, mergeUnit, getDirective, dropInOrder, parseEnvironmentValue, parseEnvironmentFileValue,
  setDirective, insertDirective, removeDirective,
} from '../../../server/src/parsers/systemd';
import type { ParseProblem } from '../../../server/src/core/problems';
import { readCorpus, randomTexts, assertSpansInside, roundTrip, assertChangedOnly, prefixes } from './lineParserHelpers';

const units: Record<string, string> = {
  'v4.4.19': readCorpus('emqx', 'v4.4.19', 'deploy', 'packages', 'emqx.service'),
  'v5.8.9': readCorpus('emqx', 'v5.8.9', 'deploy', 'packages', 'emqx.service'),
  '6.2.2': readCorpus('emqx', '6.2.2', 'deploy', 'packages', 'emqx.service'),
};
const problemsOf = (t: string) => parseUnit(t).problems;

test('the shipped emqx.service units parse clean', () => {
  for (const [version, text] of Object.entries(units)) {
    const doc = parseUnit(text);
    assert.deepEqual(doc.problems, [], version);
    assert.deepEqual(doc.sections.map((s) => s.name), ['Unit', 'Service', 'Install'], version);
    assert.equal(entriesOf(doc, 'Service', 'LimitNOFILE')[0].value, '1048576', version);
    assert.equal(entriesOf(doc, 'Service', 'User')[0].value, 'emqx', version);
  }
  const doc = parseUnit(units['v5.8.9']);
  const stops = entriesOf(doc, 'Service', 'ExecStop');
  assert.deepEqual(stops.map((e) => e.value), ["/bin/bash -c '/usr/bin/emqx stop; exit 0'", "/bin/bash -c 'if [ ps -p $MAINPID >/dev/null 2>&1 ]; then kill -15 $MAINPID; fi'"]);
  const service = doc.sections[1];
  assert.equal(units['v5.8.9'].slice(service.nameSpan.start, service.nameSpan.end), 'Service');
  assert.equal(units['v5.8.9'].slice(service.start, service.end).split('\n').pop(), 'RestartSec=120s');
  assert.ok(doc.comments.some((c) => c.text.includes('ExecStart= is foreground')));
});

test('continuations join with a space, skip comment lines, and an escaped backslash ends the line', () => {
  const text = '[Service]\r\nExecStart=/usr/bin/emqx \\\r\n  # a comment inside\r\n    foreground\r\nA=x\\\\\r\nB = two words  \r\n';
  const doc = parseUnit(text);
  assert.deepEqual(doc.problems, []);
  const [exec, a, b] = doc.sections[0].entries;
  assert.equal(exec.value, '/usr/bin/emqx      foreground');
  assert.equal(text.slice(exec.valueSpan.start, exec.valueSpan.end), '/usr/bin/emqx \\\r\n  # a comment inside\r\n    foreground');
  assert.equal(exec.end, text.indexOf('foreground') + 'foreground'.length);
  assert.equal(a.value, 'x\\\\');
  assert.deepEqual([b.key, b.value], ['B', 'two words']);
  assert.equal(doc.comments.length, 1);
});

test('syntax problems are precise', () => {
  const text = 'User=root\n[Service\nNoEquals\n=value\n[Install] x\nBad Key=1\n[Unit]\nDescription=ok\n';
  const doc = parseUnit(text);
  const at = (s: string) => text.indexOf(s);
  assert.deepEqual(doc.problems.map((p) => [p.start, p.end]), [
    [0, 'User=root'.length],
    [at('[Service'), at('[Service') + '[Service'.length],
    [at('NoEquals'), at('NoEquals') + 'NoEquals'.length],
    [at('=value'), at('=value') + 1],
    [at('[Install] x'), at('[Install] x') + '[Install] x'.length],
    [at('Bad Key'), at('Bad Key=') + 'Bad Key='.length],
  ]);
  assert.ok(doc.problems.every((p) => p.code === 'systemd/syntax'));
  assert.deepEqual(doc.sections.map((s) => s.name), ['Unit']);
});

test('mergeUnit: list directives accumulate, Key= clears, single directives take the last', () => {
  const main = parseUnit(units['v5.8.9']);
  const a = parseUnit('[Service]\nLimitNOFILE=2097152\nEnvironment="EMQX_NODE__COOKIE=s3cret" B=2\n');
  const b = parseUnit('[Service]\nExecStop=\nExecStop=/usr/bin/emqx stop\nEnvironment=C=3\nUser=\n');
  const merged = mergeUnit([{ file: 'emqx.service', doc: main }, { file: 'emqx.service.d/10-a.conf', doc: a }, { file: 'emqx.service.d/20-b.conf', doc: b }]);
  const nofile = getDirective(merged, 'Service', 'LimitNOFILE')!;
  assert.deepEqual(nofile.values, ['2097152']);
  assert.deepEqual(nofile.all.map((s) => s.file), ['emqx.service', 'emqx.service.d/10-a.conf']);
  assert.deepEqual(getDirective(merged, 'Service', 'Environment')!.effective.map((s) => [s.file, s.entry.value]), [
    ['emqx.service', 'HOME=/var/lib/emqx'],
    ['emqx.service', 'EMQX_DEFAULT_LOG_HANDLER=file'],
    ['emqx.service.d/10-a.conf', '"EMQX_NODE__COOKIE=s3cret" B=2'],
    ['emqx.service.d/20-b.conf', 'C=3'],
  ]);
  const stop = getDirective(merged, 'Service', 'ExecStop')!;
  assert.deepEqual(stop.values, ['/usr/bin/emqx stop']);
  assert.equal(stop.all.length, 4);
  const user = getDirective(merged, 'Service', 'User')!;
  assert.deepEqual(user.values, []);
  assert.equal(user.effective[0].file, 'emqx.service.d/20-b.conf');
  assert.equal(getDirective(merged, 'Install', 'WantedBy')?.values[0], 'multi-user.target');
});

test('dropInOrder: main unit first, drop-ins by name, /etc masks /usr/lib', () => {
  assert.deepEqual(
    dropInOrder([
      '/usr/lib/systemd/system/emqx.service.d/50-limits.conf',
      '/etc/systemd/system/emqx.service.d/50-limits.conf',
      '/run/systemd/system/emqx.service.d/10-env.conf',
      '/usr/lib/systemd/system/emqx.service',
      '/etc/systemd/system/emqx.service.d/notes.txt',
      'deploy/emqx.service.d/99-harden.conf',
    ]),
    ['/usr/lib/systemd/system/emqx.service', '/run/systemd/system/emqx.service.d/10-env.conf', '/etc/systemd/system/emqx.service.d/50-limits.conf', 'deploy/emqx.service.d/99-harden.conf'],
  );
});

test('parseEnvironmentValue follows the quoting rules with absolute offsets', () => {
  const text = `[Service]\nEnvironment="A=1 2" 'B=x y' C=3 D="q\\"uote" E=a\\ b bogus 'F=open\n`;
  const entry = parseUnit(text).sections[0].entries[0];
  const problems: ParseProblem[] = [];
  const vars = parseEnvironmentValue(entry.value, entry.valueSpan.start, problems);
  assert.deepEqual(vars.map((v) => [v.name, v.value]), [['A', '1 2'], ['B', 'x y'], ['C', '3'], ['D', 'q"uote'], ['E', 'a b']]);
  assert.deepEqual(vars.map((v) => text.slice(v.start, v.end)), ['"A=1 2"', "'B=x y'", 'C=3', 'D="q\\"uote"', 'E=a\\ b']);
  assert.deepEqual(vars.map((v) => text.slice(v.nameSpan.start, v.nameSpan.end)), ['A', 'B', 'C', 'D', 'E']);
  assert.deepEqual(problems.map((p) => text.slice(p.start, p.end)), ['bogus', "'F=open"]);
  // A continued value, passed raw, keeps exact offsets.
  const continued = '[Service]\nEnvironment=A=1 \\\n  B=2\n';
  const e2 = parseUnit(continued).sections[0].entries[0];
  const raw = parseEnvironmentValue(continued.slice(e2.valueSpan.start, e2.valueSpan.end), e2.valueSpan.start);
  assert.deepEqual(raw.map((v) => continued.slice(v.start, v.end)), ['A=1', 'B=2']);
  assert.deepEqual(parseEnvironmentFileValue('-/etc/emqx/env', 100), { path: '/etc/emqx/env', optional: true, pathSpan: { start: 101, end: 114 } });
  assert.equal(parseEnvironmentFileValue('', 0), undefined);
});

test('never throws; spans stay inside the text', () => {
  for (const t of randomTexts(13, 400, '[]=#;\\ \n\r\tAB"\'')) {
    const doc = parseUnit(t);
    assertSpansInside(doc, t.length);
    for (const s of doc.sections) for (const e of s.entries) assertSpansInside(parseEnvironmentValue(e.value, e.valueSpan.start), t.length);
  }
  for (const p of prefixes(units['v5.8.9'])) assertSpansInside(parseUnit(p), p.length);
  const huge = '[Service]\nEnvironment=' + 'A=1 '.repeat(2_500_000) + '\n' + 'x\\\n'.repeat(100_000) + '[' + ' '.repeat(1_000_000) + 'y';
  const doc = parseUnit(huge);
  const entry = doc.sections[0].entries[0];
  assert.equal(parseEnvironmentValue(entry.value, entry.valueSpan.start).length, 2_500_000);
  assertSpansInside(doc, huge.length);
});

test('edits: set, insert (creating the section), remove', () => {
  const text = units['v5.8.9'];
  const raised = roundTrip(text, (t) => setDirective(parseUnit(t), 'Service', 'LimitNOFILE', '2097152'), problemsOf);
  const at = text.indexOf('1048576');
  assertChangedOnly(text, raised, at, at + 7);
  const sandboxed = roundTrip(text, (t) => insertDirective(parseUnit(t), 'Service', 'NoNewPrivileges', 'true'), problemsOf);
  assert.equal(sandboxed, text.replace('RestartSec=120s\n', 'RestartSec=120s\nNoNewPrivileges=true\n'));
  const dropIn = roundTrip('', (t) => setDirective(parseUnit(t), 'Service', 'LimitNOFILE', '2097152'), problemsOf);
  assert.equal(dropIn, '[Service]\nLimitNOFILE=2097152\n');
  const crlf = roundTrip('[Unit]\r\nDescription=x', (t) => insertDirective(parseUnit(t), 'Service', 'User', 'emqx'), problemsOf);
  assert.equal(crlf, '[Unit]\r\nDescription=x\r\n\r\n[Service]\r\nUser=emqx\r\n');
  const empty = roundTrip('[Service]\n\n[Install]\nWantedBy=x\n', (t) => insertDirective(parseUnit(t), 'Service', 'User', 'emqx'), problemsOf);
  assert.equal(empty, '[Service]\nUser=emqx\n\n[Install]\nWantedBy=x\n');
  const noStop = roundTrip(text, (t) => removeDirective(parseUnit(t), 'Service', 'ExecStop'), problemsOf);
  assert.equal(noStop.includes('ExecStop='), false);
  assert.equal(text.length - noStop.length, text.split('\n').filter((l) => l.startsWith('ExecStop=')).reduce((n, l) => n + l.length + 1, 0));
  const cont = roundTrip('[Service]\nExecStart=/a \\\n  b\nUser=x\n', (t) => removeDirective(parseUnit(t), 'Service', 'ExecStart'), problemsOf);
  assert.equal(cont, '[Service]\nUser=x\n');
});

test('a continuation followed only by comment lines to the end of the file still ends its assignment', () => {
  const text = '[Service]\nExecStart=/bin/true \\\n# comment\n';
  const doc = parseUnit(text);
  assert.deepEqual(doc.sections[0].entries.map((e) => [e.key, e.value, text.slice(e.valueSpan.start, e.valueSpan.end)]), [['ExecStart', '/bin/true', '/bin/true']]);
  assert.deepEqual(doc.problems, []);
});
