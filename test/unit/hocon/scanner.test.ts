import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyUnquoted, Unquoted } from '../../../server/src/parsers/hocon/scanner';
import { parseHocon, type HoconConcat, type HoconField } from '../../../server/src/parsers/hocon';

// The classifier replaced these regular expressions; they stay here as its specification.
const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(?:\d*\.\d+|\d+\.\d+[eE][+-]?\d+)$/;
const TYPED = /^\d+(?:%|kb|KB|mb|MB|gb|GB|d|D|h|H|m|M|s|S|ms|MS)$/;
const WORD = /^[A-Za-z][A-Za-z0-9_.@%|-]*$/;

function expected(raw: string): Unquoted {
  if (raw === 'true') return Unquoted.True;
  if (raw === 'false') return Unquoted.False;
  if (raw === 'null') return Unquoted.Null;
  if (INTEGER.test(raw) || FLOAT.test(raw)) return Unquoted.Number;
  if (TYPED.test(raw) || WORD.test(raw)) return Unquoted.String;
  return Unquoted.InvalidString;
}

test('unquoted runs are classified exactly as the EMQX token patterns say', () => {
  const samples = [
    '0', '42', '+7', '-7', '+', '-', '1.5', '.5', '-.5', '1.', '1.5e3', '1.5E-3', '1.5e', '.5e3', '1e5', '1.5e+', '1.2.3',
    '10%', '16MB', '16mb', '16Mb', '15s', '100ms', '100MS', '100Ms', '5m', '2h', '1d', '1D', '3kb', '3gb', '3GB', '+5s', '5ss', '1.5s',
    'true', 'false', 'null', 'True', 'nulls', 'truex', 'verify_peer', 'tlsv1.3', 'emqx@127.0.0.1', 'a|b', 'x-y', '_x', '0.0.0.0:1883',
    'a$b', 'é', 'aé', '/etc/x', 'http://h', '..', 'a..b', 'a%', '@a',
  ];
  // And every short string over a small alphabet, to catch what the hand-picked list misses.
  const alphabet = ['1', '0', '.', 'e', 'E', '+', '-', 'm', 's', 'M', 'b', 'B', 'a', '%', ':'];
  const all = [...samples];
  for (const a of alphabet) for (const b of alphabet) for (const c of ['', ...alphabet]) all.push(a + b + c);
  for (const raw of all) {
    const padded = `= ${raw} ;`;
    assert.equal(classifyUnquoted(padded, 2, 2 + raw.length), expected(raw), raw);
  }
});

test('a value written as many adjacent pieces stays one concatenation, and the next field is found', () => {
  const pieces = 2000;
  const text = `a = b${'"c"'.repeat(pieces)} e\nx = 1\n`;
  const doc = parseHocon(text);
  assert.deepEqual(doc.problems, []);
  const [a, x] = doc.root.members as HoconField[];
  const value = a.value as HoconConcat;
  assert.equal(value.type, 'concat');
  assert.equal(value.parts.length, pieces + 2);
  assert.equal(value.end, text.indexOf('\n'));
  assert.deepEqual(x.key.segments.map((s) => s.name), ['x']);
});

test('`include` inside a run of pieces is still recognised before a file name', () => {
  const doc = parseHocon('a = b "c"\ninclude "x.conf"\n');
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(doc.root.members.map((m) => m.type), ['field', 'include']);
});

test('a line of many `{` scans in linear steps and still finds a later template on another line', () => {
  const text = 'a = ' + '{'.repeat(50_000) + '\nb = {{ rendered_later }}\n';
  const doc = parseHocon(text);
  assert.ok(doc.problems.length > 0);
  const again = parseHocon('x = "{{ no }}"\ny = {{ template }}\n');
  const y = again.root.members.find((m) => m.type === 'field' && m.key.segments[0].name === 'y');
  assert.ok(y && y.type === 'field' && y.value?.type === 'string', 'a {{ }} value after an earlier line still reads as one value');
});
