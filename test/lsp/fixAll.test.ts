// Issue 25: the editor's fix-all and the workspace command write what they name into the right place,
// and one cookie per cluster (fix-all per file in emqx.conf, then in vm.args, must not write two).
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApplyWorkspaceEditRequest, CodeActionRequest, ExecuteCommandRequest, type CodeAction, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { startServer, makeWorkspace, fileUri, applyTextEdits, editsFor, codesOf, type ServerSession, SUITE_TIMEOUT_MS } from './harness';
import { hoconWithCookie, vmargsWithCookie, WEAK_COOKIE } from './samples';

async function fixAllOf(s: ServerSession, uri: string): Promise<WorkspaceEdit> {
  const actions = (await s.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  })) as CodeAction[];
  const action = actions.find((a) => a.kind?.startsWith('source.fixAll'));
  assert.ok(action?.edit, `a fix-all action for ${uri}`);
  return action.edit;
}

const cookieOf = (text: string) => /(?:cookie\s*=\s*"?|-setcookie\s+|EMQX_NODE__COOKIE=)([A-Za-z0-9]+)/.exec(text)?.[1];

describe('fix-all and the workspace command', { timeout: SUITE_TIMEOUT_MS }, () => {
  const sessions: ServerSession[] = [];
  after(() => sessions.forEach((s) => s.kill()));

  it('"Fix all in the workspace" edits an EnvironmentFile= target at the cookie, not by an insertion at 0:0', async () => {
    const env = '# secrets of this node\nEMQX_NODE__COOKIE=emqxsecretcookie\nEMQX_LOG__CONSOLE__LEVEL=warning\n';
    const ws = makeWorkspace({
      'etc/emqx.conf': 'node.name = "emqx@10.0.0.1"\n',
      'emqx.service': '[Service]\nUser=emqx\nEnvironmentFile=/etc/emqx/emqx.env\nExecStart=/usr/bin/emqx foreground\n',
      'etc/emqx.env': env,
    });
    const s = await startServer({ folders: [ws] });
    sessions.push(s);
    const envUri = fileUri(path.join(ws, 'etc', 'emqx.env'));
    await s.waitForDiagnostics(envUri, (d) => codesOf(d).includes('erlang/weak-cookie'));
    let edit: WorkspaceEdit | undefined;
    s.conn.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      edit = params.edit;
      return { applied: false, failureReason: 'recorded by the test' };
    });
    await s.conn.sendRequest(ExecuteCommandRequest.type, { command: 'mqttHarden.fixAllInWorkspace', arguments: [] });
    assert.ok(edit, 'the command sent an edit');
    const envEdits = editsFor(edit, envUri);
    assert.equal(envEdits.length, 1);
    assert.equal(envEdits[0].range.start.line, 1, 'the edit is at the cookie line');
    const fixed = applyTextEdits(env, envEdits);
    assert.match(fixed, /^# secrets of this node\nEMQX_NODE__COOKIE=[A-Za-z][A-Za-z0-9]{47}\nEMQX_LOG__CONSOLE__LEVEL=warning\n$/);
  });

  it('fix-all in emqx.conf, then in vm.args, leaves one cookie in both', async () => {
    const ws = makeWorkspace({ 'emqx.conf': hoconWithCookie(WEAK_COOKIE), 'vm.args': vmargsWithCookie(WEAK_COOKIE) });
    const s = await startServer({ folders: [ws] });
    sessions.push(s);
    const conf = fileUri(path.join(ws, 'emqx.conf'));
    const vmargs = fileUri(path.join(ws, 'vm.args'));
    await s.open(conf, 'emqx-hocon', hoconWithCookie(WEAK_COOKIE));
    await s.open(vmargs, 'erlang-vmargs', vmargsWithCookie(WEAK_COOKIE));
    await s.waitForDiagnostics(vmargs, (d) => codesOf(d).includes('erlang/weak-cookie'));

    const confFixed = applyTextEdits(hoconWithCookie(WEAK_COOKIE), editsFor(await fixAllOf(s, conf), conf));
    const first = cookieOf(confFixed);
    assert.match(first ?? '', /^[A-Za-z][A-Za-z0-9]{47}$/);
    await s.change(conf, confFixed);
    // vm.args still has the default; its fix-all must write the cookie emqx.conf now holds.
    await s.waitForDiagnostics(conf, (d) => !codesOf(d).includes('erlang/weak-cookie'));
    const vmFixed = applyTextEdits(vmargsWithCookie(WEAK_COOKIE), editsFor(await fixAllOf(s, vmargs), vmargs));
    assert.equal(cookieOf(vmFixed), first);
    await s.change(vmargs, vmFixed);
    const after = await s.waitForDiagnostics(vmargs, (d) => !codesOf(d).includes('erlang/weak-cookie'));
    assert.ok(!codesOf(after).includes('erlang/cookie-mismatch'));
    assert.equal(fs.readFileSync(path.join(ws, 'vm.args'), 'utf8'), vmargsWithCookie(WEAK_COOKIE), 'the server writes nothing itself');
  });
});
