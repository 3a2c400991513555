/** A half-open range of UTF-16 offsets into a document's text: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** A text edit as data (node-jsonc-parser style): replace `length` characters at `offset` with `newText`. */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

/** A text edit addressed to a file; fixes may touch files other than the one a finding is shown in. */
export interface FileEdit extends TextEdit {
  file: string;
}

/** A zero-based line/character position, as LSP counts it (UTF-16 code units). */
export interface Position {
  line: number;
  character: number;
}

/**
 * Applies non-overlapping edits to a text. Edits are sorted by offset first; for equal offsets the
 * original order is kept, so two insertions at one place appear in the order given.
 * Throws on overlapping edits: that is a programming error in a fix, never a user error.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.offset - b.e.offset || a.i - b.i);
  let out = '';
  let cursor = 0;
  for (const { e } of sorted) {
    if (e.offset < cursor) throw new Error(`overlapping edits at offset ${e.offset}`);
    if (e.offset > text.length || e.offset + e.length > text.length) throw new Error(`edit beyond the end of the text at ${e.offset}`);
    out += text.slice(cursor, e.offset) + e.newText;
    cursor = e.offset + e.length;
  }
  return out + text.slice(cursor);
}

/** Maps offsets to line/character positions and back; lines end at \n, \r\n or a lone \r. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    // Without CR, native searches for LF find the lines several times faster (the editor indexes every version).
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  /** Offset of the first character of a line. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset just before the line's terminator (or the end of the text on the last line). */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/** The line terminator a text mostly uses, so inserted lines match the file. */
export function detectEol(text: string): '\n' | '\r\n' {
  const crlf = text.indexOf('\r\n');
  const lf = text.indexOf('\n');
  return crlf >= 0 && crlf === lf - 1 ? '\r\n' : '\n';
}

/** An empty span widened to the rest of its line (or one character), so a finding at an insertion point stays visible. */
export function widenEmptySpan(text: string, span: Span): Span {
  if (span.end > span.start) return span;
  let end = span.start;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start: span.start, end };
}
