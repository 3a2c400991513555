/**
 * Issue 25 leaks through the language server: a workspace file linked outside is a diagnostic, not a
 * read; diagnostics, hover and the outline never show a secret whole or a raw control character.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DocumentSymbolRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { startServer, makeWorkspace, fileUri, codesOf, type ServerSession, SUITE_TIMEOUT_MS } from './harness';

const COOKIE = '3f9c2a7be14d4c0e9b8f6a5d2c1e0f7a';
const PASSWORD = '2Xq7wLp9Rt';
const OUTSIDE_MARKER = 'x9outsideLine';
const CONF = `node.name = "emqx@127.0.0.1"\nnode.cookie = ${COOKIE}\ndashboard.default_password = ${PASSWORD}\nfoo\x1bc = 1\n`;

describe('language server: nothing outside the workspace, no secret, no control character', { timeout: SUITE_TIMEOUT_MS }, () => {
  let s: ServerSession;
  let ws: string;
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'mqtt-harden-outside-'));
  before(async () => {
    fs.writeFileSync(path.join(outside, 'shadow'), `${OUTSIDE_MARKER}:$6$abc:19000:0:99999:7:::\n`);
    ws = makeWorkspace({ 'emqx.conf': CONF });
    fs.symlinkSync(path.join(outside, 'shadow'), path.join(ws, 'vm.args'));
    s = await startServer({ folders: [ws] });
  });
  after(() => {
    s?.kill();
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('a linked vm.args is a files/read-refused diagnostic; none of its lines is shown', async () => {
    const vmargs = fileUri(path.join(ws, 'vm.args'));
    const d = await s.waitForDiagnostics(vmargs, (x) => codesOf(x).includes('files/read-refused'));
    assert.ok(!JSON.stringify(d).includes(OUTSIDE_MARKER));
    assert.ok(![...s.diagnostics.values()].some((list) => JSON.stringify(list).includes(OUTSIDE_MARKER)));
  });

  it('diagnostics, hover and the outline of emqx.conf hold no secret whole and no ESC', async () => {
    const conf = fileUri(path.join(ws, 'emqx.conf'));
    await s.open(conf, 'emqx-hocon', CONF);
    const d = await s.waitForDiagnostics(conf, (x) => codesOf(x).includes('hocon/emqx-dialect'));
    const outputs = [JSON.stringify(d)];
    for (let line = 0; line < 4; line++) {
      for (const character of [0, 5, 14, 16, 30, 32]) outputs.push(JSON.stringify(await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: conf }, position: { line, character } })));
    }
    outputs.push(JSON.stringify(await s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: conf } })));
    const all = outputs.join('\n');
    assert.ok(!all.includes(COOKIE) && !all.includes(PASSWORD), 'a secret is shown whole');
    assert.ok(!/\\u001b/i.test(all), 'a raw ESC reaches the client');
    assert.ok(all.includes('\\\\x1b'), 'the key is shown escaped');
  });
});
