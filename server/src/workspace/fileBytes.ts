/**
 * A file's bytes next to the text the engine analyses. Files are decoded as UTF-8 the way TextDecoder
 * does (each maximal invalid sequence becomes one U+FFFD), so an ISO-8859-1 `ö` reads as U+FFFD. A fix
 * must not write that U+FFFD back: edits are mapped from text offsets to byte offsets and spliced into
 * the original bytes, which stay as they were outside the edited ranges.
 */
import type { TextEdit } from '../core/text';

export interface DecodedBytes {
  bytes: Buffer;
  text: string;
  /**
   * Byte offset of each UTF-16 code unit of `text`, plus `bytes.length` at `text.length`; only when the
   * bytes are not valid UTF-8 (otherwise the offsets follow from the text alone).
   */
  byteStarts?: Uint32Array;
}

export function decodeBytes(bytes: Buffer): DecodedBytes {
  const text = bytes.toString('utf8');
  // Valid UTF-8 round-trips; only files that do not pay for the offset table.
  if (Buffer.byteLength(text, 'utf8') === bytes.length && Buffer.from(text, 'utf8').equals(bytes)) return { bytes, text };
  return decodeInvalid(bytes);
}

/** The WHATWG UTF-8 decoder (what TextDecoder and Buffer do), recording where each code unit came from. */
function decodeInvalid(bytes: Buffer): DecodedBytes {
  const units: number[] = [];
  const starts: number[] = [];
  const emit = (codePoint: number, start: number) => {
    if (codePoint > 0xffff) {
      const c = codePoint - 0x10000;
      units.push(0xd800 + (c >> 10), 0xdc00 + (c & 0x3ff));
      starts.push(start, start);
    } else {
      units.push(codePoint);
      starts.push(start);
    }
  };
  let needed = 0;
  let seen = 0;
  let codePoint = 0;
  let lower = 0x80;
  let upper = 0xbf;
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (needed === 0) {
      start = i;
      if (b <= 0x7f) emit(b, i);
      else if (b >= 0xc2 && b <= 0xdf) {
        needed = 1;
        codePoint = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
        needed = 2;
        codePoint = b & 0xf;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
        needed = 3;
        codePoint = b & 0x7;
      } else emit(0xfffd, i);
      continue;
    }
    if (b < lower || b > upper) {
      // The partial sequence becomes one U+FFFD and this byte starts afresh.
      needed = seen = codePoint = 0;
      lower = 0x80;
      upper = 0xbf;
      emit(0xfffd, start);
      i--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    codePoint = (codePoint << 6) | (b & 0x3f);
    if (++seen === needed) {
      emit(codePoint, start);
      needed = seen = codePoint = 0;
    }
  }
  if (needed !== 0) emit(0xfffd, start);
  let text = '';
  for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode(...units.slice(i, i + 8192));
  const byteStarts = new Uint32Array(units.length + 1);
  byteStarts.set(starts);
  byteStarts[units.length] = bytes.length;
  return { bytes, text, byteStarts };
}

/** The byte offset of a text offset. */
function byteOffsetOf(decoded: DecodedBytes, offset: number, cache: { unit: number; byte: number }): number {
  if (decoded.byteStarts) return decoded.byteStarts[offset];
  // Valid UTF-8: count forward from the last offset asked for (edits come sorted).
  const { text } = decoded;
  let { unit, byte } = cache.unit <= offset ? cache : { unit: 0, byte: 0 };
  while (unit < offset) {
    const c = text.charCodeAt(unit);
    if (c < 0x80) byte += 1;
    else if (c < 0x800) byte += 2;
    else if (c >= 0xd800 && c <= 0xdbff && unit + 1 < text.length) {
      byte += 4;
      unit++;
    } else byte += 3;
    unit++;
  }
  cache.unit = unit;
  cache.byte = byte;
  return byte;
}

/**
 * The bytes with `edits` (offsets into `decoded.text`) applied: the same order and checks as applyEdits,
 * each new text encoded as UTF-8, every other byte kept.
 */
export function spliceEdits(decoded: DecodedBytes, edits: readonly TextEdit[]): Buffer {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.offset - b.e.offset || a.i - b.i);
  const parts: Buffer[] = [];
  const cache = { unit: 0, byte: 0 };
  let cursor = 0;
  let byteCursor = 0;
  for (const { e } of sorted) {
    if (e.offset < cursor) throw new Error(`overlapping edits at offset ${e.offset}`);
    if (e.offset + e.length > decoded.text.length) throw new Error(`edit beyond the end of the text at ${e.offset}`);
    const from = byteOffsetOf(decoded, e.offset, cache);
    const to = byteOffsetOf(decoded, e.offset + e.length, cache);
    parts.push(decoded.bytes.subarray(byteCursor, from), Buffer.from(e.newText, 'utf8'));
    cursor = e.offset + e.length;
    byteCursor = to;
  }
  parts.push(decoded.bytes.subarray(byteCursor));
  return Buffer.concat(parts);
}
