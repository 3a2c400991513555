import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, LineIndex, detectEol } from '../../../server/src/core/text';

test('applyEdits applies edits in offset order and keeps insertion order at one offset', () => {
  assert.equal(applyEdits('abcdef', [{ offset: 4, length: 1, newText: 'X' }, { offset: 0, length: 0, newText: '1' }, { offset: 0, length: 0, newText: '2' }]), '12abcdXf');
});

test('applyEdits rejects overlapping edits', () => {
  assert.throws(() => applyEdits('abcdef', [{ offset: 0, length: 3, newText: '' }, { offset: 2, length: 1, newText: '' }]), /overlapping/);
});

test('LineIndex maps offsets across \\n, \\r\\n and lone \\r line ends', () => {
  const text = 'a\nbc\r\nd\re';
  const index = new LineIndex(text);
  assert.equal(index.lineCount, 4);
  assert.deepEqual(index.positionAt(text.indexOf('c')), { line: 1, character: 1 });
  assert.deepEqual(index.positionAt(text.indexOf('d')), { line: 2, character: 0 });
  assert.deepEqual(index.positionAt(text.indexOf('e')), { line: 3, character: 0 });
  assert.equal(index.offsetAt({ line: 1, character: 99 }), text.indexOf('\r\n'));
  assert.equal(index.offsetAt({ line: 9, character: 0 }), text.length);
  for (let o = 0; o <= text.length; o++) {
    const p = index.positionAt(o);
    if (text[o - 1] === '\r' && text[o] === '\n') continue; // between \r and \n is not addressable
    assert.equal(index.offsetAt(p), o, `round trip at ${o}`);
  }
});

test('detectEol finds CRLF files', () => {
  assert.equal(detectEol('a\r\nb'), '\r\n');
  assert.equal(detectEol('a\nb'), '\n');
  assert.equal(detectEol(''), '\n');
});
