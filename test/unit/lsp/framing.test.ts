// The deframer alone: every way a frame can be wrong, every way bytes can be split, and what it reports.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Deframer, MAX_MESSAGE_BYTES } from '../../../server/src/lsp/framing';

const frame = (o: unknown, delta = 0) => {
  const body = JSON.stringify(o);
  return `Content-Length: ${Buffer.byteLength(body) + delta}\r\n\r\n${body}`;
};
const m = (id: number) => ({ jsonrpc: '2.0', id, method: 'x', params: { text: 'é\\"\u0001' } });

/** Feeds `input` in pieces of `size` bytes and collects the ids read and the problems reported. */
function read(input: string, size = Infinity) {
  const d = new Deframer();
  const bytes = Buffer.from(input, 'utf8');
  const ids: unknown[] = [];
  const problems: string[] = [];
  for (let i = 0; i < bytes.length; i += Math.min(size, bytes.length)) {
    const out = d.push(bytes.subarray(i, Math.min(bytes.length, i + size)));
    ids.push(...out.messages.map((x) => (x as { id?: unknown }).id));
    problems.push(...out.problems);
  }
  return { ids, problems };
}

describe('Deframer', () => {
  it('reads well-framed messages whole, byte by byte and in any split, with no problem', () => {
    const input = frame(m(1)) + frame(m(2)) + `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n${frame(m(3))}` + frame(m(4));
    for (const size of [1, 2, 3, 7, 64, 1000, Infinity]) assert.deepEqual(read(input, size), { ids: [1, 2, 3, 4], problems: [] }, `pieces of ${size}`);
  });

  it('a length too short: the message is read up to the next header, and the next one follows', () => {
    for (const size of [1, 5, Infinity]) {
      const r = read(frame(m(1), -3) + frame(m(2)), size);
      assert.deepEqual(r.ids, [1, 2], `pieces of ${size}`);
      assert.equal(r.problems.length, 1);
      assert.match(r.problems[0], /Content-Length of \d+ that does not frame a JSON message/);
    }
  });

  it('a length too long: the following messages are not swallowed', () => {
    for (const size of [1, 5, Infinity]) {
      const r = read(frame(m(1), 500) + frame(m(2)) + frame(m(3)), size);
      assert.deepEqual(r.ids, [1, 2, 3], `pieces of ${size}`);
      assert.match(r.problems[0], /longer than its message/);
    }
  });

  it('a too-long length whose body is followed by garbage drops only that message', () => {
    const r = read(frame(m(1), 50) + 'garbage' + frame(m(2)));
    assert.deepEqual(r.ids, [2]);
    assert.match(r.problems.join('\n'), /skipped \d+ bytes/);
  });

  it('bad headers: no colon, no Content-Length, not a number, negative, above the limit, too long, binary', () => {
    const bad = [
      'no header here\r\n\r\n{}',
      'Content-Type: x\r\n\r\n{}',
      'Content-Length: twelve\r\n\r\n{}',
      'Content-Length: -5\r\n\r\n{}',
      `Content-Length: ${MAX_MESSAGE_BYTES + 1}\r\n\r\n{}`,
      `X-Long: ${'a'.repeat(9000)}\r\n\r\n{}`,
      '\u0000\u00ff\u001b[2J\r\n',
      'Content-Length : 2\r\nBad Header: x\r\n\r\n{}',
    ];
    for (const b of bad) {
      for (const size of [1, 13, Infinity]) {
        const r = read(frame(m(1)) + b + frame(m(2)), size);
        assert.deepEqual(r.ids, [1, 2], `${JSON.stringify(b.slice(0, 40))} in pieces of ${size}`);
        assert.equal(r.problems.length, 1, `one problem reported per bad stretch: ${JSON.stringify(r.problems)}`);
      }
    }
  });

  it('never quotes the input in a problem', () => {
    const r = read('secret-password\r\n\r\n' + frame(m(1), -4) + '\u001b]0;evil\u0007' + frame(m(2)));
    assert.deepEqual(r.ids, [2]);
    for (const p of r.problems) assert.match(p, /^[\x20-\x7e]+$/);
    assert.doesNotMatch(r.problems.join('\n'), /secret|evil/);
  });

  it('a body that is JSON but not an object is dropped', () => {
    const r = read(frame([1, 2]) + frame(42) + frame(null) + frame(m(7)));
    assert.deepEqual(r.ids, [7]);
  });

  it('tolerates blank lines between messages without a word', () => {
    assert.deepEqual(read(`\r\n${frame(m(1))}\r\n\r\n${frame(m(2))}`), { ids: [1, 2], problems: [] });
  });

  it('a megabyte of garbage in small pieces, then a message: the message is read', () => {
    const d = new Deframer();
    const junk = Buffer.alloc(4096, 'x');
    for (let i = 0; i < 256; i++) d.push(junk);
    assert.deepEqual(d.push(Buffer.from(frame(m(9)))).messages.map((x) => (x as { id?: unknown }).id), [9]);
  });
});
