// The CLI in-process, as the CLI tests drive it: arguments in, exit code and both streams out.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../server/src/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export function runCli(args: string[], cwd: string): CliRun {
  let out = '';
  let err = '';
  const code = main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}

/** A fresh temporary folder holding `files` (paths relative to it). */
export function tempDeployment(files: Record<string, string>, prefix = 'mqtt-harden-cli-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}
