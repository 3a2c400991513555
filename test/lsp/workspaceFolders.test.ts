// Workspace folders added and removed while the server runs: their files are analysed, then forgotten.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { DidChangeWorkspaceFoldersNotification } from 'vscode-languageserver-protocol/node';
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
