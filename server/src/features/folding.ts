/** Folding ranges: multi-line HOCON blocks, arrays and triple-quoted strings, unit sections, and runs of comment lines. */
import { LineIndex, type Span } from '../core/text';
import type { ParsedFile } from '../parsers';
import type { HoconValue } from '../parsers/hocon/ast';

export interface FoldingRangeData {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

export function foldingRanges(file: ParsedFile): FoldingRangeData[] {
  const index = new LineIndex(file.text);
  const ranges: FoldingRangeData[] = [];
  const add = (span: Span, kind?: FoldingRangeData['kind']) => {
    const startLine = index.positionAt(span.start).line;
    // A block's closing brace stays visible: fold up to the line before it.
    const endLine = index.positionAt(span.end).line - (kind ? 0 : 1);
    if (endLine > startLine) ranges.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  };
  if (file.kind === 'emqx-conf' && file.format === 'hocon') {
    const stack: HoconValue[] = [file.doc.root];
    while (stack.length) {
      const v = stack.pop()!;
      if (v.type === 'object') {
        if (v !== file.doc.root) add(v);
        for (const m of v.members) if (m.type === 'field' && m.value) stack.push(m.value);
      } else if (v.type === 'array') {
        add(v);
        stack.push(...v.items);
      } else if (v.type === 'concat') stack.push(...v.parts);
      else if (v.type === 'string' && v.quoting === 'triple') add({ start: v.start, end: v.end + 1 });
    }
  }
  if (file.kind === 'systemd') for (const s of file.doc.sections) add({ start: s.start, end: s.end }, 'region');
  const comments = 'comments' in file.doc ? (file.doc.comments as Span[]) : [];
  foldCommentRuns(comments, index, ranges);
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** Consecutive comment lines (three or more) fold together. */
function foldCommentRuns(comments: Span[], index: LineIndex, ranges: FoldingRangeData[]): void {
  let runStart = -1;
  let last = -2;
  const flush = () => {
    if (runStart >= 0 && last - runStart >= 2) ranges.push({ startLine: runStart, endLine: last, kind: 'comment' });
  };
  for (const c of comments) {
    const line = index.positionAt(c.start).line;
    if (line !== last + 1) {
      flush();
      runStart = line;
    }
    last = line;
  }
  flush();
}
