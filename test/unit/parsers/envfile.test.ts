import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEnvFile, quoteEnvValue, setValue, insertEntry, removeEntry } from '../../../server/src/parsers/envfile';
import { randomTexts, assertSpansInside, roundTrip, assertChangedOnly, prefixes } from './lineParserHelpers';

const env = [
  '# /etc/emqx/emqx.env (mode 600)',
  'EMQX_NODE__NAME=emqx@10.0.0.1',
  'EMQX_NODE__COOKIE="a b \\"c\\" \\$d \\n"',
  "; single quotes are verbatim",
  "EMQX_DASHBOARD__DEFAULT_PASSWORD='p\\w$x'",
  'export EMQX_LOG__CONSOLE__LEVEL = warning  ',
  'MULTI="line one',
  'line two"',
  'CONT=abc\\',
  'def',
  'EMPTY=',
  'ESC=a\\ b\\\\c',
  '',
].join('\n');
const problemsOf = (t: string) => parseEnvFile(t).problems;

test('parses names, quoting, escapes, export, multi-line values and comments', () => {
  const doc = parseEnvFile(env);
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(doc.entries.map((e) => [e.name, e.value, e.exported]), [
    ['EMQX_NODE__NAME', 'emqx@10.0.0.1', false],
    ['EMQX_NODE__COOKIE', 'a b "c" $d \\n', false],
    ['EMQX_DASHBOARD__DEFAULT_PASSWORD', 'p\\w$x', false],
    ['EMQX_LOG__CONSOLE__LEVEL', 'warning', true],
    ['MULTI', 'line one\nline two', false],
    ['CONT', 'abcdef', false],
    ['EMPTY', '', false],
    ['ESC', 'a b\\c', false],
  ]);
  const spans = doc.entries.map((e) => env.slice(e.valueSpan.start, e.valueSpan.end));
  assert.deepEqual(spans, ['emqx@10.0.0.1', '"a b \\"c\\" \\$d \\n"', "'p\\w$x'", 'warning', '"line one\nline two"', 'abc\\\ndef', '', 'a\\ b\\\\c']);
  assert.deepEqual(doc.entries.map((e) => env.slice(e.nameSpan.start, e.nameSpan.end)), doc.entries.map((e) => e.name));
  assert.equal(doc.entries[3].start, env.indexOf('export'));
  assert.deepEqual(doc.comments.map((c) => c.marker), ['#', ';']);
});

test('syntax problems are precise', () => {
  const text = 'NOEQUALS\n1BAD=x\n=y\nOK=1\nQ="open\nZ=2\n';
  const doc = parseEnvFile(text);
  assert.deepEqual(doc.problems.map((p) => [p.start, p.end, p.code]), [
    [0, 8, 'envfile/syntax'],
    [text.indexOf('1BAD'), text.indexOf('1BAD') + 4, 'envfile/syntax'],
    [text.indexOf('=y'), text.indexOf('=y') + 1, 'envfile/syntax'],
    [text.indexOf('"open'), text.length, 'envfile/syntax'],
  ]);
  assert.deepEqual(doc.entries.map((e) => e.name), ['OK', 'Q']);
});

test('CRLF and BOM', () => {
  const doc = parseEnvFile('\uFEFFA=1\r\nB="x\\\r\ny"\r\nC=3\r\n');
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(doc.entries.map((e) => [e.name, e.value]), [['A', '1'], ['B', 'xy'], ['C', '3']]);
});

test('never throws; spans stay inside the text', () => {
  for (const t of randomTexts(19, 400, 'AB_=#; \n\r\t"\'\\$x')) assertSpansInside(parseEnvFile(t), t.length);
  for (const p of prefixes(env)) assertSpansInside(parseEnvFile(p), p.length);
  const huge = 'A=' + 'x '.repeat(5_000_000) + '\n' + 'B="' + '\\"'.repeat(1_000_000) + '"\n' + '#\\\n'.repeat(100_000);
  const doc = parseEnvFile(huge);
  assert.equal(doc.entries[0].value.length, 9_999_999);
  assert.equal(doc.entries[1].value.length, 1_000_000);
});

test('edits quote when needed, copy the style and are idempotent', () => {
  assert.equal(quoteEnvValue('emqx@host'), 'emqx@host');
  assert.equal(quoteEnvValue('a b"$'), '"a b\\"\\$"');
  const set = roundTrip(env, (t) => setValue(parseEnvFile(t), 'EMQX_NODE__COOKIE', 'Zx81kq'), problemsOf);
  const span = parseEnvFile(env).entries[1].valueSpan;
  assertChangedOnly(env, set, span.start, span.end);
  assert.ok(set.includes('EMQX_NODE__COOKIE=Zx81kq\n'));
  const spaced = roundTrip(env, (t) => setValue(parseEnvFile(t), 'EMQX_NODE__COOKIE', 'has space'), problemsOf);
  assert.equal(parseEnvFile(spaced).entries[1].value, 'has space');
  const inserted = roundTrip(env, (t) => insertEntry(parseEnvFile(t), 'EMQX_NODE__DATA_DIR', '/var/lib/emqx'), problemsOf);
  assert.ok(inserted.includes('EMQX_NODE__COOKIE="a b \\"c\\" \\$d \\n"\nEMQX_NODE__DATA_DIR=/var/lib/emqx\n'));
  const exported = roundTrip('export A = 1', (t) => insertEntry(parseEnvFile(t), 'B', '2'), problemsOf);
  assert.equal(exported, 'export A = 1\nexport B = 2');
  const removed = roundTrip(env, (t) => removeEntry(parseEnvFile(t), 'MULTI'), problemsOf);
  assert.equal(removed, env.replace('MULTI="line one\nline two"\n', ''));
  assert.equal(roundTrip(env, (t) => removeEntry(parseEnvFile(t), 'CONT'), problemsOf), env.replace('CONT=abc\\\ndef\n', ''));
});
