// The server's lifecycle over both transports an editor uses: stdio (neovim, most clients) and node IPC (VS Code).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCodes, ExitNotification, HoverRequest, ResponseError, ShutdownRequest, TextDocumentSyncKind } from 'vscode-languageserver-protocol/node';
import { startServer, withTimeout, type Transport, SUITE_TIMEOUT_MS } from './harness';

for (const transport of ['stdio', 'ipc'] as Transport[]) {
  describe(`lifecycle over ${transport}`, { timeout: SUITE_TIMEOUT_MS }, () => {
    it('initializes, advertises the features the tests exercise, and exits with 0 after shutdown', async () => {
      const s = await startServer({ transport });
      try {
        const caps = s.init.capabilities;
        assert.equal(s.init.serverInfo?.name, 'mqtt-harden');
        const sync = typeof caps.textDocumentSync === 'object' ? caps.textDocumentSync.change : caps.textDocumentSync;
        assert.ok(sync === TextDocumentSyncKind.Full || sync === TextDocumentSyncKind.Incremental, `textDocumentSync ${JSON.stringify(caps.textDocumentSync)}`);
        if (typeof caps.textDocumentSync === 'object') assert.equal(caps.textDocumentSync.openClose, true);
        assert.ok(caps.codeActionProvider, 'codeActionProvider');
        if (typeof caps.codeActionProvider === 'object') assert.ok(caps.codeActionProvider.codeActionKinds?.includes('quickfix'), 'quickfix kind advertised');
        assert.ok(caps.hoverProvider, 'hoverProvider');
        assert.ok(caps.completionProvider, 'completionProvider');
        assert.ok(caps.documentSymbolProvider, 'documentSymbolProvider');
        assert.ok(caps.definitionProvider, 'definitionProvider');
        assert.ok(caps.documentFormattingProvider, 'documentFormattingProvider');
        assert.equal(caps.workspace?.workspaceFolders?.supported, true, 'workspace folders supported');
        assert.ok(caps.workspace?.workspaceFolders?.changeNotifications, 'workspace folder change notifications');
        // A server that pulls diagnostics must also be tested that way; this one pushes them.
        assert.equal(caps.diagnosticProvider, undefined, 'diagnostics are pushed, not pulled');
      } catch (e) {
        s.kill();
        throw e;
      }
      assert.equal(await s.stop(), 0, `exit code after shutdown (stderr: ${s.stderr()})`);
    });

    it('answers requests after shutdown with InvalidRequest, then exits with 0', async () => {
      const s = await startServer({ transport });
      const exited = new Promise<number | null>((resolve) => s.proc.on('exit', (c) => resolve(c)));
      try {
        await s.conn.sendRequest(ShutdownRequest.type);
        const invalid = (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidRequest;
        await assert.rejects(s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///x/emqx.conf' }, position: { line: 0, character: 0 } }), invalid);
        await assert.rejects(s.conn.sendRequest(ShutdownRequest.type), invalid, 'a second shutdown');
        await assert.rejects(s.conn.sendRequest('mqttHarden/noSuchMethod', {}), invalid, 'an unknown method');
      } catch (e) {
        s.kill();
        throw e;
      }
      await s.conn.sendNotification(ExitNotification.type);
      assert.equal(await withTimeout(exited, 5000, () => 'the server did not exit'), 0, `exit code (stderr: ${s.stderr()})`);
      s.kill();
    });

    it('exits with 1 when told to exit without a shutdown first', async () => {
      const s = await startServer({ transport });
      await s.conn.sendNotification('exit');
      const exited = new Promise<number | null>((resolve) => {
        if (s.proc.exitCode !== null) resolve(s.proc.exitCode);
        else s.proc.on('exit', (c) => resolve(c));
      });
      const code = await withTimeout(exited, 5000, () => 'the server did not exit');
      s.kill();
      assert.equal(code, 1);
    });
  });
}
