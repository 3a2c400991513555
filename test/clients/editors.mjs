// Helpers shared by the editor test layers (nvim, vscode, ui): installing the editors, temporary
// copies of the example deployment, and the plain "N passed, N failed" summary line.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/**
 * Runs scripts/setup-editors.sh (idempotent; seconds when all is installed) and returns what it
 * exports: NVIM, CHROMIUM, NODE24_BIN, CODE_SERVER.
 * @returns {Record<string, string>}
 */
export function setupEditors() {
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'setup-editors.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scripts/setup-editors.sh failed with exit code ${r.status}`);
  const line = r.stdout.split('\n').find((l) => l.startsWith('export '));
  if (!line) throw new Error(`scripts/setup-editors.sh printed no export line: ${r.stdout}`);
  return Object.fromEntries(
    line
      .slice('export '.length)
      .trim()
      .split(/\s+/)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
}

/** A fresh temporary folder; `prefix` names it. */
export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `mqtt-harden-${prefix}-`));
}

/** Copies examples/ (which tests never modify) into `dest` (created) and returns `dest`. */
export function copyExamples(dest) {
  const src = path.join(ROOT, 'examples');
  if (!fs.existsSync(path.join(src, 'emqx.conf'))) throw new Error(`examples/emqx.conf is missing (looked in ${src})`);
  fs.mkdirSync(dest, { recursive: true });
  fs.cpSync(src, dest, { recursive: true });
  return dest;
}

/** Prints the closing line CI reads and returns the exit code for it. */
export function summary(passed, failed) {
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}
