/** Conversions between the engine's offsets/paths and LSP's positions/URIs. */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Range, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { FileEdit, Span } from '../core/text';
import { LineIndexes } from '../host/lineIndexes';

/**
 * Keeps the client's own spelling of each document URI (VS Code and Node encode some characters
 * differently), so diagnostics land on the document the client has open.
 */
export class UriMap {
  private readonly byPath = new Map<string, string>();

  remember(uri: string): string {
    const file = uriToPath(uri);
    this.byPath.set(file, uri);
    return file;
  }

  uriOf(file: string): string {
    return this.byPath.get(file) ?? pathToUri(file);
  }
}

/** A file path for a URI; non-file URIs (untitled:...) are kept whole as their own key. */
export function uriToPath(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

export function pathToUri(file: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(file) && !file.startsWith('/') ? file : pathToFileURL(file).toString();
}

/** The host's line indexes (host/lineIndexes.ts), giving LSP ranges. */
export class Positions extends LineIndexes {
  range(file: string, text: string, span: Span): Range {
    const index = this.index(file, text);
    return { start: index.positionAt(span.start), end: index.positionAt(span.end) };
  }
}

/** Groups file edits into an LSP WorkspaceEdit (`changes` keyed by URI). */
export function toWorkspaceEdit(edits: FileEdit[], textOf: (file: string) => string | undefined, positions: Positions, uris: UriMap): WorkspaceEdit {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const e of edits) {
    const text = textOf(e.file) ?? '';
    const uri = uris.uriOf(e.file);
    (changes[uri] ??= []).push({ range: positions.range(e.file, text, { start: e.offset, end: e.offset + e.length }), newText: e.newText });
  }
  return { changes };
}
