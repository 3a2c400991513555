/**
 * An emqx.conf is read as HOCON or as the 4.x flat format by its lines (parsers/emqx4/detect.ts). A fix that
 * tips that verdict makes the next analysis read the file in the other format, where its lines are
 * syntax errors: renaming `clwster.discovery` to `cluster.discovery` (a 4.x-only key) in a short file did
 * that. Such fixes are not offered. Only the lines a fix touches are classified again, so checking every
 * fix of a large file stays linear.
 */
import type { FileEdit } from '../core/text';
import type { ParsedEmqx4, ParsedFile, ParsedHocon } from '../parsers';
import { countLines, firstLineStart, isEmqx4, type LineCounts } from '../parsers/emqx4';

export class FormatGuard {
  private readonly counts = new Map<string, LineCounts>();
  private readonly byFile: Map<string, ParsedHocon | ParsedEmqx4>;

  constructor(files: readonly ParsedFile[]) {
    // `.hocon` files are always HOCON: no verdict to tip. A file the parser failed on has no verdict either.
    const judged = (f: ParsedFile): f is ParsedHocon | ParsedEmqx4 => f.kind === 'emqx-conf' && !f.file.endsWith('.hocon') && !f.problems.some((p) => p.code === 'internal/rule-error');
    this.byFile = new Map(files.filter(judged).map((f) => [f.file, f]));
  }

  /** Whether applying `edits` leaves every detected file in the format it is read in now. */
  keepsFormat(edits: readonly FileEdit[]): boolean {
    const touched = new Set(edits.map((e) => e.file));
    for (const file of touched) {
      const parsed = this.byFile.get(file);
      if (!parsed) continue;
      const mine = edits.filter((e) => e.file === file);
      if (isEmqx4(this.countsAfter(parsed, mine)) !== (parsed.format === 'emqx4')) return false;
    }
    return true;
  }

  private countsAfter(parsed: ParsedHocon | ParsedEmqx4, edits: FileEdit[]): LineCounts {
    const text = parsed.text;
    let counts = this.counts.get(parsed.file);
    if (!counts) this.counts.set(parsed.file, (counts = countLines(text, firstLineStart(text), text.length)));
    const sorted = [...edits].sort((a, b) => a.offset - b.offset);
    if (sorted.some((e, i) => i > 0 && e.offset < sorted[i - 1].offset + sorted[i - 1].length)) return counts;
    // The lines the edits touch, from the start of the first to the end of the last.
    const from = lineStart(text, sorted[0].offset);
    const last = sorted[sorted.length - 1];
    const to = lineEnd(text, last.offset + last.length);
    let after = text.slice(from, sorted[0].offset);
    sorted.forEach((e, i) => {
      after += e.newText + text.slice(e.offset + e.length, i + 1 < sorted.length ? sorted[i + 1].offset : to);
    });
    const gone = countLines(text, from === 0 ? firstLineStart(text) : from, to);
    const come = countLines(after, from === 0 ? firstLineStart(after) : 0, after.length);
    return { hocon: counts.hocon - gone.hocon + come.hocon, flat: counts.flat - gone.flat + come.flat };
  }
}

function lineStart(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function lineEnd(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

