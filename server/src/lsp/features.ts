/** Wires the language features (plain functions in server/src/features/) to LSP requests. */
import { FoldingRangeKind, SymbolKind, type Connection, type DocumentSymbol } from 'vscode-languageserver/node';
import type { FeatureContext } from '../features/context';
import { hover } from '../features/hover';
import { documentSymbols, type DocumentSymbolData, type SymbolKindName } from '../features/symbols';
import { foldingRanges } from '../features/folding';
import type { Positions } from './convert';

const SYMBOL_KINDS: Record<SymbolKindName, SymbolKind> = {
  object: SymbolKind.Object, array: SymbolKind.Array, property: SymbolKind.Property, section: SymbolKind.Namespace, file: SymbolKind.File, key: SymbolKind.Key,
};

export interface FeatureHost {
  /** Context for a document URI, or undefined when the server does not know the file. */
  context(uri: string): (FeatureContext & { path: string }) | undefined;
  positions: Positions;
}

/** The capabilities these handlers provide, for the initialize result. */
export const FEATURE_CAPABILITIES = {
  hoverProvider: true,
  documentSymbolProvider: true,
  foldingRangeProvider: true,
} as const;

export function registerFeatures(connection: Connection, host: FeatureHost): void {
  const offsetOf = (ctx: FeatureContext & { path: string }, position: { line: number; character: number }) =>
    host.positions.index(ctx.path, ctx.file.text).offsetAt(position);
  const range = (ctx: FeatureContext & { path: string }, span: { start: number; end: number }) => host.positions.range(ctx.path, ctx.file.text, span);

  connection.onHover((params) => {
    const ctx = host.context(params.textDocument.uri);
    if (!ctx) return null;
    const result = hover(ctx, offsetOf(ctx, params.position));
    return result ? { contents: { kind: 'markdown', value: result.markdown }, range: range(ctx, result.span) } : null;
  });

  connection.onDocumentSymbol((params) => {
    const ctx = host.context(params.textDocument.uri);
    if (!ctx) return [];
    const convert = (s: DocumentSymbolData): DocumentSymbol => ({
      name: s.name || '""', detail: s.detail, kind: SYMBOL_KINDS[s.kind], range: range(ctx, s.span), selectionRange: range(ctx, s.selectionSpan),
      children: s.children.map(convert),
    });
    return documentSymbols(ctx.file).map(convert);
  });

  connection.onFoldingRanges((params) => {
    const ctx = host.context(params.textDocument.uri);
    if (!ctx) return [];
    return foldingRanges(ctx.file).map((r) => ({ startLine: r.startLine, endLine: r.endLine, ...(r.kind ? { kind: r.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region } : {}) }));
  });
}
