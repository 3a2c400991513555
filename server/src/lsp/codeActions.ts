/**
 * Code actions, built generically from what each diagnostic carries: its fixes, a suppression comment
 * and a link to the rule's docs. No switch on rule ids here.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import type { DiagnosticData } from './diagnostics';
import { DIAGNOSTIC_SOURCE } from '../core/product';
import type { LineIndex } from '../core/text';
import { fillSecrets, hasSecretPlaceholder, type ChosenSecrets } from '../core/secrets';
import { nextLineSuppression } from '../engine/suppressions';
import type { TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver/node';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.mqtt-harden`;
export const OPEN_DOCS_COMMAND = 'mqttHarden.openRuleDocs';

export interface CodeActionContext {
  /** Text and line index of the document the actions are for. */
  text: string;
  index: LineIndex;
  /** Line comment marker of the document's format. */
  commentMarker: string;
  snippetSupport: boolean;
  fixAll(): CodeAction | undefined;
  /** Secrets chosen beforehand for this document's fixes: its cluster's cookie. */
  secrets?(): ChosenSecrets;
  /**
   * The fixes of the current finding behind a diagnostic the client sends back, or undefined when no current
   * finding matches it (it is stale). The client's copy may be from before its latest edit, so its own
   * `data` is not trusted for edits.
   */
  currentData(diagnostic: Diagnostic): DiagnosticData | undefined;
}

export function codeActions(params: CodeActionParams, ctx: CodeActionContext): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const data = ctx.currentData(diagnostic);
    // Stale (from an older version): its line may now hold other text or not exist; nothing is offered.
    if (!data) continue;
    if (wants(CodeActionKind.QuickFix)) {
      for (const fix of data.fixes) {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit: withFreshSecrets(fix.edit, ctx.secrets) });
      }
      actions.push(suppressAction(params.textDocument.uri, diagnostic, ctx));
      const href = diagnostic.codeDescription?.href;
      if (href) {
        actions.push({ title: `Open the documentation of ${String(diagnostic.code)}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: 'Open rule documentation', command: OPEN_DOCS_COMMAND, arguments: [href] } });
      }
    }
  }
  // Source actions only when asked for (on save, or the Source Action menu), never among quick fixes.
  if (only && wants(FIX_ALL_KIND)) {
    const all = ctx.fixAll();
    if (all) actions.push(all);
  }
  return actions;
}

/** Inserts `<marker> mqtt-harden-disable-next-line <id> -- <reason>` above the diagnostic's line, indented like it. */
function suppressAction(uri: string, diagnostic: Diagnostic, ctx: CodeActionContext): CodeAction {
  const line = diagnostic.range.start.line;
  const lineStart = ctx.index.lineStart(line);
  const indent = /^[ \t]*/.exec(ctx.text.slice(lineStart, ctx.index.lineEnd(line)))?.[0] ?? '';
  const eol = ctx.text.includes('\r\n') ? '\r\n' : '\n';
  // The comment up to its reason, which the user types (a snippet placeholder where the client has them).
  const head = `${indent}${nextLineSuppression(ctx.commentMarker, String(diagnostic.code), '')}`;
  const position = { line, character: 0 };
  const edit = ctx.snippetSupport
    ? { documentChanges: [{ textDocument: { uri, version: null }, edits: [{ range: { start: position, end: position }, snippet: { kind: 'snippet', value: `${escapeSnippet(head)}\${1:reason}${eol}` } }] }] }
    : { changes: { [uri]: [{ range: { start: position, end: position }, newText: `${head}reason${eol}` }] } };
  return { title: `Suppress ${String(diagnostic.code)} on this line (with a reason)`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit as CodeAction['edit'] };
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** Fills secret placeholders with fresh values, one per kind across the whole edit (see core/secrets.ts). */
export function withFreshSecrets(edit: WorkspaceEdit, chosen?: () => ChosenSecrets): WorkspaceEdit {
  const entries = Object.entries(edit.changes ?? {});
  const flat = entries.flatMap(([uri, edits]) => edits.map((e) => ({ uri, e, newText: e.newText })));
  if (!flat.some((f) => hasSecretPlaceholder(f.newText))) return edit;
  const filled = fillSecrets(flat, chosen?.());
  const changes: Record<string, LspTextEdit[]> = {};
  for (const f of filled) (changes[f.uri] ??= []).push({ range: f.e.range, newText: f.newText });
  return { changes };
}
