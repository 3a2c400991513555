// The `files` setting in the editor: files outside its patterns (relative to their workspace folder) stay silent.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { startServer, makeWorkspace, fileUri, codesOf, type ServerSession, SUITE_TIMEOUT_MS } from './harness';
import { hoconWithCookie, WEAK_COOKIE } from './samples';

describe('files setting', { timeout: SUITE_TIMEOUT_MS }, () => {
  let s: ServerSession | undefined;
  after(() => s?.kill());

  it('publishes empty diagnostics for files outside the patterns, in every workspace folder, and follows setting changes', async () => {
    const weak = hoconWithCookie(WEAK_COOKIE);
    const first = makeWorkspace({ 'deploy/etc/emqx.conf': weak, 'old/emqx.conf': weak });
    const second = makeWorkspace({ 'etc/emqx.conf': weak, 'archive/emqx.conf': weak });
    const kept = [fileUri(path.join(first, 'deploy', 'etc', 'emqx.conf')), fileUri(path.join(second, 'etc', 'emqx.conf'))];
    const left = [fileUri(path.join(first, 'old', 'emqx.conf')), fileUri(path.join(second, 'archive', 'emqx.conf'))];
    const hasWeakCookie = (d: { code?: unknown }[]) => codesOf(d as never).includes('erlang/weak-cookie');

    s = await startServer({ folders: [first, second], settings: { files: ['deploy/**', 'etc/*'] } });
    for (const uri of kept) await s.waitForDiagnostics(uri, hasWeakCookie, 15000);
    for (const uri of left) assert.deepEqual(await s.waitForDiagnostics(uri, () => true, 15000), [], uri);

    // Without patterns every file counts again: the silence came from the setting.
    (s.settings.mqttHarden as { files: string[] }).files = [];
    await s.notifyConfiguration();
    for (const uri of left) await s.waitForDiagnostics(uri, hasWeakCookie, 15000);

    (s.settings.mqttHarden as { files: string[] }).files = ['deploy/**', 'etc/*'];
    await s.notifyConfiguration();
    for (const uri of left) await s.waitForDiagnostics(uri, (d) => d.length === 0, 15000);
    for (const uri of kept) assert.ok(hasWeakCookie(s.diagnostics.get(uri)!), uri);
    assert.equal(await s.stop(), 0);
    s = undefined;
  });
});
