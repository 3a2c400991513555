import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/core/text';
import {
  parseVmArgs, findFlags, kernelParam, parseErlangTerm, isInetAddressTuple, setFlagArgs, setAppParam, insertFlag, removeFlag,
} from '../../../server/src/parsers/vmargs';
import { readCorpus, randomTexts, assertSpansInside, roundTrip, assertChangedOnly, prefixes } from './lineParserHelpers';

const files: Record<string, string> = {
  'v5.8.9 vm.args.cloud': readCorpus('emqx', 'v5.8.9', 'apps', 'emqx', 'etc', 'vm.args.cloud'),
  '6.2.2 vm.args.cloud': readCorpus('emqx', '6.2.2', 'apps', 'emqx', 'etc', 'vm.args.cloud'),
  'v5.8.9 vm.args.eex': readCorpus('emqx', 'v5.8.9', 'rel', 'vm.args.eex'),
  '6.2.2 vm.args.eex': readCorpus('emqx', '6.2.2', 'rel', 'vm.args.eex'),
  'v4.4.19 edge vm.args': readCorpus('emqx', 'v4.4.19', 'etc', 'emqx_edge', 'vm.args'),
  'v4.4.19 cloud vm.args': readCorpus('emqx', 'v4.4.19', 'etc', 'emqx_cloud', 'vm.args'),
};
const problemsOf = (t: string) => parseVmArgs(t).problems;

test('the shipped vm.args files parse clean', () => {
  for (const [name, text] of Object.entries(files)) {
    const doc = parseVmArgs(text);
    assert.deepEqual(doc.problems, [], name);
    assert.ok(doc.comments.length > 0, name);
  }
  const cloud = parseVmArgs(files['v5.8.9 vm.args.cloud']);
  assert.deepEqual(findFlags(cloud, '-env').map((e) => e.args.map((a) => a.text)), [['ERL_FULLSWEEP_AFTER', '1000']]);
  const pa = findFlags(cloud, '-pa')[0];
  assert.deepEqual(pa.args.map((a) => [a.text, a.template]), [['"{{ platform_data_dir }}/patches"', true]]);
  assert.equal(kernelParam(cloud, 'mnesia', 'dump_log_time_threshold')?.value?.text, '60000');
  // The .eex template has only comments.
  assert.equal(parseVmArgs(files['v5.8.9 vm.args.eex']).entries.length, 0);
  const edge = parseVmArgs(files['v4.4.19 edge vm.args']);
  const crash = findFlags(edge, '-env').find((e) => e.args[0].text === 'ERL_CRASH_DUMP');
  assert.deepEqual(crash?.args.map((a) => a.text), ['ERL_CRASH_DUMP', '{{ platform_log_dir }}/crash.dump']);
  assert.equal(findFlags(edge, '+P')[0].args[0].text, '16384');
  assert.equal(findFlags(edge, '-heart').length, 1);
});

test('flags, trailing comments, templates and kernel parameters (last wins)', () => {
  const text = '-name emqx@10.0.0.1 # node\n-setcookie <%= cookie %>\n-kernel inet_dist_use_interface {10,0,0,1}\n-kernel inet_dist_listen_min 4370 inet_dist_use_interface {10,0,0,2}\n+K true\n';
  const doc = parseVmArgs(text);
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(doc.entries.map((e) => e.flag), ['-name', '-setcookie', '-kernel', '-kernel', '+K']);
  assert.equal(doc.entries[0].end, text.indexOf(' # node'));
  assert.equal(doc.comments[0].text, ' node');
  assert.equal(doc.entries[1].args[0].text, '<%= cookie %>');
  const param = kernelParam(doc, 'kernel', 'inet_dist_use_interface');
  assert.equal(param?.value?.text, '{10,0,0,2}');
  assert.equal(kernelParam(doc, 'kernel', 'inet_dist_listen_max'), undefined);
});

test('syntax problems are precise', () => {
  const text = 'setcookie abc\n-setcookie\n+P lots\n-kernel inet_dist_use_interface {10, 0, 0, 1}\n-name a b\n-pa "unclosed\n-x {{ open\n';
  const doc = parseVmArgs(text);
  const at = (s: string) => text.indexOf(s);
  assert.deepEqual(doc.problems.map((p) => [p.start, p.end]), [
    [0, 'setcookie'.length],
    [at('-setcookie\n'), at('-setcookie\n') + '-setcookie'.length],
    [at('lots'), at('lots') + 4],
    [at('{10, 0'), at(', 1}') + 4],
    [at(' b\n') + 1, at(' b\n') + 2],
    [at('"unclosed'), at('"unclosed') + '"unclosed'.length],
    [at('{{ open'), at('{{ open') + '{{ open'.length],
  ]);
  assert.ok(doc.problems.every((p) => p.code === 'vmargs/syntax'));
  assert.match(doc.problems[3].message, /without spaces/);
});

test('parseErlangTerm reads the values vm.args uses and locates errors', () => {
  const ok = (s: string) => {
    const r = parseErlangTerm(s);
    assert.equal(r.problem, undefined, s);
    return r.term!;
  };
  assert.equal(isInetAddressTuple(ok('{10,0,1,5}')), true);
  assert.equal(isInetAddressTuple(ok(' {0,0,0,0,0,0,0,1} ')), true);
  assert.equal(isInetAddressTuple(ok('{10,0,1,256}')), false);
  assert.equal(isInetAddressTuple(ok('{10,0,1}')), false);
  assert.equal(isInetAddressTuple(ok('[10,0,1,5]')), false);
  assert.deepEqual(ok('inet_tls'), { type: 'atom', value: 'inet_tls', start: 0, end: 8 });
  assert.equal((ok("'A b'") as { value: string }).value, 'A b');
  assert.equal((ok('"x\\"y"') as { value: string }).value, 'x"y');
  assert.equal((ok('16#ff') as { value: number }).value, 255);
  assert.equal((ok('-12') as { value: number }).value, -12);
  assert.equal(ok('1.5e3').type, 'float');
  assert.equal(ok('[a, {b, "c"}, []].').type, 'list');
  assert.deepEqual(parseErlangTerm('{10.0.1.5}').problem && [parseErlangTerm('{10.0.1.5}').problem!.start, parseErlangTerm('{10.0.1.5}').problem!.end], [5, 6]);
  assert.deepEqual(parseErlangTerm('10.0.1.5').problem?.start, 5);
  assert.deepEqual(parseErlangTerm('{1,2').problem, { start: 0, end: 4, message: '`{` is not closed: `}` is missing.' });
  assert.equal(parseErlangTerm('').problem?.message, 'Expected a term, found the end of the value.');
  assert.equal(parseErlangTerm('Var').problem?.start, 0);
  assert.equal(parseErlangTerm('2#102').problem?.end, 5);
  assert.ok(parseErlangTerm('['.repeat(100_000)).problem);
  assert.equal(parseErlangTerm('[' + '1,'.repeat(100_000) + '1]').term?.type, 'list');
});

test('never throws; spans stay inside the text', () => {
  for (const t of randomTexts(7, 400, '-+ks "{}<%>#\\\n\r\t01,.')) {
    assertSpansInside(parseVmArgs(t), t.length);
    const r = parseErlangTerm(t);
    if (r.problem) assert.ok(r.problem.start >= 0 && r.problem.end <= t.length && r.problem.start <= r.problem.end);
  }
  const cloud = files['v5.8.9 vm.args.cloud'];
  for (const p of prefixes(cloud)) assertSpansInside(parseVmArgs(p), p.length);
  const huge = '-setcookie ' + 'x'.repeat(10_000_000) + '\n' + '"'.repeat(200_000) + '\n{{'.repeat(100_000);
  assert.equal(parseVmArgs(huge).entries[0].args[0].text.length, 10_000_000);
});

test('edits: set a flag, set a kernel parameter, insert and remove lines', () => {
  const split = '## cookie\r\n-setcookie emqxsecretcookie\r\n-kernel inet_dist_use_interface {10, 0, 0, 1}\r\n+P 2097152\r\n';
  // The kernel fix also repairs a tuple split by spaces (the original has a problem; the result has none).
  const fixed = applyEdits(split, setAppParam(parseVmArgs(split), 'kernel', 'inet_dist_use_interface', '{10,0,0,1}'));
  assert.equal(fixed, split.replace('{10, 0, 0, 1}', '{10,0,0,1}'));
  assert.deepEqual(problemsOf(fixed), []);
  assert.deepEqual(setAppParam(parseVmArgs(fixed), 'kernel', 'inet_dist_use_interface', '{10,0,0,1}'), []);
  const text = fixed;
  const cookie = roundTrip(text, (t) => setFlagArgs(parseVmArgs(t), '-setcookie', ['Zq9']), problemsOf);
  const at = text.indexOf('emqxsecretcookie');
  assertChangedOnly(text, cookie, at, at + 'emqxsecretcookie'.length);
  const listen = roundTrip(fixed, (t) => setAppParam(parseVmArgs(t), 'kernel', 'inet_dist_listen_min', '4370'), problemsOf);
  assert.equal(listen, fixed.replace('{10,0,0,1}\r\n', '{10,0,0,1}\r\n-kernel inet_dist_listen_min 4370\r\n'));
  const tls = roundTrip(fixed, (t) => insertFlag(parseVmArgs(t), '-proto_dist', ['inet_tls'], '-setcookie'), problemsOf);
  assert.equal(tls, fixed.replace('emqxsecretcookie\r\n', 'emqxsecretcookie\r\n-proto_dist inet_tls\r\n'));
  const end = roundTrip('+P 1 # c', (t) => insertFlag(parseVmArgs(t), '-heart', []), problemsOf);
  assert.equal(end, '+P 1 # c\n-heart');
  assert.equal(roundTrip(fixed, (t) => removeFlag(parseVmArgs(t), '-kernel', 'inet_dist_use_interface'), problemsOf), fixed.replace(/-kernel[^\n]*\n/, ''));
  assert.equal(roundTrip('-a 1\n+P 2 # last', (t) => removeFlag(parseVmArgs(t), '+P'), problemsOf), '-a 1');
  assert.equal(roundTrip('-heart', (t) => setFlagArgs(parseVmArgs(t), '-smp', ['enable']), problemsOf), '-heart\n-smp enable');
});
