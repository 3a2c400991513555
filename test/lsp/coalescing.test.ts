// Edits that arrive faster than they can be analysed: queued changes of a document are analysed once, at
// their latest version, and requests between them are answered. Also a line holding a huge key: typing on it
// is analysed as quickly as on any other line.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { HoverRequest, DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { serverPerSuite, makeWorkspace, fileUri, codesOf, SUITE_TIMEOUT_MS } from './harness';
import { hoconWithCookie, strongCookie, WEAK_COOKIE, COOKIE_LINE } from './samples';

describe('queued changes are coalesced', { timeout: SUITE_TIMEOUT_MS }, () => {
  const ws = makeWorkspace({});
  const uri = fileUri(path.join(ws, 'emqx.conf'));
  const server = serverPerSuite({ folders: [ws] });

  it('10,000 didChange notifications queued at once: a handful of analyses, the last of the final version, and hovers between them answered', async () => {
    const s = server();
    const strong = strongCookie();
    const burst = fileUri(path.join(ws, 'burst', 'emqx.conf'));
    await s.open(burst, 'emqx-hocon', hoconWithCookie(strong));
    await s.waitForVersion(burst, 1);
    const before = s.publishes.get(burst)!.length;
    const messages: object[] = [];
    const N = 10000;
    const hoverIds: number[] = [];
    for (let i = 0; i < N; i++) {
      // Only the last text has the weak cookie: an analysis of the final version is recognisable.
      const text = hoconWithCookie(i === N - 1 ? WEAK_COOKIE : strong) + `mqtt.max_topic_levels = ${i + 1}\n`;
      messages.push({ method: DidChangeTextDocumentNotification.method, params: { textDocument: { uri: burst, version: i + 2 }, contentChanges: [{ text }] } });
      if (i % 1000 === 500) {
        hoverIds.push(800000 + i);
        messages.push({ id: 800000 + i, method: HoverRequest.method, params: { textDocument: { uri: burst }, position: { line: COOKIE_LINE, character: 4 } } });
      }
    }
    const answered = new Set<unknown>();
    const stdout = (d: Buffer) => {
      for (const m of d.toString().matchAll(/"id":(\d+),"result"/g)) answered.add(Number(m[1]));
    };
    s.proc.stdout!.on('data', stdout);
    s.writeAtOnce(messages);
    const final = await s.waitForVersion(burst, N + 1, 60000);
    assert.ok(codesOf(final).includes('erlang/weak-cookie'), 'the final version was analysed');
    // Every hover between the edits was answered (the answers arrive before the final diagnostics).
    await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: burst }, position: { line: COOKIE_LINE, character: 4 } });
    s.proc.stdout!.off('data', stdout);
    assert.deepEqual(hoverIds.filter((id) => !answered.has(id)), [], 'hovers left unanswered');
    const analyses = s.publishes.get(burst)!.slice(before);
    // Before coalescing every one of the 10,000 versions was analysed and published. Now: one analysis for
    // each hover (it reads the model of the text it is about) and one for the final version.
    assert.ok(analyses.length <= hoverIds.length + 2, `${analyses.length} analyses for ${N} queued changes and ${hoverIds.length} hovers (versions ${JSON.stringify(analyses.slice(0, 30))})`);
    assert.equal(analyses.at(-1), N + 1);
  });

  it('incremental changes sent at once are all applied, in order, before the one analysis', async () => {
    const s = server();
    const text = hoconWithCookie(strongCookie());
    await s.open(uri, 'emqx-hocon', text);
    const version = s.versionOf(uri)!;
    await s.waitForVersion(uri, version);
    // Type the weak cookie over the strong one character by character, each a separate incremental change.
    const start = text.split('\n')[COOKIE_LINE].indexOf('"') + 1;
    const line = COOKIE_LINE;
    let v = version;
    const edits: Array<Promise<void>> = [];
    const range = (from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
    edits.push(s.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++v }, contentChanges: [{ range: range(start, start + 48), text: '' }] }));
    for (const [i, ch] of [...WEAK_COOKIE].entries()) {
      edits.push(s.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++v }, contentChanges: [{ range: range(start + i, start + i), text: ch }] }));
    }
    await Promise.all(edits);
    const d = await s.waitForVersion(uri, v);
    const cookie = d.find((x) => x.code === 'erlang/weak-cookie');
    assert.ok(cookie, `the weak cookie typed in is found (${JSON.stringify(codesOf(d))})`);
    // Only the exact default cookie is "publicly known": every keystroke was applied, in order.
    assert.match(String(cookie.message), /publicly known default/);
    assert.deepEqual(cookie.range, range(start - 1, start + WEAK_COOKIE.length + 1));
  });
});

describe('a line holding a 100 KB key', { timeout: SUITE_TIMEOUT_MS }, () => {
  const ws = makeWorkspace({});
  const uri = fileUri(path.join(ws, 'emqx.conf'));
  const server = serverPerSuite({ folders: [ws] });

  it('each keystroke on it is analysed within the request timeout (it took 3.3-6.9 s each)', async () => {
    const s = server();
    const key = 'k'.repeat(100_000);
    await s.open(uri, 'emqx-hocon', `${hoconWithCookie(WEAK_COOKIE)}${key} = 1\n`);
    await s.waitForVersion(uri, 1);
    const line = COOKIE_LINE + 4;
    // Ten keystrokes, each waited for as a user who pauses: ten analyses, all together within the timeout.
    const started = Date.now();
    for (let i = 0; i < 10; i++) {
      await s.conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: i + 2 },
        contentChanges: [{ range: { start: { line, character: 50_000 }, end: { line, character: 50_000 } }, text: 'x' }],
      });
      await s.waitForVersion(uri, i + 2, 15000 - (Date.now() - started));
    }
    const d = s.diagnostics.get(uri)!;
    assert.ok(codesOf(d).includes('emqx/unknown-key'), `the long key is reported (${JSON.stringify(codesOf(d))})`);
  });
});
