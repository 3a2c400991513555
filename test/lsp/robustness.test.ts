// The server answers bad input with errors and keeps serving: malformed messages, unknown methods, random bytes.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  ErrorCodes,
  ResponseError,
  HoverRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  DocumentFormattingRequest,
  CodeActionRequest,
  DefinitionRequest,
} from 'vscode-languageserver-protocol/node';
import { startServer, makeWorkspace, fileUri, withTimeout, codesOf, type ServerSession, SUITE_TIMEOUT_MS } from './harness';
import { hoconWithCookie, randomText, KINDS, WEAK_COOKIE } from './samples';

describe('robustness', { timeout: SUITE_TIMEOUT_MS }, () => {
  const ws = makeWorkspace({});
  let s: ServerSession;
  before(async () => {
    s = await startServer({ folders: [ws] });
  });
  after(() => s?.kill());

  /** Proves the server still works: a weak cookie in a fresh document is still reported. */
  async function stillServing(tag: string) {
    const uri = fileUri(path.join(ws, `alive-${tag}`, 'emqx.conf'));
    await s.open(uri, 'emqx-hocon', hoconWithCookie(WEAK_COOKIE));
    await s.waitForDiagnostics(uri, (d) => codesOf(d).includes('erlang/weak-cookie'));
    await s.close(uri);
  }

  it('answers an unknown request with MethodNotFound', async () => {
    await assert.rejects(s.conn.sendRequest('mqttHarden/noSuchMethod', {}), (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.MethodNotFound);
    await stillServing('unknown');
  });

  it('answers requests with malformed params with an error or an empty result', async () => {
    for (const method of [HoverRequest.method, CompletionRequest.method, DocumentSymbolRequest.method, CodeActionRequest.method, DefinitionRequest.method]) {
      for (const params of [{}, { textDocument: { uri: 42 } }, { textDocument: { uri: 'file:///nowhere/emqx.conf' }, position: { line: -1, character: 1e9 } }]) {
        const answer = await withTimeout(
          s.conn.sendRequest(method, params).then(
            (r) => ({ ok: r }),
            (e: unknown) => ({ error: e }),
          ),
          5000,
          () => `${method} with ${JSON.stringify(params)} got no answer`,
        );
        if ('error' in answer) assert.ok(answer.error instanceof ResponseError, `${method}: a JSON-RPC error, not a crash`);
      }
    }
    await stillServing('params');
  });

  it('survives bytes that are not JSON-RPC at all (stdio)', async () => {
    const garbage = '{"this is": not json';
    s.proc.stdin!.write(`Content-Length: ${Buffer.byteLength(garbage)}\r\n\r\n${garbage}`);
    const noMethod = JSON.stringify({ jsonrpc: '2.0', id: 987654, params: {} });
    s.proc.stdin!.write(`Content-Length: ${Buffer.byteLength(noMethod)}\r\n\r\n${noMethod}`);
    await stillServing('garbage');
    assert.equal(s.proc.exitCode, null, 'server still running');
  });

  it('survives documents that used to end the process (issue 25): doubling strings, a 1,000-link substitution chain', async () => {
    const doubling = 'a0 = "ab"\n' + Array.from({ length: 40 }, (_, i) => `a${i + 1} = \${a${i}}\${a${i}}`).join('\n') + '\n';
    const chain = Array.from({ length: 1000 }, (_, i) => `k${i} = \${k${i + 1}}`).join('\n') + '\nk1000 = 1\n';
    for (const [tag, text] of [['doubling', doubling], ['chain', chain]]) {
      const uri = fileUri(path.join(ws, `hostile-${tag}`, 'emqx.conf'));
      await s.open(uri, 'emqx-hocon', text);
      await s.waitForDiagnostics(uri, (d) => codesOf(d).includes('hocon/substitution-budget'));
      await s.close(uri);
    }
    await stillServing('hostile');
  });

  it('handles documents of random bytes for every language and answers every request on them', async () => {
    for (const [i, kind] of KINDS.entries()) {
      for (let seed = 1; seed <= 3; seed++) {
        const uri = fileUri(path.join(ws, `random-${i}-${seed}`, kind.name));
        await s.open(uri, kind.languageId, randomText(3000, seed * 7919 + i));
        const position = { line: 3, character: 5 };
        const requests = [
          s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position }),
          s.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }),
          s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }),
          s.conn.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position }),
          s.conn.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }),
          s.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }),
        ];
        // Every request gets a result (not an error) within the time limit.
        await withTimeout(Promise.all(requests), 10000, () => `requests on random ${kind.name} (seed ${seed})`);
        await s.waitForDiagnostics(uri, () => true);
        await s.close(uri);
      }
    }
    await stillServing('random');
    assert.equal(await s.stop(), 0);
  });
});
