import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLimits, setValue, insertEntry, removeEntry } from '../../../server/src/parsers/limits';
import { randomTexts, assertSpansInside, roundTrip, assertChangedOnly, prefixes } from './lineParserHelpers';

const conf = [
  '# /etc/security/limits.conf',
  '#<domain>      <type>  <item>         <value>',
  '*               soft    core            0',
  '@student        hard    nproc           20',
  '%faculty        -       maxlogins       4',
  'emqx            soft    nofile          65536   # raised for MQTT',
  'emqx            hard    nofile          65536',
  '1000:           -       nice            -5',
  '@500:600        hard    rtprio          unlimited',
  '',
].join('\n');
const problemsOf = (t: string) => parseLimits(t).problems;

test('parses every column with spans, domains of every kind, and comments anywhere', () => {
  const doc = parseLimits(conf);
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(doc.entries.map((e) => [e.domain.text, e.domainKind, e.type.text, e.item.text, e.value.text]), [
    ['*', 'wildcard', 'soft', 'core', '0'],
    ['@student', 'group', 'hard', 'nproc', '20'],
    ['%faculty', 'maxlogins-group', '-', 'maxlogins', '4'],
    ['emqx', 'user', 'soft', 'nofile', '65536'],
    ['emqx', 'user', 'hard', 'nofile', '65536'],
    ['1000:', 'uid-range', '-', 'nice', '-5'],
    ['@500:600', 'gid-range', 'hard', 'rtprio', 'unlimited'],
  ]);
  for (const e of doc.entries) for (const f of [e.domain, e.type, e.item, e.value]) assert.equal(conf.slice(f.start, f.end), f.text);
  assert.deepEqual(doc.comments.map((c) => c.text), [' /etc/security/limits.conf', '<domain>      <type>  <item>         <value>', ' raised for MQTT']);
});

test('syntax problems are precise', () => {
  const text = 'emqx soft nofile\nemqx medium nofile 10\nemqx soft files 10\nemqx soft nofile lots\nemqx - nofile 1 2\n@:x - nofile 1\n';
  const doc = parseLimits(text);
  const at = (s: string) => text.indexOf(s);
  assert.deepEqual(doc.problems.map((p) => [p.start, p.end]), [
    [0, 'emqx soft nofile'.length],
    [at('medium'), at('medium') + 6],
    [at('files'), at('files') + 5],
    [at('lots'), at('lots') + 4],
    [at(' 2\n') + 1, at(' 2\n') + 2],
    [at('@:x'), at('@:x') + 3],
  ]);
  assert.ok(doc.problems.every((p) => p.code === 'limits/syntax'));
});

test('never throws; spans stay inside the text', () => {
  for (const t of randomTexts(17, 400, 'e*@%:- #\n\r\tnofile0')) assertSpansInside(parseLimits(t), t.length);
  for (const p of prefixes(conf)) assertSpansInside(parseLimits(p), p.length);
  const huge = 'emqx - nofile ' + '9'.repeat(10_000_000) + '\n' + 'a b\n'.repeat(200_000);
  assert.equal(parseLimits(huge).problems.length, 200_000);
});

test('edits: set both soft and hard, insert aligned, remove', () => {
  const raised = roundTrip(conf, (t) => setValue(parseLimits(t), { domain: 'emqx', item: 'nofile' }, '1048576'), problemsOf);
  assert.equal(raised, conf.replace(/65536/g, '1048576'));
  const hardOnly = roundTrip(conf, (t) => setValue(parseLimits(t), { domain: 'emqx', item: 'nofile', type: 'hard' }, '1048576'), problemsOf);
  const at = conf.lastIndexOf('65536');
  assertChangedOnly(conf, hardOnly, at, at + 5);
  const inserted = roundTrip(conf, (t) => setValue(parseLimits(t), { domain: 'emqx', item: 'nproc' }, '4096'), problemsOf);
  assert.equal(inserted, conf.replace('nofile          65536\n', 'nofile          65536\nemqx            -       nproc           4096\n'));
  const tabs = roundTrip('root\thard\tcore\t0', (t) => insertEntry(parseLimits(t), { domain: 'emqx', type: '-', item: 'nofile' }, '1048576'), problemsOf);
  assert.equal(tabs, 'root\thard\tcore\t0\nemqx\t-\tnofile\t1048576');
  assert.equal(roundTrip('', (t) => setValue(parseLimits(t), { domain: '*', item: 'nofile' }, '1048576'), problemsOf), '* - nofile 1048576\n');
  const removed = roundTrip(conf, (t) => removeEntry(parseLimits(t), { domain: 'emqx', item: 'nofile', type: 'soft' }), problemsOf);
  assert.equal(removed, conf.replace(/emqx +soft[^\n]*\n/, ''));
});
