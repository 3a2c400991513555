// The parser's fast paths (integers read from the characters, one-segment keys built in place) must give
// what the general paths give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHocon, type HoconField, type HoconNumber } from '../../../server/src/parsers/hocon';

test('a number value is Number(raw) for every form of number', () => {
  const raws = ['0', '-0', '+0', '7', '007', '-12', '+12', '123456789012345', '1234567890123456', '9007199254740993', '-9007199254740993', '1.5', '-.5', '.25', '1.0e3', '2.5E-2'];
  for (const raw of raws) {
    const doc = parseHocon(`a = ${raw}\n`);
    const value = (doc.root.members[0] as HoconField).value as HoconNumber;
    assert.equal(value.type, 'number', raw);
    assert.equal(value.raw, raw);
    assert.ok(Object.is(value.value, Number(raw)), `${raw}: ${value.value}`);
  }
});

test('keys of one segment and of several read the same names, flags and spans', () => {
  const doc = parseHocon('a = 1\n"b.c" = 2\nd.e = 3\nf"g" = 4\n');
  const keys = doc.root.members.map((m) => (m as HoconField).key);
  assert.deepEqual(keys[0], { segments: [{ name: 'a', quoted: false, start: 0, end: 1 }], start: 0, end: 1 });
  assert.deepEqual(keys[1], { segments: [{ name: 'b.c', quoted: true, start: 6, end: 11 }], start: 6, end: 11 });
  assert.deepEqual(keys[2].segments.map((s) => s.name), ['d', 'e']);
  assert.deepEqual(keys[3].segments.map((s) => [s.name, s.quoted]), [['fg', false]]);
  assert.deepEqual((doc.root.members[1] as HoconField).end, 15);
});
