// Helpers shared by the editor test layers (nvim, vscode, ui): installing the editors, temporary
// copies of the example deployment, and the plain "N passed, N failed" summary line.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/**
 * Runs scripts/setup-editors.sh for what a layer needs ('nvim', 'code-server'; idempotent, seconds
 * when all is installed) and returns what it exports: NVIM; CHROMIUM, NODE24_BIN, CODE_SERVER.
 * When the setup cannot install something, the layer cannot run: it prints what is missing and how
 * to install it, then the closing line "0 passed, 1 failed", and exits 1. It never reports a pass.
 * @param {string} layer the test layer, for the message
 * @param {string[]} needs arguments for the setup script
 * @param {Record<string, string>} [env] environment of the setup (default: this process's)
 * @returns {Promise<Record<string, string>>}
 */
export async function setupEditorsOrFail(layer, needs, env = process.env) {
  const r = await runSetup(needs, env);
  if (r.status === 0) {
    const line = r.stdout.split('\n').find((l) => l.startsWith('export '));
    if (line) return parseExports(line);
    r.missing = `scripts/setup-editors.sh printed no export line: ${r.stdout}`;
  }
  console.log(`not ok - ${layer} layer: cannot run, the editors it drives are not installed`);
  console.log(`    ${r.missing ?? `scripts/setup-editors.sh failed with exit code ${r.status} and said nothing about what is missing`}`);
  console.log(summaryLine(0, 1));
  process.exit(1);
}

/**
 * The setup script as a child process; its progress streams to stderr as it comes.
 * @returns {Promise<{ status: number | null, stdout: string, missing?: string }>}
 */
export function runSetup(needs, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn('bash', [path.join(ROOT, 'scripts', 'setup-editors.sh'), ...needs], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      process.stderr.write(d);
    });
    child.on('close', (status) => {
      const missing = stderr.split('\n').findLast((l) => l.startsWith('setup-editors: missing:'));
      resolve({ status, stdout, ...(missing ? { missing } : {}) });
    });
  });
}

function parseExports(line) {
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
  console.log(summaryLine(passed, failed));
  return failed === 0 && passed > 0 ? 0 : 1;
}

/** The plain closing line CI reads. */
export function summaryLine(passed, failed) {
  return `${passed} passed, ${failed} failed`;
}
