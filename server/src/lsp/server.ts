/**
 * The language server: keeps the workspace's deployment files (open buffers over disk), re-analyzes on
 * every change, and publishes findings for every file of the workspace, open or not.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind, DidChangeWatchedFilesNotification, FileChangeType, TextDocumentSyncKind, TextDocuments,
  type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Workspace } from '../workspace/workspace';
import { classifyPath, type FileKind } from '../workspace/fileKinds';
import { discoverFiles, readTextFile } from '../workspace/discover';
import { filesSettingFilter } from '../workspace/glob';
import { AnalysisCache, analyzeWorkspace, type AnalysisResult } from '../engine/engine';
import { DEFAULT_SETTINGS, type Settings } from '../engine/settings';
import { sandboxedFileReader } from '../parsers/hocon/fsReader';
import { Sandbox } from '../core/sandbox';
import type { FileReader } from '../parsers/hocon/resolved';
import { docsPath, type Finding } from '../rules/types';
import { localDocsFile, PRODUCT_NAME, PRODUCT_VERSION } from '../core/product';
import { Positions, UriMap, uriToPath, toWorkspaceEdit } from './convert';
import { toDiagnostic, type DiagnosticData } from './diagnostics';
import { codeActions, FIX_ALL_KIND } from './codeActions';
import { mergeSettings, SETTINGS_SECTION } from './settings';
import { COMMANDS, executeCommand } from './commands';
import { selectSafeEdits } from '../cli/fix';
import { FEATURE_CAPABILITIES, registerFeatures } from './features';
import { sameItems } from '../core/lists';

const LANGUAGE_KINDS: Record<string, FileKind> = {
  'emqx-hocon': 'emqx-conf', 'erlang-vmargs': 'vmargs', 'sysctl-conf': 'sysctl', 'emqx-systemd': 'systemd', 'limits-conf': 'limits',
};

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const ws = new Workspace({ incremental: true });
  const uris = new UriMap();
  const positions = new Positions();
  let folders: string[] = [];
  let settings: Settings = DEFAULT_SETTINGS;
  let capabilities: InitializeParams['capabilities'] = {};
  let result: AnalysisResult = { models: [], findings: [] };
  /** What each URI was last sent: an unchanged deployment's findings are not converted or sent again. */
  let published = new Map<string, { version: number | undefined; findings: Finding[] }>();
  let scheduled = false;
  const cache = new AnalysisCache({ rules: true });

  const textOf = (file: string) => ws.get(file)?.text;
  /** For placing findings: also files only an include or EnvironmentFile= read (not editable buffers). */
  const placedTextOf = (file: string) =>
    textOf(file) ?? result.models.flatMap((m) => m.files).find((f) => f.file === file)?.text ?? result.models.find((m) => m.includedDocuments?.has(file))?.includedDocuments?.get(file)?.text;
  // Memoized: finding the install folder touches the disk, and every diagnostic carries a docs link.
  const docsUris = new Map<string, string>();
  const docsUri = (ruleId: string) => {
    let uri = docsUris.get(ruleId);
    if (uri === undefined) docsUris.set(ruleId, (uri = pathToFileURL(localDocsFile(docsPath(ruleId))).toString()));
    return uri;
  };

  /** Coalesces bursts of changes into one analysis on the next turn of the event loop. */
  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      analyzeAndPublish();
    });
  }

  /**
   * The read policy: the workspace folders, and the folder of each open file outside them (an editor may
   * open a single file). Rebuilt only when those folders change.
   */
  let sandbox: { key: string; sandbox: Sandbox; reader: FileReader } | undefined;
  function readPolicy(): { sandbox: Sandbox; reader: FileReader } {
    const roots = new Set(folders);
    for (const d of documents.all()) {
      const file = uriToPath(d.uri);
      if (!folders.some((f) => file.startsWith(f + path.sep))) roots.add(path.dirname(file));
    }
    const key = [...roots].join('\n');
    if (sandbox?.key !== key) {
      const policy = new Sandbox([...roots]);
      sandbox = { key, sandbox: policy, reader: sandboxedFileReader(policy) };
    }
    return sandbox;
  }

  /** Puts a file from disk into the workspace, or records that the read policy refused it. */
  function loadFromDisk(file: string): void {
    const { text, refused } = readTextFile(file, readPolicy().sandbox);
    if (refused !== undefined) ws.refuse(file, refused);
    else if (text !== undefined) ws.set(file, text);
  }

  function analyzeAndPublish(): void {
    result = analyzeWorkspace(ws, settings, readPolicy().reader, cache, {
      include: filesSettingFilter(settings.files, folders),
      // Only deployments being edited keep their rules' reads: a large workspace would pay memory for all.
      track: (files) => files.some((f) => documents.get(uris.uriOf(f)) !== undefined),
    });
    const byFile = new Map<string, Finding[]>();
    for (const s of ws.all()) byFile.set(s.file, []);
    for (const f of result.findings) (byFile.get(f.file) ?? byFile.set(f.file, []).get(f.file)!).push(f);
    const now = new Map<string, { version: number | undefined; findings: Finding[] }>();
    for (const [file, findings] of byFile) {
      const uri = uris.uriOf(file);
      // The version tells a client which edit these findings belong to (it may have typed on meanwhile).
      const version = documents.get(uri)?.version;
      const last = published.get(uri);
      now.set(uri, { version, findings });
      // The analysis cache hands back the very same finding objects for a deployment whose files did not
      // change, so identical objects mean identical diagnostics: the client has them already.
      if (last && last.version === version && sameItems(last.findings, findings)) continue;
      void connection.sendDiagnostics({ uri, version, diagnostics: findings.map((f) => toDiagnostic(f, { textOf: placedTextOf, positions, uris, docsUri })) });
    }
    for (const uri of published.keys()) if (!now.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    published = now;
  }

  function loadFolders(paths: string[]): void {
    for (const file of discoverFiles(paths).files) {
      if (documents.get(uris.uriOf(file))) continue; // an open buffer wins over the disk
      loadFromDisk(file);
    }
  }

  async function refreshSettings(): Promise<void> {
    let editor: unknown;
    if (capabilities.workspace?.configuration) {
      try {
        [editor] = await connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }]);
      } catch {
        editor = undefined;
      }
    }
    const merged = mergeSettings(folders, editor);
    settings = merged.settings;
    for (const p of merged.problems) connection.console.warn(p);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
    if (folders.length === 0 && params.rootUri) folders = [uriToPath(params.rootUri)];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        executeCommandProvider: { commands: [...COMMANDS] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...FEATURE_CAPABILITIES,
      },
      serverInfo: { name: PRODUCT_NAME, version: PRODUCT_VERSION },
    };
  });

  connection.onInitialized(async () => {
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{conf,hocon,service,args}' }, { globPattern: '**/vm.args' }, { globPattern: '**/.mqtt-harden.json' }],
      });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = e.removed.map((f) => uriToPath(f.uri));
        folders = folders.filter((f) => !removed.includes(f)).concat(e.added.map((f) => uriToPath(f.uri)));
        for (const s of ws.all()) if (removed.some((r) => s.file.startsWith(r + path.sep)) && !documents.get(uris.uriOf(s.file))) ws.delete(s.file);
        loadFolders(e.added.map((f) => uriToPath(f.uri)));
        schedule();
      });
    }
    await refreshSettings();
    loadFolders(folders);
    schedule();
  });

  connection.onDidChangeConfiguration(async () => {
    await refreshSettings();
    schedule();
  });

  documents.onDidChangeContent(({ document }) => {
    const file = uris.remember(document.uri);
    if (ws.set(file, document.getText(), classifyPath(file) ?? LANGUAGE_KINDS[document.languageId])) schedule();
  });

  documents.onDidClose(({ document }) => {
    const file = uriToPath(document.uri);
    // Back to what the disk says; an unsaved file that never existed on disk leaves the workspace.
    const { text, refused } = document.uri.startsWith('file:') ? readTextFile(file, readPolicy().sandbox) : { text: undefined, refused: undefined };
    if (refused !== undefined && ws.has(file)) ws.refuse(file, refused);
    else if (text !== undefined && ws.has(file)) ws.set(file, text, ws.get(file)!.kind);
    else ws.delete(file);
    schedule();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    for (const change of changes) {
      const file = uriToPath(change.uri);
      if (path.basename(file) === '.mqtt-harden.json') {
        await refreshSettings();
        continue;
      }
      if (documents.get(change.uri)) continue; // the buffer is the truth while open
      if (change.type === FileChangeType.Deleted) ws.delete(file);
      else if (classifyPath(file)) loadFromDisk(file);
    }
    schedule();
  });

  connection.onCodeAction((params) => {
    // An edit may still be waiting for analysis: answer from the text the client has now.
    if (scheduled) analyzeAndPublish();
    const file = uriToPath(params.textDocument.uri);
    const text = textOf(file);
    if (text === undefined) return [];
    return codeActions(params, {
      text,
      index: positions.index(file, text),
      commentMarker: '#',
      snippetSupport: !!(capabilities.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport,
      currentData: (diagnostic) => {
        const mine = result.findings.filter((f) => f.file === file && f.ruleId === diagnostic.code);
        const same = (f: (typeof mine)[number]) => {
          const r = positions.range(file, text, f.span);
          return r.start.line === diagnostic.range.start.line && r.start.character === diagnostic.range.start.character && r.end.line === diagnostic.range.end.line && r.end.character === diagnostic.range.end.character;
        };
        const match = mine.find(same) ?? mine.find((f) => positions.range(file, text, f.span).start.line === diagnostic.range.start.line);
        return match ? (toDiagnostic(match, { textOf, positions, uris, docsUri }).data as DiagnosticData) : undefined;
      },
      fixAll: () => {
        const edits = selectSafeEdits(result.findings.filter((f) => f.file === file)).get(file);
        if (!edits?.length) return undefined;
        return { title: 'Fix all safe mqtt-harden findings in this file', kind: FIX_ALL_KIND, edit: toWorkspaceEdit(edits.map((e) => ({ ...e, file })), textOf, positions, uris) };
      },
    });
  });

  connection.onExecuteCommand((params) =>
    executeCommand(params, {
      connection,
      workspaceEdit: () => toWorkspaceEdit([...selectSafeEdits(result.findings).values()].flat(), textOf, positions, uris),
    }),
  );

  registerFeatures(connection, {
    positions,
    uris,
    textOf: placedTextOf,
    context(uri) {
      const file = uriToPath(uri);
      const parsed = ws.parse(file);
      if (!parsed) return undefined;
      const model = result.models.find((m) => m.files.some((f) => f.file === file));
      return { path: file, file: parsed, model, models: result.models, findings: result.findings.filter((f) => f.file === file), docsUri };
    },
  });

  documents.listen(connection);
  connection.listen();
}
