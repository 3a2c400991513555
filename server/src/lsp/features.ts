/** Wires the language features (plain functions in server/src/features/) to LSP requests. */
import { FoldingRangeKind, SymbolKind, type Connection, type DocumentSymbol, type SelectionRange } from 'vscode-languageserver/node';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver/node';
import { completions, type CompletionKind } from '../features/completion';
import type { FeatureContext } from '../features/context';
import { hover } from '../features/hover';
import { documentSymbols, type DocumentSymbolData, type SymbolKindName } from '../features/symbols';
import { foldingRanges } from '../features/folding';
import type { Positions, UriMap } from './convert';
import { definition, references, type LocationData } from '../features/navigation';
import { selectionSpans } from '../features/selection';
import { formatHocon } from '../features/formatting';
import { LineIndex } from '../core/text';
import { secretRedactor } from '../model/secretValues';

const SYMBOL_KINDS: Record<SymbolKindName, SymbolKind> = {
  object: SymbolKind.Object, array: SymbolKind.Array, property: SymbolKind.Property, section: SymbolKind.Namespace, file: SymbolKind.File, key: SymbolKind.Key,
};

export interface FeatureHost {
  /** Context for a document URI, or undefined when the server does not know the file. */
  context(uri: string): (FeatureContext & { path: string }) | undefined;
  positions: Positions;
  uris: UriMap;
  /** The current text of any deployment file (for ranges in files other than the one asked about). */
  textOf(file: string): string | undefined;
}

/** The capabilities these handlers provide, for the initialize result. */
export const FEATURE_CAPABILITIES = {
  completionProvider: { triggerCharacters: ['.', '=', ':', ' ', '[', '-', '+'] as string[], resolveProvider: false },
  hoverProvider: true,
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  selectionRangeProvider: true,
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
} as const;

export function registerFeatures(connection: Connection, host: FeatureHost): void {
  registerCompletion(connection, host);
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
    const secrets = ctx.model ? secretRedactor(ctx.model) : undefined;
    return documentSymbols(ctx.file, secrets && ((text) => secrets.conceal(text))).map(convert);
  });

  connection.onFoldingRanges((params) => {
    const ctx = host.context(params.textDocument.uri);
    if (!ctx) return [];
    return foldingRanges(ctx.file).map((r) => ({ startLine: r.startLine, endLine: r.endLine, ...(r.kind ? { kind: r.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region } : {}) }));
  });

  const toLocation = (l: LocationData) => ({ uri: host.uris.uriOf(l.file), range: host.positions.range(l.file, host.textOf(l.file) ?? '', l.span) });

  connection.onDefinition((params) => {
    const ctx = host.context(params.textDocument.uri);
    return ctx ? definition(ctx, offsetOf(ctx, params.position)).map(toLocation) : [];
  });

  connection.onReferences((params) => {
    const ctx = host.context(params.textDocument.uri);
    return ctx ? references(ctx, offsetOf(ctx, params.position), params.context.includeDeclaration).map(toLocation) : [];
  });

  connection.onSelectionRanges((params) => {
    const ctx = host.context(params.textDocument.uri);
    if (!ctx) return [];
    return params.positions.map((p) => {
      const spans = selectionSpans(ctx.file, offsetOf(ctx, p));
      let parent: SelectionRange | undefined;
      for (let i = spans.length - 1; i >= 0; i--) parent = { range: range(ctx, spans[i]), parent };
      return parent!;
    });
  });

  const format = (uri: string, options: { tabSize: number; insertSpaces: boolean }, lines?: { start: number; end: number }) => {
    const ctx = host.context(uri);
    if (!ctx || ctx.file.kind !== 'emqx-conf' || ctx.file.format !== 'hocon') return [];
    const indent = options.insertSpaces ? ' '.repeat(options.tabSize) : '\t';
    const index = new LineIndex(ctx.file.text);
    return formatHocon(ctx.file.doc, { indent, lines }).map((e) => ({ range: { start: index.positionAt(e.offset), end: index.positionAt(e.offset + e.length) }, newText: e.newText }));
  };
  connection.onDocumentFormatting((params) => format(params.textDocument.uri, params.options));
  connection.onDocumentRangeFormatting((params) => format(params.textDocument.uri, params.options, { start: params.range.start.line, end: params.range.end.line }));
}

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  key: CompletionItemKind.Property, section: CompletionItemKind.Module, value: CompletionItemKind.Value, unit: CompletionItemKind.Unit,
  snippet: CompletionItemKind.Snippet, flag: CompletionItemKind.Keyword, param: CompletionItemKind.Property, directive: CompletionItemKind.Property,
};

/** Completion: keys, values, units, flags, directives and the hardened snippets (with fresh secrets on every request). */
function registerCompletion(connection: Connection, host: FeatureHost): void {
  connection.onCompletion((params) => {
    const ctx = host.context(params.textDocument.uri);
    if (!ctx) return [];
    const offset = host.positions.index(ctx.path, ctx.file.text).offsetAt(params.position);
    return completions(ctx, offset, { triggerCharacter: params.context?.triggerCharacter }).map((c): CompletionItem => ({
      label: c.label,
      kind: COMPLETION_KINDS[c.kind],
      ...(c.detail ? { detail: c.detail } : {}),
      ...(c.documentation ? { documentation: { kind: 'markdown', value: c.documentation } } : {}),
      insertTextFormat: c.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      ...(c.replaceSpan
        ? { textEdit: { range: host.positions.range(ctx.path, ctx.file.text, c.replaceSpan), newText: c.insertText } }
        : { insertText: c.insertText }),
      ...(c.filterText ? { filterText: c.filterText } : {}),
      ...(c.sortText ? { sortText: c.sortText } : {}),
    }));
  });
}
