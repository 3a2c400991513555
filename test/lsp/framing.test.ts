// The stdio stream after a message with a wrong header: the server finds the next valid header and serves
// the messages after it, instead of waiting forever for bytes that never come or reading bodies as headers.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { startServer, makeWorkspace, fileUri, codesOf, type ServerSession, SUITE_TIMEOUT_MS } from './harness';
import { hoconWithCookie, WEAK_COOKIE, COOKIE_LINE } from './samples';

/** A hover request as raw JSON-RPC, with an id the harness never uses. */
const hoverBody = (id: number, uri: string) =>
  JSON.stringify({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: COOKIE_LINE, character: 4 } } });

describe('framing: a wrong header does not desynchronise the stdio stream for good', { timeout: SUITE_TIMEOUT_MS }, () => {
  const ws = makeWorkspace({});
  let s: ServerSession;
  let round = 0;
  before(async () => {
    s = await startServer({ folders: [ws] });
  });
  after(() => s?.kill());

  /** The messages after the bad bytes are read: a request is answered and a new document gets its findings. */
  async function stillServing() {
    const uri = fileUri(path.join(ws, `after-${++round}`, 'emqx.conf'));
    await s.open(uri, 'emqx-hocon', hoconWithCookie(WEAK_COOKIE));
    const hover = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: COOKIE_LINE, character: 4 } });
    assert.ok(hover, 'hover answered after the bad message');
    await s.waitForDiagnostics(uri, (d) => codesOf(d).includes('erlang/weak-cookie'));
    assert.equal(s.proc.exitCode, null, 'server still running');
  }

  const raw = (bytes: string) => s.proc.stdin!.write(bytes);

  it('a Content-Length shorter than the body', async () => {
    const body = hoverBody(900001, fileUri(path.join(ws, 'emqx.conf')));
    raw(`Content-Length: ${Buffer.byteLength(body) - 7}\r\n\r\n${body}`);
    await stillServing();
  });

  it('a Content-Length longer than the body (the next messages would be swallowed as its rest)', async () => {
    const body = hoverBody(900002, fileUri(path.join(ws, 'emqx.conf')));
    raw(`Content-Length: ${Buffer.byteLength(body) + 5000}\r\n\r\n${body}`);
    await stillServing();
  });

  it('a Content-Length of a terabyte', async () => {
    raw(`Content-Length: 1099511627776\r\n\r\n{}`);
    await stillServing();
  });

  it('a Content-Length that is not a number, and a header line without a colon', async () => {
    const body = hoverBody(900003, fileUri(path.join(ws, 'emqx.conf')));
    raw(`Content-Length: twelve\r\n\r\n${body}`);
    raw(`this is no header\r\n\r\n${body}`);
    await stillServing();
  });

  it('bytes with no header at all, split across writes', async () => {
    raw('\u0000\u00ff garbage {"jsonrpc": "2.0"} Content-');
    raw('Len');
    raw(`gth: x\r\n\r\nmore garbage\r\n`);
    await stillServing();
  });

  it('says on stderr that it skipped bytes, without echoing them', async () => {
    assert.match(s.stderr(), /Content-Length/);
    assert.doesNotMatch(s.stderr(), /this is no header|more garbage/);
  });
});
