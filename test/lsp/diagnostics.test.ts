// Published diagnostics: rule id as code, docs link, source, following edits, settings and the whole workspace.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeActionRequest, DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { startServer, makeWorkspace, copyExamples, fileUri, codesOf, applyTextEdits, editsFor, type Transport, type ServerSession, SUITE_TIMEOUT_MS } from './harness';
import { hoconWithCookie, vmargsWithCookie, strongCookie, WEAK_COOKIE, COOKIE_LINE } from './samples';

const RULE = 'erlang/weak-cookie';
const has = (d: Diagnostic[]) => codesOf(d).includes(RULE);
const hasNot = (d: Diagnostic[]) => !codesOf(d).includes(RULE);

for (const transport of ['stdio', 'ipc'] as Transport[]) {
  describe(`diagnostics over ${transport}`, { timeout: SUITE_TIMEOUT_MS }, () => {
    const ws = makeWorkspace({ 'emqx.conf': hoconWithCookie(strongCookie()) });
    const uri = fileUri(path.join(ws, 'emqx.conf'));
    let s: ServerSession;
    after(() => s?.kill());

    it('reports a weak cookie in an open document with code, docs link, source and range', async () => {
      s = await startServer({ transport, folders: [ws] });
      await s.open(uri, 'emqx-hocon', hoconWithCookie(WEAK_COOKIE));
      const d = (await s.waitForDiagnostics(uri, has)).find((x) => x.code === RULE)!;
      assert.equal(d.source, 'mqtt-harden');
      assert.equal(d.severity, DiagnosticSeverity.Error);
      assert.equal(d.range.start.line, COOKIE_LINE);
      assert.ok(d.codeDescription?.href, 'codeDescription.href');
      const href = new URL(d.codeDescription!.href);
      assert.ok(['file:', 'https:'].includes(href.protocol), href.href);
      assert.match(href.pathname, /erlang\/weak-cookie(\.md)?$/);
      if (href.protocol === 'file:') assert.ok(fs.existsSync(href), `docs page ${href.href} exists`);
      const message = typeof d.message === 'string' ? d.message : d.message.value;
      assert.ok(message.length > 10, 'a message that explains');
    });

    it('follows didChange: a strong cookie clears it, a weak one brings it back', async () => {
      await s.change(uri, hoconWithCookie(strongCookie()));
      await s.waitForDiagnostics(uri, hasNot);
      await s.change(uri, hoconWithCookie('{{ emqx_default_erlang_cookie }}'));
      await s.waitForDiagnostics(uri, has);
    });

    it('follows settings: off removes the rule, a severity override changes it', async () => {
      s.settings.mqttHarden = { rules: { [RULE]: 'off' } };
      await s.notifyConfiguration();
      await s.waitForDiagnostics(uri, hasNot);
      s.settings.mqttHarden = { rules: { [RULE]: 'warning' } };
      await s.notifyConfiguration();
      const d = await s.waitForDiagnostics(uri, has);
      assert.equal(d.find((x) => x.code === RULE)!.severity, DiagnosticSeverity.Warning);
      s.settings.mqttHarden = { rules: {} };
      await s.notifyConfiguration();
      await s.waitForDiagnostics(uri, (x) => x.find((y) => y.code === RULE)?.severity === DiagnosticSeverity.Error);
    });

    it('after didClose the document is judged by what is on disk (a strong cookie here)', async () => {
      await s.close(uri);
      await s.waitForDiagnostics(uri, hasNot);
      assert.equal(await s.stop(), 0);
    });
  });
}

describe('positions after edits', { timeout: SUITE_TIMEOUT_MS }, () => {
  let s: ServerSession | undefined;
  after(() => s?.kill());

  it('ranges and fix edits follow each edit that shifts the cookie sideways', async () => {
    const text = hoconWithCookie(WEAK_COOKIE);
    const ws = makeWorkspace({ 'emqx.conf': text });
    const uri = fileUri(path.join(ws, 'emqx.conf'));
    s = await startServer({ folders: [ws] });
    await s.open(uri, 'emqx-hocon', text);
    await s.waitForDiagnostics(uri, has);
    // Each variant moves the value on its line: a tab for two spaces (as a formatter does), then wider and narrower.
    for (const variant of [text.replace('  cookie', '\tcookie'), text.replace('  cookie', '      cookie'), text.replace('  cookie', 'cookie')]) {
      s.diagnostics.delete(uri);
      await s.change(uri, variant);
      const d: Diagnostic = (await s.waitForDiagnostics(uri, has)).find((x) => x.code === RULE)!;
      const line = variant.split('\n')[COOKIE_LINE];
      assert.equal(d.range.start.character, line.indexOf('"'), `diagnostic start on ${JSON.stringify(line)}`);
      const actions = (await s.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) ?? [];
      const fix = actions.find((a): a is CodeAction => 'isPreferred' in a && !!a.isPreferred && !!a.edit);
      assert.ok(fix, 'a preferred fix');
      const fixed = applyTextEdits(variant, editsFor(fix.edit!, uri)).split('\n')[COOKIE_LINE];
      assert.match(fixed, /^\s*cookie = "[A-Za-z0-9]{32,}"$/, `line after the fix: ${JSON.stringify(fixed)}`);
    }
    assert.equal(await s.stop(), 0);
    s = undefined;
  });
});

describe('diagnostics for the whole workspace', { timeout: SUITE_TIMEOUT_MS }, () => {
  let s: ServerSession | undefined;
  after(() => s?.kill());

  it('reports files that were never opened (the example deployment)', async () => {
    const ws = copyExamples();
    s = await startServer({ folders: [ws] });
    const d = await s.waitForDiagnostics(fileUri(path.join(ws, 'emqx.conf')), has, 15000);
    for (const x of d) {
      assert.equal(x.source, 'mqtt-harden');
      assert.ok(x.codeDescription?.href, `${x.code} has a docs link`);
    }
    assert.equal(await s.stop(), 0);
    s = undefined;
  });

  it('reports a weak -setcookie in an unopened vm.args', async () => {
    const ws = makeWorkspace({ 'vm.args': vmargsWithCookie(WEAK_COOKIE) });
    s = await startServer({ folders: [ws] });
    const d = await s.waitForDiagnostics(fileUri(path.join(ws, 'vm.args')), has, 15000);
    assert.equal(d.find((x) => x.code === RULE)!.range.start.line, 1);
    assert.equal(await s.stop(), 0);
    s = undefined;
  });

  it('a cookie that differs between emqx.conf and vm.args is one finding with related information in the other file', async () => {
    const ws = makeWorkspace({ 'emqx.conf': hoconWithCookie(strongCookie()), 'vm.args': vmargsWithCookie(strongCookie()) });
    s = await startServer({ folders: [ws] });
    const conf = fileUri(path.join(ws, 'emqx.conf'));
    const vmargs = fileUri(path.join(ws, 'vm.args'));
    const mismatch = (d: Diagnostic[]) => codesOf(d).includes('erlang/cookie-mismatch');
    const [a, b] = await Promise.all([s.waitForDiagnostics(conf, () => true, 15000), s.waitForDiagnostics(vmargs, () => true, 15000)]);
    const found = [...a, ...b].filter((x) => x.code === 'erlang/cookie-mismatch');
    assert.ok(found.length > 0, `erlang/cookie-mismatch reported (got ${JSON.stringify(codesOf([...a, ...b]))})`);
    for (const x of found) {
      const related = x.relatedInformation ?? [];
      assert.ok(related.length > 0, 'relatedInformation present');
      assert.ok(
        related.some((r) => r.location.uri === conf || r.location.uri === vmargs),
        `related information points into the deployment: ${JSON.stringify(related)}`,
      );
    }
    assert.ok(mismatch(a) || mismatch(b));
    assert.equal(await s.stop(), 0);
    s = undefined;
  });
});
