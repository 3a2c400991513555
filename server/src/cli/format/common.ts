import * as path from 'node:path';
import { LineIndex } from '../../core/text';
import type { Finding } from '../../rules/types';

/** Line/column (1-based) of a finding's start and end, computed once per file. */
export class Locator {
  private readonly indexes = new Map<string, LineIndex>();
  constructor(private readonly texts: ReadonlyMap<string, string>) {}

  range(file: string, span: { start: number; end: number }) {
    let index = this.indexes.get(file);
    if (!index) {
      index = new LineIndex(this.texts.get(file) ?? '');
      this.indexes.set(file, index);
    }
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
  texts: ReadonlyMap<string, string>;
  cwd: string;
  color: boolean;
}
