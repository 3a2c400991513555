import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes, spliceEdits } from '../../../server/src/workspace/fileBytes';
import { applyEdits } from '../../../server/src/core/text';

/** Deterministic bytes biased towards UTF-8 lead and continuation bytes, so that every decoder path runs. */
function randomBytes(length: number, seed: number): Buffer {
  let state = seed >>> 0 || 1;
  const next = () => ((state = (state * 1103515245 + 12345) >>> 0) >>> 8) & 0xff;
  const special = [0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f, 0x90, 0x8f, 0x0a, 0x3d];
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    const n = next();
    out[i] = n % 2 ? special[n % special.length] : n % 4 === 0 ? 0x61 + (n % 26) : next();
  }
  return out;
}

test('the text is what TextDecoder makes of the bytes, valid UTF-8 or not', () => {
  for (let seed = 1; seed <= 400; seed++) {
    const bytes = randomBytes(1 + (seed % 97), seed);
    assert.equal(decodeBytes(bytes).text, new TextDecoder('utf-8').decode(bytes), bytes.toString('hex'));
  }
  const valid = Buffer.from('h\u00e9llo \u{1F600} w\u00f6rld\n', 'utf8');
  const d = decodeBytes(valid);
  assert.equal(d.text, 'h\u00e9llo \u{1F600} w\u00f6rld\n');
  assert.equal(d.byteStarts, undefined, 'valid UTF-8 needs no offset table');
});

test('edits are spliced into the bytes: outside them every byte stays, inside them the new text is UTF-8', () => {
  for (let seed = 1; seed <= 400; seed++) {
    const bytes = randomBytes(8 + (seed % 120), seed * 7919);
    const decoded = decodeBytes(bytes);
    const n = decoded.text.length;
    // Two edits at code-unit boundaries that do not split a surrogate pair.
    const cut = (k: number) => {
      let o = Math.floor((n * k) / 5);
      if (o > 0 && o < n && decoded.text.charCodeAt(o) >= 0xdc00 && decoded.text.charCodeAt(o) <= 0xdfff) o++;
      return o;
    };
    const a = cut(1);
    const b = cut(3);
    const edits = [{ offset: a, length: Math.max(0, cut(2) - a), newText: 'x\u00e9' }, { offset: b, length: 0, newText: 'Z' }];
    const out = spliceEdits(decoded, edits);
    assert.equal(new TextDecoder().decode(out), applyEdits(decoded.text, edits), 'the bytes decode to the edited text');
    const startByte = decoded.byteStarts ? decoded.byteStarts[a] : Buffer.byteLength(decoded.text.slice(0, a));
    assert.ok(out.subarray(0, startByte).equals(bytes.subarray(0, startByte)), 'bytes before the first edit are kept');
  }
});

test('an ISO-8859-1 comment keeps its byte when a value after it changes', () => {
  const bytes = Buffer.from('# J\xf6rg\n-setcookie emqxsecretcookie\n', 'latin1');
  const decoded = decodeBytes(bytes);
  assert.equal(decoded.text, '# J\ufffdrg\n-setcookie emqxsecretcookie\n');
  const at = decoded.text.indexOf('emqxsecretcookie');
  const out = spliceEdits(decoded, [{ offset: at, length: 16, newText: 'Fresh' }]);
  assert.equal(out.toString('latin1'), '# J\xf6rg\n-setcookie Fresh\n');
});
