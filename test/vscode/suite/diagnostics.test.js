// Diagnostics as VS Code shows them: rule id with docs link, cross-file related information, settings.
const assert = require('assert');
const vscode = require('vscode');
const { waitFor, wsFile, withRule, describe } = require('./util');

const RULE = 'erlang/weak-cookie';

suite('diagnostics', () => {
  test('the weak cookie in emqx.conf is an error on its line with a docs link', async () => {
    const uri = wsFile('emqx.conf');
    const [d] = (await waitFor(() => withRule(uri, RULE).length && withRule(uri, RULE))) || [];
    assert.ok(d, `${RULE} in emqx.conf: ${describe(uri)}`);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.lineAt(d.range.start.line).text, /cookie\s*=\s*"emqxsecretcookie"/);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(d.code && typeof d.code === 'object' && d.code.target, 'code has a target (codeDescription.href)');
    assert.match(d.code.target.toString(), /weak-cookie/);
  });

  test('the cookie that differs between emqx.conf and vm.args points at the other file', async () => {
    const conf = wsFile('emqx.conf');
    const vmargs = wsFile('vm.args');
    const found = await waitFor(() => [...withRule(conf, 'erlang/cookie-mismatch'), ...withRule(vmargs, 'erlang/cookie-mismatch')].filter((d) => d.relatedInformation && d.relatedInformation.length));
    assert.ok(found.length, `cookie-mismatch with related information: ${describe(conf)} ${describe(vmargs)}`);
    const targets = found.flatMap((d) => d.relatedInformation.map((r) => r.location.uri.toString()));
    assert.ok(targets.some((t) => t === conf.toString() || t === vmargs.toString()), JSON.stringify(targets));
  });

  test('turning the rule off in workspace settings removes it, resetting brings it back', async () => {
    const conf = wsFile('emqx.conf');
    const vmargs = wsFile('vm.args');
    const config = vscode.workspace.getConfiguration('mqttHarden');
    await config.update('rules', { [RULE]: 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      const gone = await waitFor(() => withRule(conf, RULE).length === 0 && withRule(vmargs, RULE).length === 0);
      assert.ok(gone, `still reported: ${describe(conf)} ${describe(vmargs)}`);
      assert.ok(vscode.languages.getDiagnostics(conf).length > 0, 'other rules still report');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    assert.ok(await waitFor(() => withRule(conf, RULE).length === 1), `back after reset: ${describe(conf)}`);
  });
});
