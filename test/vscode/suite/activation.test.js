// Activation, language ids and the language server reaching every kind of deployment file.
const assert = require('assert');
const vscode = require('vscode');
const { waitFor, wsFile, activeExtension, describe } = require('./util');

/** Each contributed language, a workspace file of that kind, and a rule its content triggers. */
const KINDS = [
  { language: 'emqx-hocon', file: ['emqx.conf'] },
  { language: 'erlang-vmargs', file: ['vm.args'] },
  { language: 'sysctl-conf', file: ['sysctl.conf'] },
  { language: 'emqx-systemd', file: ['emqx.service'] },
  { language: 'limits-conf', file: ['limits.conf'], text: 'emqx soft nofile 1024\nemqx hard nofile 1024\n' },
  { language: 'sysctl-conf', file: ['sysctl.d', '90-emqx.conf'], text: 'net.netfilter.nf_conntrack_tcp_timeout_established = 432000\n' },
  { language: 'emqx-systemd', file: ['emqx.service.d', 'override.conf'], text: '[Service]\nLimitNOFILE=1024\n' },
];

suite('activation', () => {
  test('activates on a workspace that holds emqx.conf, before any file is opened, and starts the server', async () => {
    assert.strictEqual(vscode.window.visibleTextEditors.length, 0, 'no editor open yet');
    const ext = await activeExtension();
    const client = ext.exports && ext.exports.client;
    assert.ok(client, 'activate() returns { client }');
    assert.ok(await waitFor(() => client.isRunning()), 'the language client runs');
  });

  test('files never opened have diagnostics (the whole deployment is analysed)', async () => {
    for (const name of ['vm.args', 'sysctl.conf', 'emqx.service']) {
      const uri = wsFile(name);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), `${name} is not open`);
      const diags = await waitFor(() => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mqtt-harden').length);
      assert.ok(diags, `${name} has diagnostics: ${describe(uri)}`);
    }
  });

  test('the manifest activates on every contributed language', async () => {
    const ext = await activeExtension();
    const events = ext.packageJSON.activationEvents || [];
    for (const language of new Set(KINDS.map((k) => k.language))) assert.ok(events.includes(`onLanguage:${language}`), `onLanguage:${language}`);
  });

  for (const kind of KINDS) {
    test(`${kind.file.join('/')} opens as ${kind.language} and gets diagnostics`, async () => {
      const uri = wsFile(...kind.file);
      if (kind.text) await vscode.workspace.fs.writeFile(uri, Buffer.from(kind.text));
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: false });
      assert.strictEqual(doc.languageId, kind.language);
      const diags = await waitFor(() => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mqtt-harden').length);
      assert.ok(diags, `diagnostics for ${kind.file.join('/')}: ${describe(uri)}`);
    });
  }

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
