/**
 * Parsing a file again after an edit, for the language server's keystroke path: an emqx-conf file in
 * HOCON re-reads only the block around the edit (hocon/incremental/reparse.ts), and the 4.x-or-HOCON verdict is
 * kept from per-line counts, counting again only the lines the edit touched. The result always equals
 * what parseFile gives for the new text.
 */
import type { FileKind } from './fileKind';
import { changedRegion, type ChangedRegion } from '../core/textDiff';
import { reparseHoconAt } from './hocon/incremental/reparse';
import { countLines, firstLineStart, isEmqx4, type LineCounts } from './emqx4';
import { parseFile, type ParsedFile, type ParsedHocon } from '.';

/** A file's last parse, kept for its next edit. */
export interface KeptParse {
  text: string;
  parsed: ParsedFile | undefined;
  /** The format detector's line counts of `text` (emqx-conf files not named *.hocon). */
  lines?: LineCounts;
}

/**
 * parseFile(file, text, kind), re-using `prev`, the kept parse of the same file's previous text. When its
 * HOCON tree is re-used, the previous ParsedFile's document is invalidated (see hocon/incremental/reparse.ts).
 */
export function parseAgain(prev: KeptParse | undefined, file: string, text: string, kind: FileKind): KeptParse {
  if (kind !== 'emqx-conf') return { text, parsed: parseFile(file, text, kind) };
  const detects = !file.endsWith('.hocon');
  try {
    const old = prev?.parsed?.file === file && prev.parsed.kind === 'emqx-conf' ? prev : undefined;
    const region = old ? changedRegion(old.text, text) : undefined;
    let lines: LineCounts | undefined;
    if (detects) lines = old?.lines && region ? recount(old.lines, old.text, text, region) : countLines(text, firstLineStart(text), text.length);
    const emqx4 = lines !== undefined && isEmqx4(lines);
    const oldHocon = old?.parsed?.kind === 'emqx-conf' && old.parsed.format === 'hocon' ? old.parsed : undefined;
    if (oldHocon && region && !emqx4) {
      const reparsed = reparseHoconAt(oldHocon.doc, text, region);
      if (reparsed) {
        const { doc, replacement } = reparsed;
        const parsed: ParsedHocon = { file, text, kind, format: 'hocon', doc, problems: doc.problems, replacement };
        return { text, parsed, lines };
      }
    }
    return { text, parsed: parseFile(file, text, kind, emqx4), lines };
  } catch {
    // A bug here must cost speed, never a wrong parse.
    return { text, parsed: parseFile(file, text, kind) };
  }
}

const isLineEnd = (c: number) => c === 10 || c === 13;

/** The line counts of `after` from those of `before`: only the lines the edit touched are counted again. */
function recount(counts: LineCounts, before: string, after: string, region: ChangedRegion): LineCounts {
  let from = region.start;
  while (from > 0 && !isLineEnd(before.charCodeAt(from - 1))) from--;
  // The line end at or after the edit: the same character of the common suffix in both texts.
  let last = region.oldEnd;
  while (last < before.length && !isLineEnd(before.charCodeAt(last))) last++;
  const gone = countLines(before, from === 0 ? firstLineStart(before) : from, last);
  const come = countLines(after, from === 0 ? firstLineStart(after) : from, last + region.newEnd - region.oldEnd);
  return { hocon: counts.hocon - gone.hocon + come.hocon, flat: counts.flat - gone.flat + come.flat };
}
