import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileReader } from '../../../server/src/parsers/hocon';

export const CORPUS = path.resolve('..', 'shared', 'corpus');
export const EMQX_HOCON = path.join(CORPUS, 'hocon', 'emqx-hocon');
export const SAMPLES = path.join(EMQX_HOCON, 'sample-configs');

/** An in-memory reader for hand-written file sets. */
export function memoryReader(files: Record<string, string>): FileReader {
  return { read: (f) => files[f] };
}

/** Every problem range lies inside the text. */
export function rangesInside(problems: Array<{ start: number; end: number }>, length: number): boolean {
  return problems.every((p) => p.start >= 0 && p.end >= p.start && p.end <= length);
}

export function readText(file: string): string {
  return new TextDecoder('utf-8').decode(fs.readFileSync(file));
}
