/**
 * Which current finding a diagnostic sent back by the client stands for. The client's copy can be from an
 * older version of the document (it asks for code actions before the latest diagnostics reached it): then
 * its range points at text that has moved or gone, and actions built from it edit the wrong lines or lines
 * past the end. Only a diagnostic that the current version's findings reproduce exactly (rule and range) is
 * answered; any other is stale and gets no action.
 */
import type { Diagnostic, Range } from 'vscode-languageserver/node';
import type { Finding } from '../rules/types';

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/** The finding of `findings` (one file's, current) that `diagnostic` shows, or undefined when it is stale. */
export function currentFinding(diagnostic: Diagnostic, findings: readonly Finding[], rangeOf: (f: Finding) => Range): Finding | undefined {
  return findings.find((f) => f.ruleId === diagnostic.code && sameRange(rangeOf(f), diagnostic.range));
}
