import type { FileEdit } from '../../core/text';

/**
 * One fix's edits for several settings, each computed from the same text (as setSetting computes them):
 * insertions at one offset become one edit, in their order, without the empty line that two inserted runs of
 * lines would leave between them (`{}` gets `\n  a = 1\n` and `\n  b = 2\n`: `\n  a = 1\n  b = 2\n`).
 */
export function joinEdits(edits: readonly FileEdit[]): FileEdit[] {
  const out: FileEdit[] = [];
  for (const e of edits) {
    const i = e.length === 0 ? out.findIndex((o) => o.length === 0 && o.file === e.file && o.offset === e.offset) : -1;
    if (i < 0) {
      out.push(e);
      continue;
    }
    const prev = out[i].newText;
    const head = /^[\r\n]/.test(e.newText) ? prev.replace(/(?:\r\n|\n|\r)[ \t]*$/, '') : prev;
    out[i] = { ...out[i], newText: head + e.newText };
  }
  return out;
}
