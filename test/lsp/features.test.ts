// Hover, completion, document symbols, definition and formatting: each request answered with something usable.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  HoverRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  DefinitionRequest,
  DocumentFormattingRequest,
  InsertTextFormat,
  CompletionItemKind,
  type CompletionItem,
  type DocumentSymbol,
  type Hover,
  type Location,
  type LocationLink,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { startServer, makeWorkspace, fileUri, applyTextEdits, type ServerSession, SUITE_TIMEOUT_MS } from './harness';
import { hoconWithCookie, WEAK_COOKIE, COOKIE_LINE, HOCON_SUBSTITUTION, HOCON_UNFORMATTED } from './samples';

function hoverText(h: Hover | null): string {
  if (!h) return '';
  const c = h.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return (c as MarkupContent).value;
}

describe('language features', { timeout: SUITE_TIMEOUT_MS }, () => {
  const ws = makeWorkspace({ 'emqx.conf': hoconWithCookie(WEAK_COOKIE) });
  const uri = fileUri(path.join(ws, 'emqx.conf'));
  const text = hoconWithCookie(WEAK_COOKIE);
  let s: ServerSession;
  before(async () => {
    s = await startServer({ folders: [ws] });
    await s.open(uri, 'emqx-hocon', text);
  });
  after(() => s?.kill());

  it('hover on a key explains the setting', async () => {
    const h = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: COOKIE_LINE, character: 4 } });
    const value = hoverText(h);
    assert.match(value, /cookie/i, `hover text: ${value}`);
    assert.ok(value.length > 40, `hover says more than the key's name: ${value}`);
  });

  it('hover on node.name shows the derived distribution port', async () => {
    const h = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 4 } });
    assert.match(hoverText(h), /4370/, hoverText(h));
  });

  it('completion inside the node block offers its keys', async () => {
    const doc = 'node {\n  \n}\n';
    const u = fileUri(path.join(ws, 'completion', 'emqx.conf'));
    await s.open(u, 'emqx-hocon', doc);
    const r = await s.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: u }, position: { line: 1, character: 2 } });
    const items: CompletionItem[] = Array.isArray(r) ? r : (r?.items ?? []);
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('cookie'), `cookie offered in node {}: ${JSON.stringify(labels.slice(0, 40))}`);
    await s.close(u);
  });

  it('completion at the top level offers hardened snippets', async () => {
    const u = fileUri(path.join(ws, 'snippets', 'emqx.conf'));
    await s.open(u, 'emqx-hocon', '\n');
    const r = await s.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: u }, position: { line: 0, character: 0 } });
    const items: CompletionItem[] = Array.isArray(r) ? r : (r?.items ?? []);
    const snippets = items.filter((i) => i.kind === CompletionItemKind.Snippet || i.insertTextFormat === InsertTextFormat.Snippet);
    assert.ok(snippets.length > 0, `snippets offered: ${JSON.stringify(items.map((i) => i.label).slice(0, 40))}`);
    await s.close(u);
  });

  it('document symbols give the node block with its keys', async () => {
    const r = (await s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) ?? [];
    assert.ok(r.length > 0, 'some symbols');
    assert.ok('children' in r[0], 'hierarchical symbols (the client supports them)');
    const node = (r as DocumentSymbol[]).find((x) => x.name === 'node');
    assert.ok(node, JSON.stringify(r.map((x) => x.name)));
    assert.deepEqual(node.range.start, { line: 0, character: 0 });
    assert.ok(node.children?.some((c) => c.name === 'cookie' && c.range.start.line === COOKIE_LINE), JSON.stringify(node.children));
  });

  it('definition of a ${substitution} jumps to the key it names', async () => {
    const u = fileUri(path.join(ws, 'subst', 'emqx.conf'));
    await s.open(u, 'emqx-hocon', HOCON_SUBSTITUTION);
    const col = HOCON_SUBSTITUTION.split('\n')[4].indexOf('${') + 4;
    const r = await s.conn.sendRequest(DefinitionRequest.type, { textDocument: { uri: u }, position: { line: 4, character: col } });
    const list = (r === null ? [] : Array.isArray(r) ? r : [r]) as Array<Location | LocationLink>;
    assert.ok(list.length > 0, 'a definition');
    const first = list[0];
    const target = 'targetUri' in first ? { uri: first.targetUri, line: first.targetSelectionRange.start.line } : { uri: first.uri, line: first.range.start.line };
    assert.deepEqual(target, { uri: u, line: 2 });
    await s.close(u);
  });

  it('formatting indents consistently and is idempotent', async () => {
    const u = fileUri(path.join(ws, 'fmt', 'emqx.conf'));
    await s.open(u, 'emqx-hocon', HOCON_UNFORMATTED);
    const options = { tabSize: 2, insertSpaces: true };
    const edits = (await s.conn.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: u }, options })) ?? [];
    const once = applyTextEdits(HOCON_UNFORMATTED, edits);
    assert.equal(once, 'node {\n  name = "emqx@127.0.0.1"\n  data_dir = "data"\n}\n');
    await s.change(u, once);
    const again = (await s.conn.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: u }, options })) ?? [];
    assert.equal(applyTextEdits(once, again), once);
    await s.close(u);
    assert.equal(await s.stop(), 0);
  });
});
