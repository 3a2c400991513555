/** Findings -> LSP diagnostics; each carries its fixes as data so code actions need no lookup. */
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { Finding } from '../rules/types';
import type { Severity } from '../core/problems';
import { DIAGNOSTIC_SOURCE } from '../core/product';
import { toWorkspaceEdit, type Positions, type UriMap } from './convert';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries in `data`: the finding's fixes as ready workspace edits. */
export interface DiagnosticData {
  ruleId: string;
  fixes: { title: string; edit: WorkspaceEdit; preferred: boolean; safe: boolean }[];
}

export interface DiagnosticContext {
  textOf(file: string): string | undefined;
  positions: Positions;
  uris: UriMap;
  docsUri(ruleId: string): string;
}

export function toDiagnostic(finding: Finding, ctx: DiagnosticContext): Diagnostic {
  const text = ctx.textOf(finding.file) ?? '';
  const range = ctx.positions.range(finding.file, text, finding.span);
  const related: DiagnosticRelatedInformation[] = (finding.related ?? []).map((r) => ({
    location: { uri: ctx.uris.uriOf(r.file), range: ctx.positions.range(r.file, ctx.textOf(r.file) ?? '', r.span) },
    message: r.message,
  }));
  const data: DiagnosticData = {
    ruleId: finding.ruleId,
    fixes: finding.fixes.map((f) => ({ title: f.title, edit: toWorkspaceEdit(f.edits, ctx.textOf, ctx.positions, ctx.uris), preferred: !!f.preferred, safe: !!f.safe })),
  };
  return {
    range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ctx.docsUri(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...(related.length ? { relatedInformation: related } : {}),
    data,
  };
}
