// The language server under load and in a sandbox: hundreds of edits without waiting, hover and completion
// interleaved, files deleted under it, documents closed back to disk, bad requests; and a run with a preload
// script that records every file write, read and socket, to prove it writes nothing, opens no connection and
// reads only the workspace and the include target outside it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  HoverRequest,
  CompletionRequest,
  CodeActionRequest,
  ExecuteCommandRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ResponseError,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { startServer, makeWorkspace, fileUri, withTimeout, codesOf, type ServerSession, SUITE_TIMEOUT_MS, SERVER_JS } from './harness';
import { hoconWithCookie, vmargsWithCookie, strongCookie, WEAK_COOKIE, COOKIE_LINE } from './samples';
import { Workspace } from '../../server/src/workspace/workspace';
import { analyzeWorkspace } from '../../server/src/engine/engine';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { nodeFileReader } from '../../server/src/host/fileReader';
import { LineIndex } from '../../server/src/core/text';

/** What the engine, run in this process, says about `file` when the workspace holds `files` (absolute paths). */
function expectedDiagnostics(files: Record<string, string>, file: string): string[] {
  const ws = new Workspace();
  for (const [f, text] of Object.entries(files)) ws.set(f, text);
  const index = new LineIndex(files[file]);
  return analyzeWorkspace(ws, DEFAULT_SETTINGS, nodeFileReader)
    .findings.filter((f) => f.file === file)
    .map((f) => `${f.ruleId}@${index.positionAt(f.span.start).line}`)
    .sort();
}
const shown = (d: Diagnostic[]) => d.map((x) => `${String(x.code)}@${x.range.start.line}`).sort();

describe('language server under stress', { timeout: SUITE_TIMEOUT_MS }, () => {
  const strong = strongCookie();
  const ws = makeWorkspace({ 'emqx.conf': hoconWithCookie(strong), 'vm.args': vmargsWithCookie(WEAK_COOKIE), 'etc/sysctl.conf': 'fs.file-max = 1024\n' });
  const confPath = path.join(ws, 'emqx.conf');
  const conf = fileUri(confPath);
  const vmargs = fileUri(path.join(ws, 'vm.args'));
  let s: ServerSession;
  before(async () => {
    s = await startServer({ folders: [ws] });
  });
  after(() => s?.kill());

  it('400 edits sent without waiting, with hover and completion between them: every request is answered and the final diagnostics match the final text', async () => {
    await s.open(conf, 'emqx-hocon', hoconWithCookie(strong));
    const answers: Array<Promise<unknown>> = [];
    let text = '';
    for (let i = 0; i < 400; i++) {
      // Alternate between valid, broken and weak-cookie texts so every analysis has something to say.
      const cookie = i % 3 === 0 ? WEAK_COOKIE : strong;
      text = hoconWithCookie(cookie) + (i % 5 === 0 ? `broken_${i} = {\n` : `mqtt.max_topic_levels = ${100 + i}\n`);
      void s.change(conf, text);
      if (i % 20 === 0) {
        const position = { line: COOKIE_LINE, character: 4 };
        answers.push(s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: conf }, position }));
        answers.push(s.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: conf }, position: { line: 1, character: 2 } }));
      }
    }
    text = hoconWithCookie(WEAK_COOKIE) + 'mqtt.max_topic_levels = 7\n';
    await s.change(conf, text);
    const settled = await withTimeout(Promise.allSettled(answers), 20000, () => 'hover/completion answers during the edit storm');
    assert.equal(settled.filter((r) => r.status === 'rejected').length, 0, 'no request failed');
    const files = { [confPath]: text, [path.join(ws, 'vm.args')]: vmargsWithCookie(WEAK_COOKIE), [path.join(ws, 'etc', 'sysctl.conf')]: 'fs.file-max = 1024\n' };
    const expected = expectedDiagnostics(files, confPath);
    assert.ok(expected.some((e) => e.startsWith('erlang/weak-cookie@')));
    const got = await s.waitForDiagnostics(conf, (d) => JSON.stringify(shown(d)) === JSON.stringify(expected), 15000);
    assert.deepEqual(shown(got), expected);
  });

  it('a file deleted on disk and announced leaves the workspace: its diagnostics are cleared', async () => {
    await s.waitForDiagnostics(vmargs, (d) => codesOf(d).includes('erlang/weak-cookie'));
    fs.unlinkSync(path.join(ws, 'vm.args'));
    fs.unlinkSync(path.join(ws, 'etc', 'sysctl.conf'));
    await s.conn.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: vmargs, type: FileChangeType.Deleted }, { uri: fileUri(path.join(ws, 'etc', 'sysctl.conf')), type: FileChangeType.Deleted }],
    });
    await s.waitForDiagnostics(vmargs, (d) => d.length === 0);
    // Requests on the deleted file get an answer, not a hang.
    await withTimeout(s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: vmargs }, position: { line: 0, character: 1 } }), 5000, () => 'hover on a deleted file');
  });

  it('closing an edited document reverts to what the disk says', async () => {
    // The buffer has the weak cookie; the disk has the strong one.
    await s.waitForDiagnostics(conf, (d) => codesOf(d).includes('erlang/weak-cookie'));
    await s.close(conf);
    await s.waitForDiagnostics(conf, (d) => !codesOf(d).includes('erlang/weak-cookie'));
  });

  it('a malformed request and a request for an unknown document get answers, and the server keeps serving', async () => {
    const malformed = await s.conn.sendRequest(HoverRequest.method, { textDocument: 17, position: 'x' }).then(
      () => 'result',
      (e: unknown) => (e instanceof ResponseError ? 'error' : 'crash'),
    );
    assert.notEqual(malformed, 'crash');
    const unknown = fileUri(path.join(ws, 'nowhere', 'emqx.conf'));
    for (const method of [HoverRequest.method, CompletionRequest.method]) {
      const r = await s.conn.sendRequest(method, { textDocument: { uri: unknown }, position: { line: 0, character: 0 } }).then(
        () => 'result',
        (e: unknown) => (e instanceof ResponseError ? 'error' : 'crash'),
      );
      assert.notEqual(r, 'crash', method);
    }
    const fresh = fileUri(path.join(ws, 'again', 'emqx.conf'));
    await s.open(fresh, 'emqx-hocon', hoconWithCookie(WEAK_COOKIE));
    await s.waitForDiagnostics(fresh, (d) => codesOf(d).includes('erlang/weak-cookie'));
    assert.equal(s.proc.exitCode, null);
    assert.equal(await s.stop(), 0);
  });
});

/** Loaded with --require into the server: records writes, reads and sockets on stderr, lines starting SANDBOX. */
const PRELOAD = String.raw`
const fs = require('fs');
const net = require('net');
const http = require('http');
const https = require('https');
const tls = require('tls');
const dgram = require('dgram');
const write = process.stderr.write.bind(process.stderr);
const log = (what, detail) => write('SANDBOX ' + what + ' ' + JSON.stringify(String(detail)) + '\n');
const isWriteFlag = (flags) => typeof flags === 'string' ? /[wa+]/.test(flags) : typeof flags === 'number' && (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_APPEND | fs.constants.O_TRUNC)) !== 0;
const target = (p) => (p && typeof p === 'object' && 'href' in p) ? p.pathname : typeof p === 'number' ? 'fd:' + p : p;
function wrap(obj, name, kind) {
  const orig = obj[name];
  if (typeof orig !== 'function') return;
  obj[name] = function (...args) {
    if (kind === 'write') log('write', name + ' ' + target(args[0]));
    else if (kind === 'read') log('read', target(args[0]));
    else if (kind === 'open') log(isWriteFlag(args[1]) ? 'write' : 'read', name + ' ' + target(args[0]));
    else if (kind === 'net') log('net', name);
    return orig.apply(this, args);
  };
}
for (const n of ['writeFileSync', 'writeFile', 'appendFileSync', 'appendFile', 'createWriteStream', 'mkdirSync', 'mkdir', 'rmSync', 'rm', 'unlinkSync', 'unlink', 'renameSync', 'rename', 'copyFileSync', 'cpSync', 'truncateSync', 'symlinkSync', 'chmodSync']) wrap(fs, n, 'write');
for (const n of ['readFileSync', 'readFile', 'createReadStream', 'readdirSync', 'readdir', 'opendirSync']) wrap(fs, n, 'read');
for (const n of ['openSync', 'open']) wrap(fs, n, 'open');
for (const n of ['writeFile', 'appendFile', 'mkdir', 'rm', 'unlink', 'rename', 'copyFile', 'truncate']) wrap(fs.promises, n, 'write');
for (const n of ['readFile', 'readdir']) wrap(fs.promises, n, 'read');
wrap(fs.promises, 'open', 'open');
for (const n of ['connect', 'createConnection']) wrap(net, n, 'net');
wrap(net.Socket.prototype, 'connect', 'net');
for (const n of ['request', 'get']) { wrap(http, n, 'net'); wrap(https, n, 'net'); }
wrap(tls, 'connect', 'net');
wrap(dgram, 'createSocket', 'net');
if (typeof globalThis.fetch === 'function') { const f = globalThis.fetch; globalThis.fetch = (...a) => { log('net', 'fetch'); return f(...a); }; }
`;

describe('language server in a sandbox: no writes, no sockets, reads only inside the workspace', { timeout: SUITE_TIMEOUT_MS }, () => {
  const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'mqtt-harden-sandbox-'));
  const preload = path.join(sandbox, 'preload.js');
  const outside = path.join(sandbox, 'outside');
  const includeTarget = path.join(outside, 'shared-listeners.conf');
  const ws = makeWorkspace({
    'emqx.conf': hoconWithCookie(WEAK_COOKIE) + `include "${includeTarget}"\ndashboard.default_password = public\n`,
    'vm.args': vmargsWithCookie(WEAK_COOKIE),
    'emqx.service': '[Service]\nUser=root\nExecStart=/usr/bin/emqx foreground\n',
  });
  let s: ServerSession;
  const savedOptions = process.env.NODE_OPTIONS;
  before(async () => {
    fs.writeFileSync(preload, PRELOAD);
    fs.mkdirSync(outside);
    fs.writeFileSync(includeTarget, 'listeners.tcp.default.bind = "0.0.0.0:1883"\n');
    fs.writeFileSync(path.join(outside, 'secret-neighbour.conf'), 'never = read\n');
    // The harness spawns the server with this process's environment: NODE_OPTIONS carries --require.
    process.env.NODE_OPTIONS = `${savedOptions ?? ''} --require ${JSON.stringify(preload)}`.trim();
    try {
      s = await startServer({ folders: [ws] });
    } finally {
      if (savedOptions === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = savedOptions;
    }
  });
  after(() => {
    s?.kill();
    fs.rmSync(sandbox, { recursive: true, force: true });
  });

  it('open, edit, quick fixes, fix all and the fix-all command: nothing written, no connection, no read outside', async () => {
    const conf = fileUri(path.join(ws, 'emqx.conf'));
    const text = hoconWithCookie(WEAK_COOKIE) + `include "${includeTarget}"\ndashboard.default_password = public\n`;
    await s.open(conf, 'emqx-hocon', text);
    await s.change(conf, text + 'mqtt.max_topic_levels = 300\n');
    const diagnostics = await s.waitForDiagnostics(conf, (d) => codesOf(d).includes('erlang/weak-cookie'));
    // The include target lies outside the workspace: the read policy refuses it (issue 25, item 7).
    assert.ok(codesOf(diagnostics).includes('files/read-refused'), 'the include outside the workspace is reported');
    for (const d of diagnostics) {
      await s.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: conf }, range: d.range, context: { diagnostics: [d] } });
    }
    const fixAll = await s.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: conf }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.ok(Array.isArray(fixAll) && fixAll.length > 0, 'a fix-all action is offered');
    // The test client refuses the edit, as a user cancelling would: the server must not write it itself.
    await s.conn.sendRequest(ExecuteCommandRequest.type, { command: 'mqttHarden.fixAllInWorkspace', arguments: [] });
    await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: conf }, position: { line: COOKIE_LINE, character: 4 } });
    await s.close(conf);
    await s.waitForDiagnostics(conf, () => true);
    assert.equal(await s.stop(), 0);

    const records = s
      .stderr()
      .split('\n')
      .filter((l) => l.startsWith('SANDBOX '))
      .map((l) => {
        const [, kind, detail] = /^SANDBOX (\w+) (.*)$/.exec(l)!;
        return { kind, detail: JSON.parse(detail) as string };
      });
    assert.ok(records.some((r) => r.kind === 'read'), 'the preload recorded something (it is active)');
    assert.deepEqual(records.filter((r) => r.kind === 'write'), [], 'no file written, created or removed');
    assert.deepEqual(records.filter((r) => r.kind === 'net'), [], 'no socket opened');
    // Reads: the workspace and the server's own installation (its bundle and docs); not the include target.
    const install = path.dirname(path.dirname(SERVER_JS));
    const allowed = (p: string) => p.startsWith(ws + path.sep) || p === ws || p.startsWith(install + path.sep) || p.startsWith('fd:');
    const outsideReads = records.filter((r) => r.kind === 'read' && !allowed(r.detail.replace(/^(openSync|open) /, '')));
    assert.deepEqual(outsideReads, [], 'no read outside the workspace, not even the include target');
    assert.ok(!records.some((r) => r.detail.includes('secret-neighbour')), 'its neighbour was not');
  });
});
