import * as path from 'node:path';
import type { Finding } from '../../rules/types';
import { LineIndexes } from '../../host/lineIndexes';

/** Line/column (1-based) of a finding's start and end, each file's line index computed once. */
export class Locator {
  private readonly indexes = new LineIndexes();
  constructor(private readonly textOf: FormatInput['textOf']) {}

  range(file: string, span: { start: number; end: number }) {
    const index = this.indexes.index(file, this.textOf(file) ?? '');
    const s = index.positionAt(span.start);
    const e = index.positionAt(span.end);
    return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  }
}

/** A path as a user wants to read it: relative to the current folder when below it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

export interface FormatInput {
  findings: Finding[];
  /** The text of each file a finding is in (host/analysis.ts textLookup). */
  textOf(file: string): string | undefined;
  cwd: string;
  color: boolean;
}
