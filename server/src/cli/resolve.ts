/** `mqtt-harden resolve FILE`: the configuration EMQX would load from FILE, as JSON, with secret values redacted. */
import type { Io } from './io';
import { resolveHocon, toPlain } from '../parsers/hocon';
import { sandboxedFileReader } from '../host/fileReader';
import { readTextFile } from '../workspace/discover';
import { LineIndex } from '../core/text';
import { displayPath } from './format/common';
import { Sandbox, workspaceRoots } from '../core/sandbox';
import { concealPlain, isSecretName, SecretRedactor } from '../core/secrets';
import { hoconSecretValues } from '../model/secretValues';
import { printable, printableLine } from '../core/printable';

export function resolveCommand(file: string, io: Io): number {
  const sandbox = new Sandbox(workspaceRoots([file]));
  const reader = sandboxedFileReader(sandbox);
  const { error, refused } = readTextFile(file, sandbox);
  if (error !== undefined || refused !== undefined) {
    io.err(`mqtt-harden: cannot read ${printableLine(file)}: ${printable(error ?? refused!)}\n`);
    return 2;
  }
  const result = resolveHocon([file], reader, { env: process.env });
  const secrets = new Set<string>();
  for (const doc of result.documents.values()) hoconSecretValues(doc, secrets);
  for (const [name, value] of Object.entries(process.env)) if (name.startsWith('EMQX_') && isSecretName(name) && value) secrets.add(value);
  const redactor = new SecretRedactor(secrets);
  io.out(JSON.stringify(concealPlain(toPlain(result.root), redactor), null, 2) + '\n');
  const problems = result.problems;
  const errors = problems.filter((p) => (p.severity ?? 'error') === 'error');
  for (const p of problems) {
    const text = result.documents.get(p.file)?.text ?? '';
    const pos = new LineIndex(text).positionAt(p.start);
    io.err(`${printableLine(displayPath(p.file, io.cwd))}:${pos.line + 1}:${pos.character + 1}: ${p.severity ?? 'error'}: ${printable(redactor.conceal(p.message))} (${p.code})\n`);
  }
  return errors.length > 0 ? 1 : 0;
}
