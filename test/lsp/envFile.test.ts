// Findings inside an EnvironmentFile= target: the workspace does not hold the file, the model reads it, and
// the diagnostic's range is computed on the text the model read (one text lookup for CLI and server).
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { startServer, makeWorkspace, fileUri, type ServerSession, SUITE_TIMEOUT_MS } from './harness';

describe('EnvironmentFile targets', { timeout: SUITE_TIMEOUT_MS }, () => {
  let s: ServerSession | undefined;
  after(() => s?.kill());

  it('places a finding in the env file on its own line', async () => {
    const folder = makeWorkspace({
      'etc/emqx.conf': 'node.name = "emqx@10.0.0.1"\n',
      'emqx.service': '[Service]\nUser=emqx\nEnvironmentFile=-/etc/emqx/emqx.env\nExecStart=/usr/bin/emqx foreground\n',
      'etc/emqx.env': '# EMQX overrides\nEMQX_LOG__FILE__LEVEL=warning\nthis line is not an assignment\n',
    });
    const uri = fileUri(path.join(folder, 'etc', 'emqx.env'));
    s = await startServer({ folders: [folder] });
    const diagnostics = await s.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'envfile/syntax'), 15000);
    const syntax = diagnostics.find((d) => d.code === 'envfile/syntax')!;
    assert.equal(syntax.range.start.line, 2, 'the third line, not 0:0');
    assert.equal(await s.stop(), 0);
    s = undefined;
  });
});
