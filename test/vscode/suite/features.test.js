// Hover, completion (hardened snippets included) and symbols through VS Code's provider pipeline.
const assert = require('assert');
const vscode = require('vscode');
const { wsFile } = require('./util');

function hoverTexts(hovers) {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
}

suite('language features', () => {
  let doc;
  suiteSetup(async () => {
    doc = await vscode.workspace.openTextDocument(wsFile('emqx.conf'));
    await vscode.window.showTextDocument(doc);
  });

  const lineOf = (re) => doc.getText().split('\n').findIndex((l) => re.test(l));

  test('hover on node.cookie explains it', async () => {
    const line = lineOf(/^\s*cookie\s*=/);
    const col = doc.lineAt(line).text.indexOf('cookie') + 2;
    const texts = hoverTexts(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, col)));
    assert.ok(texts.some((t) => /cookie/i.test(t) && t.length > 40), JSON.stringify(texts));
  });

  test('hover on node.name shows the distribution port derived from the name', async () => {
    const line = lineOf(/^\s*name\s*=\s*"emqx1@/);
    const col = doc.lineAt(line).text.indexOf('name') + 1;
    const texts = hoverTexts(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, col)));
    assert.ok(texts.some((t) => t.includes('4371')), JSON.stringify(texts));
  });

  test('completion on a blank top-level line offers hardened snippets', async () => {
    const line = lineOf(/^\s*$/);
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, 0));
    const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet);
    assert.ok(snippets.length > 0, JSON.stringify(list.items.map((i) => i.label).slice(0, 50)));
    assert.ok(snippets.some((s) => s.insertText instanceof vscode.SnippetString || typeof s.insertText === 'string'), 'snippets insert text');
  });

  test('completion inside node {} offers its keys', async () => {
    const line = lineOf(/^\s*data_dir\s*=/);
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, 2));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('cookie') || labels.includes('data_dir'), JSON.stringify(labels.slice(0, 50)));
  });

  test('the outline lists the top-level blocks', async () => {
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri);
    const names = (symbols || []).map((s) => s.name);
    for (const name of ['node', 'cluster', 'dashboard']) assert.ok(names.includes(name), JSON.stringify(names));
  });
});
