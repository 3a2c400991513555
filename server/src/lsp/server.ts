/**
 * The language server: keeps the workspace's deployment files (open buffers over disk), re-analyzes on
 * every change, and publishes findings for every file of the workspace, open or not.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind, DidChangeWatchedFilesNotification, FileChangeType, MessageType, ShowMessageNotification, TextDocumentSyncKind, TextDocuments,
  type ClientCapabilities, type CodeActionParams, type Connection, type DidChangeWatchedFilesParams, type InitializeParams,
  type InitializeResult, type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Workspace } from '../workspace/workspace';
import type { FileKind } from '../parsers/fileKind';
import { classifyPath } from '../workspace/fileKinds';
import { readTextFile } from '../workspace/discover';
import { AnalysisCache, type AnalysisResult } from '../engine/engine';
import { errorText } from '../engine/analyze';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { analyzeHost, textLookup } from '../host/analysis';
import { SETTINGS_FILE_NAME } from '../host/settingsFile';
import { sandboxedFileReader } from '../host/fileReader';
import { Sandbox } from '../core/sandbox';
import type { FileReader } from '../parsers/hocon/resolved';
import { docsPath, type Finding } from '../rules/types';
import { localDocsFile, PRODUCT_NAME, PRODUCT_VERSION } from '../core/product';
import { Positions, UriMap, uriToPath, toWorkspaceEdit } from './convert';
import { toDiagnostic, type DiagnosticData } from './diagnostics';
import { codeActions, FIX_ALL_KIND } from './codeActions';
import { mergeSettings, SETTINGS_SECTION } from './settings';
import { COMMANDS, executeCommand } from './commands';
import { fileFixAllEdits, workspaceFixAllEdits } from './fixAll';
import { ClusterSecrets } from '../engine/clusterSecrets';
import { insideRoots, realPathOf, realRootsOf } from '../workspace/safeWrite';
import { FEATURE_CAPABILITIES, registerFeatures } from './features';
import { sameItems } from '../core/lists';
import { AnalysisScheduler, DEFAULT_QUIET_MS } from './scheduler';
import { currentFinding } from './staleDiagnostics';
import { DEFAULT_WALK_BUDGET, isInside, loadFolderFiles, walkBudgetFrom, type WalkBudget } from './walk';

const LANGUAGE_KINDS: Record<string, FileKind> = {
  'emqx-hocon': 'emqx-conf', 'erlang-vmargs': 'vmargs', 'sysctl-conf': 'sysctl', 'emqx-systemd': 'systemd', 'limits-conf': 'limits',
};

/** What the client was last sent for one URI: an unchanged deployment's findings are not converted or sent again. */
interface Published {
  version: number | undefined;
  findings: Finding[];
}

/** Everything the server keeps between messages, in one place. */
interface ServerState {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  /** The deployment files: open buffers over what the disk says. */
  readonly ws: Workspace;
  readonly uris: UriMap;
  readonly positions: Positions;
  readonly cache: AnalysisCache;
  /** Docs links by rule id, memoized: finding the install folder touches the disk, and every diagnostic carries one. */
  readonly docsUris: Map<string, string>;
  capabilities: ClientCapabilities;
  folders: string[];
  settings: Settings;
  /** The last analysis, and the text of every file its findings can be in. */
  result: AnalysisResult;
  textOf: (file: string) => string | undefined;
  published: Map<string, Published>;
  /** Coalesces bursts of changes into one analysis of the latest text (scheduler.ts). */
  scheduler: AnalysisScheduler;
  /** How much of the disk the workspace walk reads at most (walk.ts). */
  walkBudget: WalkBudget;
  /** The read policy for the folders it was made for (readPolicy). */
  policy?: ReadPolicy;
}

/** What the server may read from disk (core/sandbox.ts), and the file reader that keeps to it. */
interface ReadPolicy {
  key: string;
  sandbox: Sandbox;
  reader: FileReader;
}

/** What the transport knows that the server needs: how many messages wait unhandled (inputQueue.ts). */
export interface ServerOptions {
  inputBacklog?: () => number;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const state = createState(connection, options);
  connection.onInitialize((params) => initialize(state, params));
  connection.onInitialized(() => initialized(state));
  connection.onDidChangeConfiguration(async () => {
    await refreshSettings(state);
    schedule(state);
  });
  state.documents.onDidChangeContent(({ document }) => documentChanged(state, document));
  state.documents.onDidClose(({ document }) => documentClosed(state, document));
  connection.onDidChangeWatchedFiles((params) => watchedFilesChanged(state, params));
  connection.onCodeAction((params) => codeActionsFor(state, params));
  connection.onExecuteCommand((params) =>
    executeCommand(params, {
      connection,
      workspaceEdit: () => workspaceFixAll(state),
    }),
  );
  registerFeatures(connection, {
    positions: state.positions,
    uris: state.uris,
    textOf: (file) => state.textOf(file),
    context: (uri) => featureContext(state, uri),
  });
  state.documents.listen(connection);
  connection.listen();
}

function createState(connection: Connection, options: ServerOptions): ServerState {
  const ws = new Workspace({ incremental: true });
  const result: AnalysisResult = { models: [], findings: [] };
  const state: ServerState = {
    connection,
    documents: new TextDocuments(TextDocument),
    ws,
    uris: new UriMap(),
    positions: new Positions(),
    cache: new AnalysisCache({ rules: true }),
    docsUris: new Map(),
    capabilities: {},
    folders: [],
    settings: DEFAULT_SETTINGS,
    result,
    textOf: textLookup(ws, result.models),
    published: new Map(),
    scheduler: new AnalysisScheduler(() => analyzeSafely(state), { quietMs: DEFAULT_QUIET_MS, backlog: options.inputBacklog }),
    walkBudget: DEFAULT_WALK_BUDGET,
  };
  return state;
}

function docsUri(state: ServerState, ruleId: string): string {
  let uri = state.docsUris.get(ruleId);
  if (uri === undefined) state.docsUris.set(ruleId, (uri = pathToFileURL(localDocsFile(docsPath(ruleId))).toString()));
  return uri;
}

function diagnosticOf(state: ServerState, finding: Finding) {
  return toDiagnostic(finding, { textOf: state.textOf, positions: state.positions, uris: state.uris, docsUri: (id) => docsUri(state, id) });
}

// --- analysis and publishing

/** Something changed: analyse once the queued input is handled (scheduler.ts). */
function schedule(state: ServerState): void {
  state.scheduler.changed();
}

/** Run from a timer, an error would end the process (no request to answer it): log it and keep serving. */
function analyzeSafely(state: ServerState): void {
  try {
    analyzeAndPublish(state);
  } catch (err) {
    state.connection.console.error(`analysis failed: ${errorText(err)}`);
  }
}

function analyzeAndPublish(state: ServerState): void {
  const { ws, documents, uris } = state;
  state.result = analyzeHost(ws, state.settings, state.folders, {
    cache: state.cache,
    reader: readPolicy(state).reader,
    // Only deployments being edited keep their rules' reads: a large workspace would pay memory for all.
    track: (files) => files.some((f) => documents.get(uris.uriOf(f)) !== undefined),
  });
  state.textOf = textLookup(ws, state.result.models);
  const byFile = new Map<string, Finding[]>();
  for (const s of ws.all()) byFile.set(s.file, []);
  for (const f of state.result.findings) (byFile.get(f.file) ?? byFile.set(f.file, []).get(f.file)!).push(f);
  const now = new Map<string, Published>();
  for (const [file, findings] of byFile) {
    const uri = uris.uriOf(file);
    // The version tells a client which edit these findings belong to (it may have typed on meanwhile).
    const version = documents.get(uri)?.version;
    const last = state.published.get(uri);
    now.set(uri, { version, findings });
    // The analysis cache hands back the very same finding objects for a deployment whose files did not
    // change, so identical objects mean identical diagnostics: the client has them already.
    if (last && last.version === version && sameItems(last.findings, findings)) continue;
    void state.connection.sendDiagnostics({ uri, version, diagnostics: findings.map((f) => diagnosticOf(state, f)) });
  }
  for (const uri of state.published.keys()) if (!now.has(uri)) void state.connection.sendDiagnostics({ uri, diagnostics: [] });
  state.published = now;
}

// --- files and folders

/** Reads the deployment files under `paths` asynchronously, within a budget (walk.ts). */
function loadFolders(state: ServerState, paths: string[]): Promise<void> {
  const { connection } = state;
  return loadFolderFiles(paths, {
    budget: state.walkBudget,
    skip: (file) => !!state.documents.get(state.uris.uriOf(file)), // an open buffer wins over the disk
    add: (file, text) => {
      // A folder removed while it was walked takes its files with it.
      if (!state.folders.some((f) => isInside(file, f))) return;
      const refused = readPolicy(state).sandbox.refusal(file);
      if (refused === undefined) state.ws.set(file, text);
      else state.ws.refuse(file, refused);
    },
    warn: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
    log: (message) => connection.console.log(message),
  });
}

/**
 * The read policy: the workspace folders, and the folder of each open file outside them (an editor may
 * open a single file). Made again only when those folders change.
 */
function readPolicy(state: ServerState): ReadPolicy {
  const roots = new Set(state.folders);
  for (const d of state.documents.all()) {
    const file = uriToPath(d.uri);
    if (!state.folders.some((f) => file.startsWith(f + path.sep))) roots.add(path.dirname(file));
  }
  const key = [...roots].join('\n');
  if (state.policy?.key !== key) {
    const sandbox = new Sandbox([...roots]);
    state.policy = { key, sandbox, reader: sandboxedFileReader(sandbox) };
  }
  return state.policy;
}

/** Puts a file from disk into the workspace, or records that the read policy refused it. */
function loadFromDisk(state: ServerState, file: string): void {
  const { text, refused } = readTextFile(file, readPolicy(state).sandbox);
  if (refused !== undefined) state.ws.refuse(file, refused);
  else if (text !== undefined) state.ws.set(file, text);
}

/** A file leaves the workspace, and its line index with it. */
function removeFile(state: ServerState, file: string): void {
  state.ws.delete(file);
  state.positions.forget(file);
}

function foldersChanged(state: ServerState, e: WorkspaceFoldersChangeEvent): void {
  const removed = e.removed.map((f) => uriToPath(f.uri));
  state.folders = state.folders.filter((f) => !removed.includes(f)).concat(e.added.map((f) => uriToPath(f.uri)));
  for (const s of state.ws.all()) if (removed.some((r) => s.file.startsWith(r + path.sep)) && !state.documents.get(state.uris.uriOf(s.file))) removeFile(state, s.file);
  void loadFolders(state, e.added.map((f) => uriToPath(f.uri))).then(() => schedule(state));
  schedule(state);
}

function documentChanged(state: ServerState, document: TextDocument): void {
  const file = state.uris.remember(document.uri);
  if (state.ws.set(file, document.getText(), classifyPath(file) ?? LANGUAGE_KINDS[document.languageId])) schedule(state);
}

function documentClosed(state: ServerState, document: TextDocument): void {
  const { ws } = state;
  const file = uriToPath(document.uri);
  // Back to what the disk says; an unsaved file that never existed on disk leaves the workspace.
  const { text, refused } = document.uri.startsWith('file:') ? readTextFile(file, readPolicy(state).sandbox) : { text: undefined, refused: undefined };
  if (refused !== undefined && ws.has(file)) {
    ws.refuse(file, refused);
    state.positions.forget(file);
  } else if (text !== undefined && ws.has(file)) {
    ws.set(file, text, ws.get(file)!.kind);
    // The buffer's line index is of no use for the disk's text.
    state.positions.forget(file);
  } else removeFile(state, file);
  schedule(state);
}

async function watchedFilesChanged(state: ServerState, { changes }: DidChangeWatchedFilesParams): Promise<void> {
  for (const change of changes) {
    const file = uriToPath(change.uri);
    if (path.basename(file) === SETTINGS_FILE_NAME) {
      await refreshSettings(state);
      continue;
    }
    if (state.documents.get(change.uri)) continue; // the buffer is the truth while open
    if (change.type === FileChangeType.Deleted) removeFile(state, file);
    else if (classifyPath(file)) loadFromDisk(state, file);
  }
  schedule(state);
}

// --- lifecycle and settings

function initialize(state: ServerState, params: InitializeParams): InitializeResult {
  state.capabilities = params.capabilities;
  state.walkBudget = walkBudgetFrom(params.initializationOptions);
  state.folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
  if (state.folders.length === 0 && params.rootUri) state.folders = [uriToPath(params.rootUri)];
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
}

async function initialized(state: ServerState): Promise<void> {
  const { connection, capabilities } = state;
  if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.{conf,hocon,service,args}' }, { globPattern: '**/vm.args' }, { globPattern: `**/${SETTINGS_FILE_NAME}` }],
    });
  }
  if (capabilities.workspace?.workspaceFolders) connection.workspace.onDidChangeWorkspaceFolders((e) => foldersChanged(state, e));
  await refreshSettings(state);
  schedule(state);
  await loadFolders(state, state.folders);
  schedule(state);
}

async function refreshSettings(state: ServerState): Promise<void> {
  let editor: unknown;
  if (state.capabilities.workspace?.configuration) {
    try {
      [editor] = await state.connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }]);
    } catch {
      editor = undefined;
    }
  }
  const merged = mergeSettings(state.folders, editor);
  state.settings = merged.settings;
  for (const p of merged.problems) state.connection.console.warn(p);
}

// --- requests

function codeActionsFor(state: ServerState, params: CodeActionParams) {
  // An edit may still be waiting for analysis: answer from the text the client has now.
  state.scheduler.flush();
  const { positions } = state;
  const file = uriToPath(params.textDocument.uri);
  const text = state.ws.get(file)?.text;
  if (text === undefined) return [];
  const findings = state.result.findings;
  return codeActions(params, {
    text,
    index: positions.index(file, text),
    commentMarker: '#',
    snippetSupport: !!(state.capabilities.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport,
    currentData: (diagnostic) => {
      const match = currentFinding(diagnostic, findings.filter((f) => f.file === file), (f) => positions.range(file, text, f.span));
      return match ? (diagnosticOf(state, match).data as DiagnosticData) : undefined;
    },
    secrets: () => ({ cookie: new ClusterSecrets(state.result.models).cookieFor(file) }),
    fixAll: () => {
      const edits = fileFixAllEdits(state.result, file);
      if (!edits.length) return undefined;
      return { title: 'Fix all safe mqtt-harden findings in this file', kind: FIX_ALL_KIND, edit: toWorkspaceEdit(edits.map((e) => ({ ...e, file })), state.textOf, positions, state.uris) };
    },
  });
}

/** "Fix all in the workspace": every safe fix in a file the workspace may write (an open buffer, or inside a workspace folder). */
function workspaceFixAll(state: ServerState) {
  const roots = realRootsOf(state.folders);
  const writable = (file: string) => state.documents.get(state.uris.uriOf(file)) !== undefined || insideRoots(realPathOf(file) ?? file, roots);
  const { edits, outside } = workspaceFixAllEdits(state.result, writable);
  for (const file of outside) state.connection.console.warn(`${PRODUCT_NAME}: not fixing ${file}: it is outside the workspace folders`);
  return toWorkspaceEdit(edits, state.textOf, state.positions, state.uris);
}

function featureContext(state: ServerState, uri: string) {
  state.scheduler.flush(); // features read the model: it must be of the text the request is about
  const file = uriToPath(uri);
  const parsed = state.ws.parse(file);
  if (!parsed) return undefined;
  const { models, findings } = state.result;
  const model = models.find((m) => m.files.some((f) => f.file === file));
  return { path: file, file: parsed, model, models, findings: findings.filter((f) => f.file === file), docsUri: (id: string) => docsUri(state, id) };
}
