/**
 * HOCON formatting: indentation by block depth, one space around `=` / after `:`, no trailing blanks.
 * Only whitespace changes, never inside multi-line strings, and never on a file with syntax problems,
 * so the resolved value cannot change. Idempotent: formatting a formatted file gives no edits.
 */
import { LineIndex, type Span, type TextEdit } from '../core/text';
import type { HoconDocument, HoconValue } from '../parsers/hocon/ast';

export interface FormatOptions {
  /** One level of indentation, e.g. '  ' or '\t'. */
  indent: string;
  /** Limit edits to these lines (range formatting), inclusive, 0-based. */
  lines?: { start: number; end: number };
}

export function formatHocon(doc: HoconDocument, options: FormatOptions): TextEdit[] {
  if (doc.problems.some((p) => p.code === 'hocon/syntax')) return [];
  const text = doc.text;
  const index = new LineIndex(text);
  const lineCount = index.lineCount;
  const depthDiff = new Int32Array(lineCount + 1);
  const frozen = new Uint8Array(lineCount); // lines inside a multi-line string: left exactly as written
  const edits: TextEdit[] = [];
  const lineOf = (o: number) => index.positionAt(o).line;

  const stack: HoconValue[] = [doc.root];
  while (stack.length) {
    const v = stack.pop()!;
    if ((v.type === 'object' && (v.braced || v !== doc.root)) || v.type === 'array') {
      const open = lineOf(v.start);
      const close = lineOf(v.end - 1);
      if (close > open) {
        depthDiff[open + 1]++;
        const closeAtLineStart = text.slice(index.lineStart(close), v.end - 1).trim() === '';
        depthDiff[closeAtLineStart ? close : close + 1]--;
      }
    }
    if (v.type === 'string' && lineOf(v.end) > lineOf(v.start)) for (let l = lineOf(v.start) + 1; l <= lineOf(v.end); l++) frozen[l] = 1;
    if (v.type === 'object') {
      for (const m of v.members) {
        if (m.type !== 'field' || !m.value) continue;
        stack.push(m.value);
        separatorEdits(text, m.key, m.separator, m.value, lineOf, edits);
      }
    } else if (v.type === 'array') stack.push(...v.items);
    else if (v.type === 'concat') stack.push(...v.parts);
  }

  let depth = 0;
  for (let line = 0; line < lineCount; line++) {
    depth += depthDiff[line];
    if (frozen[line]) continue;
    const start = index.lineStart(line);
    const end = index.lineEnd(line);
    const content = text.slice(start, end);
    const lead = /^[ \t]*/.exec(content)![0].length;
    if (lead === content.length) {
      if (content.length) edits.push({ offset: start, length: content.length, newText: '' });
      continue;
    }
    const wanted = options.indent.repeat(Math.max(0, depth));
    if (content.slice(0, lead) !== wanted) edits.push({ offset: start, length: lead, newText: wanted });
    const trail = content.length - content.trimEnd().length;
    if (trail && !frozen[line + 1 < lineCount ? line + 1 : line]) edits.push({ offset: end - trail, length: trail, newText: '' });
  }
  const inRange = (e: TextEdit) => !options.lines || (lineOf(e.offset) >= options.lines.start && lineOf(e.offset) <= options.lines.end);
  return edits.filter(inRange).sort((a, b) => a.offset - b.offset);
}

/** ` = ` around `=`, `: ` after `:`, one space before a `{` that follows a key directly; only on one line. */
function separatorEdits(text: string, key: Span, separator: { kind: string; start: number; end: number } | null, value: Span, lineOf: (o: number) => number, edits: TextEdit[]): void {
  const gap = (from: number, to: number, wanted: string) => {
    const between = text.slice(from, to);
    if (between !== wanted && /^[ \t]*$/.test(between)) edits.push({ offset: from, length: to - from, newText: wanted });
  };
  if (separator) {
    if (separator.kind === '+=' || lineOf(key.end) !== lineOf(value.start)) return;
    gap(key.end, separator.start, separator.kind === ':' ? '' : ' ');
    gap(separator.end, value.start, ' ');
  } else if (lineOf(key.end) === lineOf(value.start)) {
    gap(key.end, value.start, ' ');
  }
}
