/**
 * The language server: keeps the workspace's deployment files (open buffers over disk), re-analyzes on
 * every change, and publishes findings for every file of the workspace, open or not.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind, DidChangeWatchedFilesNotification, FileChangeType, MessageType, ShowMessageNotification, TextDocumentSyncKind, TextDocuments,
  type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Workspace } from '../workspace/workspace';
import { classifyPath, type FileKind } from '../workspace/fileKinds';
import { readTextFile } from '../workspace/discover';
import { filesSettingFilter } from '../workspace/glob';
import { AnalysisCache, analyzeWorkspace, type AnalysisResult } from '../engine/engine';
import { DEFAULT_SETTINGS, type Settings } from '../engine/settings';
import { nodeFileReader } from '../parsers/hocon/fsReader';
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
import { AnalysisScheduler, DEFAULT_QUIET_MS } from './scheduler';
import { currentFinding } from './staleDiagnostics';
import { DEFAULT_WALK_BUDGET, isInside, loadFolderFiles, walkBudgetFrom } from './walk';

const LANGUAGE_KINDS: Record<string, FileKind> = {
  'emqx-hocon': 'emqx-conf', 'erlang-vmargs': 'vmargs', 'sysctl-conf': 'sysctl', 'emqx-systemd': 'systemd', 'limits-conf': 'limits',
};

export function startServer(connection: Connection, options: { inputBacklog?: () => number } = {}): void {
  const documents = new TextDocuments(TextDocument);
  const ws = new Workspace({ incremental: true });
  const uris = new UriMap();
  const positions = new Positions();
  let folders: string[] = [];
  let settings: Settings = DEFAULT_SETTINGS;
  let capabilities: InitializeParams['capabilities'] = {};
  let walkBudget = DEFAULT_WALK_BUDGET;
  let result: AnalysisResult = { models: [], findings: [] };
  /** What each URI was last sent: an unchanged deployment's findings are not converted or sent again. */
  let published = new Map<string, { version: number | undefined; findings: Finding[] }>();
  const cache = new AnalysisCache({ rules: true });

  const textOf = (file: string) => ws.get(file)?.text;
  // Memoized: finding the install folder touches the disk, and every diagnostic carries a docs link.
  const docsUris = new Map<string, string>();
  const docsUri = (ruleId: string) => {
    let uri = docsUris.get(ruleId);
    if (uri === undefined) docsUris.set(ruleId, (uri = pathToFileURL(localDocsFile(docsPath(ruleId))).toString()));
    return uri;
  };

  /** Coalesces bursts of changes into one analysis of the latest text (scheduler.ts). */
  const scheduler = new AnalysisScheduler(analyzeAndPublish, { quietMs: DEFAULT_QUIET_MS, backlog: options.inputBacklog });
  const schedule = () => scheduler.changed();

  function analyzeAndPublish(): void {
    result = analyzeWorkspace(ws, settings, nodeFileReader, cache, {
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
      void connection.sendDiagnostics({ uri, version, diagnostics: findings.map((f) => toDiagnostic(f, { textOf, positions, uris, docsUri })) });
    }
    for (const uri of published.keys()) if (!now.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    published = now;
  }

  /** Reads the deployment files under `paths` asynchronously, within a budget (walk.ts). */
  const loadFolders = (paths: string[]) =>
    loadFolderFiles(paths, {
      budget: walkBudget,
      skip: (file) => !!documents.get(uris.uriOf(file)), // an open buffer wins over the disk
      // A folder removed while it was walked takes its files with it.
      add: (file, text) => folders.some((f) => isInside(file, f)) && ws.set(file, text),
      warn: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
      log: (message) => connection.console.log(message),
    });

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
    walkBudget = walkBudgetFrom(params.initializationOptions);
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
        void loadFolders(e.added.map((f) => uriToPath(f.uri))).then(schedule);
        schedule();
      });
    }
    await refreshSettings();
    schedule();
    await loadFolders(folders);
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
    const { text } = document.uri.startsWith('file:') ? readTextFile(file) : { text: undefined };
    if (text !== undefined && ws.has(file)) ws.set(file, text, ws.get(file)!.kind);
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
      else {
        const { text } = readTextFile(file);
        if (text !== undefined) ws.set(file, text);
      }
    }
    schedule();
  });

  connection.onCodeAction((params) => {
    // An edit may still be waiting for analysis: answer from the text the client has now.
    scheduler.flush();
    const file = uriToPath(params.textDocument.uri);
    const text = textOf(file);
    if (text === undefined) return [];
    return codeActions(params, {
      text,
      index: positions.index(file, text),
      commentMarker: '#',
      snippetSupport: !!(capabilities.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport,
      currentData: (diagnostic) => {
        const match = currentFinding(diagnostic, result.findings.filter((f) => f.file === file), (f) => positions.range(file, text, f.span));
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
    textOf: (file) => textOf(file) ?? result.models.flatMap((m) => m.files).find((f) => f.file === file)?.text,
    context(uri) {
      scheduler.flush(); // features read the model: it must be of the text the request is about
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
