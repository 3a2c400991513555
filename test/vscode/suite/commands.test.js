// The extension's commands: secret generators, fix-all, rule docs.
const assert = require('assert');
const vscode = require('vscode');
const { waitFor, wsFile, withRule, ruleOf, describe } = require('./util');

const RULE = 'erlang/weak-cookie';

const COMMANDS = ['mqttHarden.generateCookie', 'mqttHarden.generatePassword', 'mqttHarden.fixAllInWorkspace', 'mqttHarden.openRuleDocs'];

async function insertInScratch(command) {
  const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  await vscode.commands.executeCommand(command);
  const text = await waitFor(() => doc.getText());
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  return text;
}

suite('commands', () => {
  test('all commands are registered', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of COMMANDS) assert.ok(all.includes(c), c);
  });

  test('generate cookie inserts a fresh long random cookie each time', async () => {
    const a = await insertInScratch('mqttHarden.generateCookie');
    const b = await insertInScratch('mqttHarden.generateCookie');
    assert.match(a, /^[A-Za-z0-9]{32,}$/);
    assert.notStrictEqual(a, b);
  });

  test('generate password inserts a fresh strong password', async () => {
    const a = await insertInScratch('mqttHarden.generatePassword');
    const b = await insertInScratch('mqttHarden.generatePassword');
    assert.ok(a.length >= 16 && !/\s/.test(a), a);
    assert.notStrictEqual(a, b);
  });

  test('the "open the documentation" code action opens the page of the rule', async () => {
    const vmargs = wsFile('vm.args');
    const ours = () => vscode.languages.getDiagnostics(vmargs).filter((x) => x.source === 'mqtt-harden');
    const [d] = (await waitFor(() => ours().length && ours())) || [];
    assert.ok(d, `a finding in vm.args: ${describe(vmargs)}`);
    const rule = ruleOf(d);
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', vmargs, d.range, vscode.CodeActionKind.QuickFix.value);
    const open = actions.find((a) => a.command && a.command.command === 'mqttHarden.openRuleDocs' && JSON.stringify(a.command.arguments).includes(rule));
    assert.ok(open, `an open-docs action for ${rule} among ${JSON.stringify(actions.map((a) => a.title))}`);
    // What VS Code does when the action is picked.
    await vscode.commands.executeCommand(open.command.command, ...(open.command.arguments || []));
    const page = rule.split('/').pop();
    const shown = await waitFor(() =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.label.includes(page) || (t.input && t.input.uri && t.input.uri.toString().includes(rule))),
    );
    assert.ok(shown, `${rule} docs; tabs: ${JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)))}`);
  });

  test('fix all in workspace fixes a weak cookie', async () => {
    const conf = wsFile('emqx.conf');
    const doc = await vscode.workspace.openTextDocument(conf);
    const line = doc.getText().split('\n').findIndex((l) => /^\s*cookie\s*=/.test(l));
    assert.ok(line >= 0, 'emqx.conf has a cookie line');
    const weak = new vscode.WorkspaceEdit();
    weak.replace(conf, doc.lineAt(line).range, '  cookie = "emqxsecretcookie"');
    assert.ok(await vscode.workspace.applyEdit(weak));
    await doc.save();
    assert.ok(await waitFor(() => withRule(conf, RULE).length), `weak cookie reported first: ${describe(conf)}`);
    await vscode.commands.executeCommand('mqttHarden.fixAllInWorkspace');
    assert.ok(await waitFor(() => withRule(conf, RULE).length === 0), `still reported: ${describe(conf)}`);
    assert.doesNotMatch(doc.lineAt(line).text, /emqxsecretcookie/);
  });
});
