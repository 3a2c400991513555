/** Parses a deployment file by its kind; the one place that knows which parser reads which file. */
import type { FileKind } from '../workspace/fileKinds';
import type { ParseProblem } from '../core/problems';
import type { HoconDocument } from './hocon/ast';
import { parseHocon } from './hocon';

interface ParsedBase {
  file: string;
  text: string;
  problems: ParseProblem[];
}

export interface ParsedHocon extends ParsedBase {
  kind: 'emqx-conf';
  format: 'hocon';
  doc: HoconDocument;
}

export type ParsedFile = ParsedHocon;

/** Parses one file; never throws (a parser bug becomes a problem on the file, not a crash). */
export function parseFile(file: string, text: string, kind: FileKind): ParsedFile | undefined {
  switch (kind) {
    case 'emqx-conf': {
      const doc = parseHocon(text);
      return { file, text, kind, format: 'hocon', doc, problems: doc.problems };
    }
    default:
      return undefined;
  }
}
