// A minimal LSP client for the editor benchmarks: spawns dist/server.js over stdio, speaks the protocol
// through vscode-languageserver-protocol (the same transport an editor uses), answers the server's own
// requests, and lets a benchmark wait for the diagnostics of a document version. It also reads the
// server's memory and CPU time from /proc.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const require = createRequire(path.join(root, 'package.json'));
const lsp = require('vscode-languageserver-protocol/node');

export const SERVER_JS = path.join(root, 'dist', 'server.js');

export const fileUri = (p) => pathToFileURL(p).href;

const CAPABILITIES = {
  workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true, versionSupport: true },
  },
};

/**
 * Spawns the server (`nodeArgs` go to its node, e.g. --cpu-prof) and connects to it. `onDiagnostics`
 * receives every publishDiagnostics with the time it arrived. Resolves once the process is spawned.
 */
export async function spawnServer({ nodeArgs = [], onDiagnostics = () => {} } = {}) {
  const proc = spawn(process.execPath, [...nodeArgs, SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  const conn = lsp.createProtocolConnection(new lsp.StreamMessageReader(proc.stdout), new lsp.StreamMessageWriter(proc.stdin));
  conn.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => onDiagnostics(p, performance.now()));
  conn.onRequest(lsp.ConfigurationRequest.type, (p) => p.items.map(() => null));
  conn.onRequest(lsp.RegistrationRequest.type, () => undefined);
  conn.onRequest(lsp.UnregistrationRequest.type, () => undefined);
  conn.onRequest(lsp.WorkDoneProgressCreateRequest.type, () => undefined);
  conn.onRequest(lsp.ShowMessageRequest.type, () => null);
  conn.onNotification(lsp.LogMessageNotification.type, () => {});
  conn.listen();
  const exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    proc.once('spawn', resolve);
    proc.once('error', reject);
  });

  return {
    proc,
    conn,
    stderr: () => stderr,
    /** initialize (with `folder` as the only workspace folder, if any) + initialized. */
    async initialize(folder) {
      const folders = folder ? [{ uri: fileUri(folder), name: path.basename(folder) }] : null;
      const result = await conn.sendRequest(lsp.InitializeRequest.type, {
        processId: process.pid,
        rootUri: folders?.[0].uri ?? null,
        capabilities: CAPABILITIES,
        workspaceFolders: folders,
        clientInfo: { name: 'mqtt-harden benchmarks' },
      });
      await conn.sendNotification(lsp.InitializedNotification.type, {});
      return result;
    },
    open(uri, languageId, version, text) {
      return conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    },
    /** Sends an incremental change: `edits` as [{ range, text }]. */
    change(uri, version, edits) {
      return conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: edits });
    },
    /** shutdown + exit; kills the process if it does not leave within 5 s. */
    async stop() {
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
      try {
        await conn.sendRequest(lsp.ShutdownRequest.type);
        await conn.sendNotification(lsp.ExitNotification.type);
      } catch {
        proc.kill('SIGKILL');
      }
      await exited;
      clearTimeout(timer);
      conn.dispose();
    },
  };
}

/** Resident and peak resident memory of process `pid` in MB (VmRSS, VmHWM of /proc/<pid>/status). */
export function processMemoryMB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMB: kB('VmRSS') / 1024, hwmMB: kB('VmHWM') / 1024 };
}

/** CPU time (user + system, all threads) process `pid` has used so far, in ms. */
export function processCpuMs(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
  return (ticks * 1000) / CLOCK_TICKS;
}

/** USER_HZ: 100 on every Linux Node supports; the kernel reports utime and stime in these ticks. */
const CLOCK_TICKS = 100;

/** Rejects after `ms` with `what()` as the message unless `promise` settles first. */
export function withTimeout(promise, ms, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what()}`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}
