/** `mqtt-harden resolve FILE`: the configuration EMQX would load from FILE, as JSON. */
import type { Io } from './io';
import { resolveToJson } from '../parsers/hocon';
import { nodeFileReader } from '../host/fileReader';
import { readTextFile } from '../workspace/discover';
import { LineIndex } from '../core/text';
import { displayPath } from './format/common';

export function resolveCommand(file: string, io: Io): number {
  const { error } = readTextFile(file);
  if (error !== undefined) {
    io.err(`mqtt-harden: cannot read ${file}: ${error}\n`);
    return 2;
  }
  const { json, problems } = resolveToJson(file, nodeFileReader, { env: process.env });
  io.out(JSON.stringify(json, null, 2) + '\n');
  const errors = problems.filter((p) => (p.severity ?? 'error') === 'error');
  for (const p of problems) {
    const text = nodeFileReader.read(p.file) ?? '';
    const pos = new LineIndex(text).positionAt(p.start);
    io.err(`${displayPath(p.file, io.cwd)}:${pos.line + 1}:${pos.character + 1}: ${p.severity ?? 'error'}: ${p.message} (${p.code})\n`);
  }
  return errors.length > 0 ? 1 : 0;
}
