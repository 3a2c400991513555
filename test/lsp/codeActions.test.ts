// Quick fixes as an editor applies them: ask for actions at a diagnostic, apply the edit, see the diagnostic go.
import { describe, it, after, before } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  CodeActionRequest,
  CodeActionKind,
  CodeActionResolveRequest,
  type CodeAction,
  type Command,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { startServer, serverPerSuite, makeWorkspace, fileUri, applyTextEdits, editsFor, urisOf, codesOf, type Transport, type ServerSession, SUITE_TIMEOUT_MS } from './harness';
import { hoconWithCookie, vmargsWithCookie, strongCookie, WEAK_COOKIE, COOKIE_LINE } from './samples';

const RULE = 'erlang/weak-cookie';
const isAction = (a: CodeAction | Command): a is CodeAction => !('command' in a && typeof a.command === 'string');

async function actionsAt(s: ServerSession, uri: string, d: Diagnostic): Promise<CodeAction[]> {
  const result = await s.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d], only: undefined, triggerKind: 1 },
  });
  assert.ok(Array.isArray(result), 'code actions returned');
  const actions: CodeAction[] = [];
  for (const a of result) {
    if (!isAction(a)) continue;
    // A server may send the edit only on codeAction/resolve (the client advertised resolveSupport for it).
    actions.push(!a.edit && !a.command && a.data !== undefined ? await s.conn.sendRequest(CodeActionResolveRequest.type, a) : a);
  }
  return actions;
}

for (const transport of ['stdio', 'ipc'] as Transport[]) {
  describe(`code actions over ${transport}`, { timeout: SUITE_TIMEOUT_MS }, () => {
    const ws = makeWorkspace({ 'emqx.conf': hoconWithCookie(WEAK_COOKIE) });
    const uri = fileUri(path.join(ws, 'emqx.conf'));
    let s: ServerSession;
    let diagnostic: Diagnostic;
    before(async () => {
      s = await startServer({ transport, folders: [ws] });
      await s.open(uri, 'emqx-hocon', hoconWithCookie(WEAK_COOKIE));
      diagnostic = (await s.waitForDiagnostics(uri, (d) => codesOf(d).includes(RULE))).find((d) => d.code === RULE)!;
    });
    after(() => s?.kill());

    it('offers a preferred quick fix whose edit replaces the cookie with a fresh random one', async () => {
      const actions = await actionsAt(s, uri, diagnostic);
      const fix = actions.find((a) => a.kind === CodeActionKind.QuickFix && a.edit && a.diagnostics?.some((d) => d.code === RULE) && a.isPreferred);
      assert.ok(fix, `a preferred quick fix for ${RULE} among ${JSON.stringify(actions.map((a) => [a.title, a.kind]))}`);
      assert.deepEqual(urisOf(fix.edit!), [uri]);
      const fixed = applyTextEdits(hoconWithCookie(WEAK_COOKIE), editsFor(fix.edit!, uri));
      const line = fixed.split('\n')[COOKIE_LINE];
      const m = /cookie\s*=\s*"?([A-Za-z0-9]+)"?/.exec(line);
      assert.ok(m, `cookie line after the fix: ${line}`);
      assert.ok(m[1].length >= 32, `new cookie is long: ${m[1]}`);
      assert.notEqual(m[1], WEAK_COOKIE);
      // Everything else is untouched.
      assert.deepEqual(fixed.split('\n').filter((_, i) => i !== COOKIE_LINE), hoconWithCookie(WEAK_COOKIE).split('\n').filter((_, i) => i !== COOKIE_LINE));

      // A second request makes another cookie: secrets are generated, never a constant.
      const again = (await actionsAt(s, uri, diagnostic)).find((a) => a.title === fix.title)!;
      assert.notEqual(applyTextEdits(hoconWithCookie(WEAK_COOKIE), editsFor(again.edit!, uri)), fixed);

      await s.change(uri, fixed);
      await s.waitForDiagnostics(uri, (d) => !codesOf(d).includes(RULE));
    });

    it('offers "suppress with reason" whose comment silences the finding', async () => {
      await s.change(uri, hoconWithCookie(WEAK_COOKIE));
      diagnostic = (await s.waitForDiagnostics(uri, (d) => codesOf(d).includes(RULE))).find((d) => d.code === RULE)!;
      const actions = await actionsAt(s, uri, diagnostic);
      const suppress = actions.find((a) => /suppress/i.test(a.title) && a.edit);
      assert.ok(suppress, `a suppress action among ${JSON.stringify(actions.map((a) => a.title))}`);
      const edits = editsFor(suppress.edit!, uri);
      assert.ok(edits.some((e) => e.newText.includes(RULE)), `the suppression names the rule: ${JSON.stringify(edits)}`);
      const suppressed = applyTextEdits(hoconWithCookie(WEAK_COOKIE), edits);
      await s.change(uri, suppressed);
      await s.waitForDiagnostics(uri, (d) => !codesOf(d).includes(RULE));
    });

    it('offers "open docs" as a command naming the rule', async () => {
      await s.change(uri, hoconWithCookie(WEAK_COOKIE));
      diagnostic = (await s.waitForDiagnostics(uri, (d) => codesOf(d).includes(RULE))).find((d) => d.code === RULE)!;
      const actions = await actionsAt(s, uri, diagnostic);
      const docs = actions.find((a) => /doc/i.test(a.title) && a.command);
      assert.ok(docs, `an open-docs action among ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.ok(JSON.stringify(docs.command!.arguments ?? []).includes('weak-cookie'), JSON.stringify(docs.command));
      assert.equal(await s.stop(), 0);
    });
  });
}

describe('code actions in vm.args', { timeout: SUITE_TIMEOUT_MS }, () => {
  let s: ServerSession | undefined;
  after(() => s?.kill());
  it('fixes -setcookie in place', async () => {
    const ws = makeWorkspace({ 'vm.args': vmargsWithCookie(WEAK_COOKIE) });
    const uri = fileUri(path.join(ws, 'vm.args'));
    s = await startServer({ folders: [ws] });
    await s.open(uri, 'erlang-vmargs', vmargsWithCookie(WEAK_COOKIE));
    const d = (await s.waitForDiagnostics(uri, (x) => codesOf(x).includes(RULE))).find((x) => x.code === RULE)!;
    const fix = (await actionsAt(s, uri, d)).find((a) => a.kind === CodeActionKind.QuickFix && a.isPreferred && a.edit);
    assert.ok(fix, 'preferred quick fix');
    const fixed = applyTextEdits(vmargsWithCookie(WEAK_COOKIE), editsFor(fix.edit!, uri));
    assert.match(fixed.split('\n')[1], /^-setcookie [A-Za-z0-9]{32,}$/);
    await s.change(uri, fixed);
    await s.waitForDiagnostics(uri, (x) => !codesOf(x).includes(RULE));
    assert.equal(await s.stop(), 0);
    s = undefined;
  });
});

describe('code actions for a stale diagnostic', { timeout: SUITE_TIMEOUT_MS }, () => {
  const ws = makeWorkspace({});
  const uri = fileUri(path.join(ws, 'emqx.conf'));
  const server = serverPerSuite({ folders: [ws] });

  /** The diagnostic of version 1 (the cookie on line 2), asked about after the document changed under it. */
  async function staleActions(newText: string): Promise<CodeAction[]> {
    const s = server();
    await s.change(uri, hoconWithCookie(WEAK_COOKIE));
    const stale = (await s.waitForVersion(uri, s.versionOf(uri)!)).find((d) => d.code === RULE)!;
    assert.equal(stale.range.start.line, COOKIE_LINE);
    await s.change(uri, newText);
    await s.waitForVersion(uri, s.versionOf(uri)!);
    return actionsAt(s, uri, stale);
  }

  it('offers no edit at lines that no longer exist', async () => {
    const s = server();
    await s.open(uri, 'emqx-hocon', '');
    const text = `node.cookie = "${WEAK_COOKIE}"\n`;
    const actions = await staleActions(text);
    const lines = text.split('\n').length;
    const beyond = actions.flatMap((a) => (a.edit ? editsFor(a.edit, uri) : [])).filter((e) => e.range.start.line >= lines - 1);
    assert.deepEqual(beyond, [], `edits past the end of a ${lines}-line document`);
    assert.deepEqual(actions.map((a) => a.title), [], 'nothing is offered for a diagnostic the current version does not have');
  });

  it('offers nothing for a diagnostic whose line now holds other text', async () => {
    const s = server();
    const text = `# one\n# two\n# three\n${hoconWithCookie(WEAK_COOKIE)}`;
    const actions = await staleActions(text);
    assert.deepEqual(actions.map((a) => a.title), [], 'no suppression comment above "# three", no fix of another line');
    // The current diagnostic still gets its actions.
    const current = s.diagnostics.get(uri)!.find((d) => d.code === RULE)!;
    assert.equal(current.range.start.line, COOKIE_LINE + 3);
    const fix = (await actionsAt(s, uri, current)).find((a) => a.isPreferred && a.edit);
    assert.ok(fix, 'the current diagnostic has its fix');
    assert.ok(editsFor(fix.edit!, uri).every((e) => e.range.start.line === COOKIE_LINE + 3));
  });
});
