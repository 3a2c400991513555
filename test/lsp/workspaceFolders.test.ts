// Workspace folders added and removed while the server runs: their files are analysed, then forgotten.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { DidChangeWorkspaceFoldersNotification, HoverRequest } from 'vscode-languageserver-protocol/node';
import { startServer, makeWorkspace, fileUri, folder, codesOf, type ServerSession, SUITE_TIMEOUT_MS } from './harness';
import { hoconWithCookie, strongCookie, WEAK_COOKIE } from './samples';

describe('workspace folder changes', { timeout: SUITE_TIMEOUT_MS }, () => {
  let s: ServerSession | undefined;
  after(() => s?.kill());

  it('analyses an added folder without opening its files and clears it when removed', async () => {
    const first = makeWorkspace({ 'emqx.conf': hoconWithCookie(strongCookie()) });
    const second = makeWorkspace({ 'etc/emqx.conf': hoconWithCookie(WEAK_COOKIE) });
    const secondConf = fileUri(path.join(second, 'etc', 'emqx.conf'));
    s = await startServer({ folders: [first] });
    await s.waitForDiagnostics(fileUri(path.join(first, 'emqx.conf')), () => true, 15000);
    assert.equal(s.diagnostics.has(secondConf), false);

    await s.conn.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [folder(second)], removed: [] } });
    await s.waitForDiagnostics(secondConf, (d) => codesOf(d).includes('erlang/weak-cookie'), 15000);

    await s.conn.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [], removed: [folder(second)] } });
    await s.waitForDiagnostics(secondConf, (d) => d.length === 0, 15000);
    assert.equal(await s.stop(), 0);
    s = undefined;
  });
});

describe('a workspace folder too large to walk', { timeout: SUITE_TIMEOUT_MS }, () => {
  let s: ServerSession | undefined;
  after(() => s?.kill());

  it('the root folder /: requests are answered while it is walked', async () => {
    s = await startServer({ folders: ['/'] });
    const ws = makeWorkspace({});
    const uri = fileUri(path.join(ws, 'emqx.conf'));
    await s.open(uri, 'emqx-hocon', hoconWithCookie(WEAK_COOKIE));
    await s.waitForDiagnostics(uri, (d) => codesOf(d).includes('erlang/weak-cookie'), 15000);
    // By now the walk of / has begun (it starts once the settings are read); before, it ran synchronously
    // for a minute and nothing was answered meanwhile.
    await new Promise((r) => setTimeout(r, 1000));
    await s.change(uri, hoconWithCookie(strongCookie()));
    await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 4 } });
    await s.waitForDiagnostics(uri, (d) => !codesOf(d).includes('erlang/weak-cookie'), 15000);
    s.kill();
    s = undefined;
  });

  it('stops at its budget of entries with a message, and analyses what it found', async () => {
    // Breadth first: the deployment at the top is found before the budget runs out in the folders below.
    const files: Record<string, string> = { 'emqx.conf': hoconWithCookie(WEAK_COOKIE) };
    for (let i = 0; i < 60; i++) files[`z/d${i}/emqx.conf`] = hoconWithCookie(WEAK_COOKIE);
    const big = makeWorkspace(files);
    s = await startServer({ folders: [big], initializationOptions: { maxWalkEntries: 40 } });
    await s.waitForDiagnostics(fileUri(path.join(big, 'emqx.conf')), (d) => codesOf(d).includes('erlang/weak-cookie'), 15000);
    const deadline = Date.now() + 10000;
    while (!s.messages.some((m) => m.kind === 'show') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const shown = s.messages.filter((m) => m.kind === 'show');
    assert.equal(shown.length, 1, JSON.stringify(s.messages));
    assert.match(shown[0].message, /40/);
    assert.ok(shown[0].message.includes(big), shown[0].message);
    assert.equal(s.diagnostics.has(fileUri(path.join(big, 'z', 'd59', 'emqx.conf'))), false, 'a file past the budget is not read');
    assert.equal(await s.stop(), 0);
    s = undefined;
  });
});
