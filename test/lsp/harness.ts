/**
 * Drives dist/server.js as an editor would: spawns it over stdio or node IPC, speaks LSP through
 * vscode-languageserver-protocol, answers the server's own requests (configuration, capability
 * registration, progress) and keeps the latest diagnostics per document.
 */
import { before, after } from 'node:test';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  IPCMessageReader,
  IPCMessageWriter,
  InitializeRequest,
  InitializedNotification,
  ShutdownRequest,
  ExitNotification,
  PublishDiagnosticsNotification,
  ConfigurationRequest,
  RegistrationRequest,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  ShowMessageRequest,
  ShowMessageNotification,
  LogMessageNotification,
  ApplyWorkspaceEditRequest,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidChangeConfigurationNotification,
  type ProtocolConnection,
  type InitializeResult,
  type ClientCapabilities,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
  type WorkspaceFolder,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export type Transport = 'stdio' | 'ipc';

/** The bundled server under test; LSP_SERVER_JS points elsewhere when debugging the harness itself. */
export const SERVER_JS = path.resolve(process.env.LSP_SERVER_JS ?? 'dist/server.js');
export const EXAMPLES = path.resolve('examples');
export const REQUEST_TIMEOUT_MS = 15000;
/** Per-suite limit handed to node:test, well above the sum of the waits inside. */
export const SUITE_TIMEOUT_MS = 120000;

/** What a rich client (VS Code) says it supports, so the server may use every feature. */
export const CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true, versionSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    definition: { linkSupport: true },
    formatting: {},
  },
  window: { workDoneProgress: true, showDocument: { support: true } },
};

export interface ServerSession {
  conn: ProtocolConnection;
  proc: ChildProcess;
  init: InitializeResult;
  /** Latest published diagnostics per document URI. */
  diagnostics: Map<string, Diagnostic[]>;
  /** Every publishDiagnostics received per URI, with its version (stale ones included): counts analyses. */
  publishes: Map<string, Array<number | undefined>>;
  /** window/showMessage and window/logMessage notifications, in order. */
  messages: Array<{ kind: 'show' | 'log'; type: number; message: string }>;
  /** Answers to workspace/configuration, by section; change it and call `notifyConfiguration`. */
  settings: Record<string, unknown>;
  /** Everything the server wrote to stderr (for failure messages). */
  stderr(): string;
  /** Resolves once diagnostics for `version` of `uri` (or a later one) were published, rejects after `timeoutMs`. */
  waitForVersion(uri: string, version: number, timeoutMs?: number): Promise<Diagnostic[]>;
  /** The version last sent for an open document. */
  versionOf(uri: string): number | undefined;
  /** Resolves with the diagnostics of `uri` once `accept` holds for them, rejects after `timeoutMs`. */
  waitForDiagnostics(uri: string, accept: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  open(uri: string, languageId: string, text: string): Promise<void>;
  /** Sends the whole new text as version+1. */
  change(uri: string, text: string): Promise<void>;
  close(uri: string): Promise<void>;
  /**
   * Writes JSON-RPC messages to the server's stdin in one write, framed, so they are all queued there at
   * once (as after an editor that was busy); records the versions of didChange/didOpen notifications.
   */
  writeAtOnce(messages: object[]): void;
  /** Sends didChangeConfiguration after `settings` changed. */
  notifyConfiguration(): Promise<void>;
  /** shutdown + exit; resolves with the process exit code. */
  stop(): Promise<number | null>;
  /** Kills the process if a test failed half way. */
  kill(): void;
}

export interface StartOptions {
  transport?: Transport;
  /** Absolute folder paths sent as workspace folders (and the first as rootUri). */
  folders?: string[];
  settings?: Record<string, unknown>;
  capabilities?: ClientCapabilities;
  initializationOptions?: Record<string, unknown>;
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

export function folder(p: string): WorkspaceFolder {
  return { uri: fileUri(p), name: path.basename(p) };
}

/** Copies examples/ (never touched itself) into a fresh temporary folder and returns its path. */
export function copyExamples(): string {
  if (!fs.existsSync(path.join(EXAMPLES, 'emqx.conf'))) throw new Error(`examples/emqx.conf is missing (looked in ${EXAMPLES})`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqtt-harden-lsp-'));
  fs.cpSync(EXAMPLES, dir, { recursive: true });
  return dir;
}

/** Writes `files` (relative path -> text) into a fresh temporary folder and returns its path. */
export function makeWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqtt-harden-lsp-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

export async function startServer(options: StartOptions = {}): Promise<ServerSession> {
  if (!fs.existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run npm run build`);
  const transport = options.transport ?? 'stdio';
  const proc =
    transport === 'stdio'
      ? spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] })
      : spawn(process.execPath, [SERVER_JS, '--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const conn =
    transport === 'stdio'
      ? createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!))
      : createProtocolConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));

  // Every request times out: a server that stops answering fails the test instead of hanging the run.
  const send = conn.sendRequest.bind(conn) as (...args: unknown[]) => Promise<unknown>;
  (conn as unknown as { sendRequest: (...args: unknown[]) => Promise<unknown> }).sendRequest = (...args: unknown[]) =>
    withTimeout(send(...args), REQUEST_TIMEOUT_MS, () => {
      const method = typeof args[0] === 'string' ? args[0] : (args[0] as { method?: string }).method;
      return `no answer to ${method} (server ${proc.exitCode === null ? 'running' : `exited with ${proc.exitCode}`}; stderr: ${stderr})`;
    });

  const diagnostics = new Map<string, Diagnostic[]>();
  const publishes = new Map<string, Array<number | undefined>>();
  const messages: ServerSession['messages'] = [];
  const waiters = new Set<() => void>();
  const settings: Record<string, unknown> = { mqttHarden: { rules: {}, ...(options.settings ?? {}) } };
  const versions = new Map<string, number>();

  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    (publishes.get(p.uri) ?? publishes.set(p.uri, []).get(p.uri)!).push(p.version ?? undefined);
    // As a careful client does: diagnostics computed for an older version of an open document are stale.
    const sent = versions.get(p.uri);
    if (p.version !== undefined && p.version !== null && sent !== undefined && p.version < sent) return;
    diagnostics.set(p.uri, p.diagnostics);
    for (const w of [...waiters]) w();
  });
  conn.onNotification(ShowMessageNotification.type, (p) => void messages.push({ kind: 'show', type: p.type, message: p.message }));
  conn.onNotification(LogMessageNotification.type, (p) => void messages.push({ kind: 'log', type: p.type, message: p.message }));
  conn.onRequest(ConfigurationRequest.type, (p) => p.items.map((item) => lookup(settings, item.section)));
  conn.onRequest(RegistrationRequest.type, () => undefined);
  conn.onRequest(UnregistrationRequest.type, () => undefined);
  conn.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
  conn.onRequest(ShowMessageRequest.type, () => null);
  conn.onRequest(ApplyWorkspaceEditRequest.type, () => ({ applied: false, failureReason: 'the test client does not apply server edits' }));
  conn.listen();

  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const folders = (options.folders ?? []).map(folder);
  const init = await withTimeout(
    conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      capabilities: options.capabilities ?? CLIENT_CAPABILITIES,
      workspaceFolders: folders.length ? folders : null,
      initializationOptions: options.initializationOptions ?? {},
      clientInfo: { name: 'mqtt-harden protocol tests' },
    }),
    10000,
    () => `no initialize result (stderr: ${stderr})`,
  );
  await conn.sendNotification(InitializedNotification.type, {});

  const session: ServerSession = {
    conn,
    proc,
    init,
    diagnostics,
    publishes,
    messages,
    settings,
    stderr: () => stderr,
    waitForVersion(uri, version, timeoutMs = 10000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!(publishes.get(uri) ?? []).some((v) => v !== undefined && v >= version)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(diagnostics.get(uri) ?? []);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no diagnostics for version ${version} of ${uri} within ${timeoutMs} ms (versions published: ${JSON.stringify((publishes.get(uri) ?? []).slice(-5))}). stderr: ${stderr}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    versionOf: (uri) => versions.get(uri),
    waitForDiagnostics(uri, accept, timeoutMs = 10000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const d = diagnostics.get(uri);
          if (d && accept(d)) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve(d);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          const got = diagnostics.has(uri) ? JSON.stringify(diagnostics.get(uri)!.map((x) => [x.code, x.message])) : 'nothing';
          reject(new Error(`diagnostics for ${uri} did not arrive as expected within ${timeoutMs} ms; last got ${got}. stderr: ${stderr}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async open(uri, languageId, text) {
      versions.set(uri, 1);
      await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    },
    async change(uri, text) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      await conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    async close(uri) {
      versions.delete(uri);
      await conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    },
    writeAtOnce(messages) {
      const frames: string[] = [];
      for (const m of messages) {
        const body = JSON.stringify({ jsonrpc: '2.0', ...m });
        frames.push(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        const doc = (m as { params?: { textDocument?: { uri?: string; version?: number } } }).params?.textDocument;
        if (doc?.uri && typeof doc.version === 'number') versions.set(doc.uri, doc.version);
      }
      if (!proc.stdin) throw new Error('writeAtOnce needs the stdio transport');
      proc.stdin.write(frames.join(''));
    },
    async notifyConfiguration() {
      await conn.sendNotification(DidChangeConfigurationNotification.type, { settings });
    },
    async stop() {
      await withTimeout(conn.sendRequest(ShutdownRequest.type), 5000, () => 'no answer to shutdown');
      await conn.sendNotification(ExitNotification.type);
      const code = await withTimeout(exited, 5000, () => 'server did not exit after exit notification');
      conn.dispose();
      return code;
    },
    kill() {
      conn.dispose();
      if (proc.exitCode === null) proc.kill();
    },
  };
  return session;
}

/** For a describe(): a server started before its tests and killed after them; call the result for the session. */
export function serverPerSuite(options: StartOptions = {}): () => ServerSession {
  let s: ServerSession | undefined;
  before(async () => {
    s = await startServer(options);
  });
  after(() => s?.kill());
  return () => {
    if (!s) throw new Error('the server of this suite did not start');
    return s;
  };
}

function lookup(settings: Record<string, unknown>, section: string | undefined): unknown {
  if (!section) return settings;
  let cur: unknown = settings;
  for (const part of section.split('.')) {
    if (cur === null || typeof cur !== 'object') return null;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur ?? null;
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: () => string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what()}`)), ms);
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}

/** Applies LSP text edits to `text` (as an editor does: all ranges refer to the original text). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'x', 1, text), edits);
}

/** The edits of a workspace edit for one document, whether sent as `changes` or `documentChanges`. */
export function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const out: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) out.push(...(change.edits as TextEdit[]));
  }
  return out;
}

/** Every document URI a workspace edit touches. */
export function urisOf(edit: WorkspaceEdit): string[] {
  const uris = new Set(Object.keys(edit.changes ?? {}));
  for (const change of edit.documentChanges ?? []) if ('textDocument' in change) uris.add(change.textDocument.uri);
  return [...uris];
}

export const codesOf = (d: Diagnostic[]): string[] => d.map((x) => String(x.code));
