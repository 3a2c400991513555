// The weak-cookie quick fix applied as VS Code applies it: code action provider, then workspace.applyEdit.
const assert = require('assert');
const vscode = require('vscode');
const { waitFor, wsFile, withRule, describe } = require('./util');

const RULE = 'erlang/weak-cookie';

suite('quick fixes', () => {
  test('emqx.conf: the preferred fix replaces the cookie and the diagnostic goes away', async () => {
    const uri = wsFile('emqx.conf');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const [d] = (await waitFor(() => withRule(uri, RULE).length && withRule(uri, RULE))) || [];
    assert.ok(d, `${RULE}: ${describe(uri)}`);
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    // (executeCodeActionProvider does not hand back each action's diagnostics: pick by what the edit touches.)
    const touchesCookie = (a) => a.edit && a.edit.get(uri).some((e) => e.range.start.line === d.range.start.line && !/mqtt-harden-disable/.test(e.newText));
    const fix = actions.find((a) => a.isPreferred && touchesCookie(a));
    assert.ok(fix, `a preferred fix of the cookie line among ${JSON.stringify(actions.map((a) => [a.title, a.isPreferred]))}`);
    assert.ok(actions.some((a) => /suppress/i.test(a.title)), `a suppress action among ${JSON.stringify(titles)}`);
    assert.ok(actions.some((a) => /doc/i.test(a.title)), `an open-docs action among ${JSON.stringify(titles)}`);

    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit');
    const line = doc.lineAt(d.range.start.line).text;
    const m = /cookie\s*=\s*"?([A-Za-z0-9]+)"?/.exec(line);
    assert.ok(m && m[1].length >= 32 && m[1] !== 'emqxsecretcookie', line);
    assert.ok(await waitFor(() => withRule(uri, RULE).length === 0), `still reported: ${describe(uri)}`);
    // save() is false when the document is no longer dirty (something saved it first); what counts is
    // that the fixed text reaches the disk.
    await doc.save();
    const disk = await waitFor(async () => {
      const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
      return text.includes(m[1]) && !doc.isDirty && text;
    });
    assert.ok(disk, `the fixed cookie is not on disk after saving (dirty: ${doc.isDirty})`);
    assert.ok(await waitFor(() => withRule(uri, RULE).length === 0), `back after saving: ${describe(uri)}`);
  });
});
