// Test layer "vscode": runs test/vscode/suite (mocha, tdd) inside the real VS Code extension host of
// code-server, with this repository as the extension under development and a temporary copy of
// examples/ as the workspace. Same contract as @vscode/test-electron: the suite's index.js exports run().
// Usage: node scripts/test-vscode.mjs   (VERBOSE=1 shows the workbench's own log lines)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { ROOT, setupEditorsOrFail, tempDir, copyExamples, summary } from '../test/clients/editors.mjs';
import { codeServerContext, startCodeServer, launchBrowser, NOISE } from '../test/vscode/codeServer.mjs';

const TIMEOUT_MS = Number(process.env.TEST_TIMEOUT_MS || 300000);
const started = Date.now();
const log = (m) => console.log(`[vscode ${((Date.now() - started) / 1000).toFixed(1)}s] ${m}`);

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run npm run build');
  const editors = await setupEditorsOrFail('vscode', ['code-server']);
  const tmp = tempDir('vscode');
  const ws = copyExamples(path.join(tmp, 'workspace'));
  const ctx = codeServerContext(tmp, editors);
  // Without enable-smoke-test-driver the workbench ignores the extensionDevelopmentPath/extensionTestsPath payload.
  const server = await startCodeServer(ctx, ['--vscode-option', 'enable-smoke-test-driver']);
  log(`code-server up on ${server.origin}; data in ${tmp}`);
  const browser = await launchBrowser(ctx);
  const mocha = { passing: undefined, failing: 0, lines: [] };
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.on('pageerror', (e) => log(`[pageerror] ${e.message}`));
    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    // The workbench forwards the extension host's console (the mocha reporter included) to this function.
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = format(...args);
      if (!process.env.VERBOSE && NOISE.test(line)) return;
      console.log(line);
      const passing = /^\s*(\d+) passing/.exec(line);
      if (passing) mocha.passing = Number(passing[1]);
      const failing = /^\s*(\d+) failing/.exec(line);
      if (failing) mocha.failing = Number(failing[1]);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(path.join(ROOT, 'test', 'vscode', 'suite', 'index.js'))],
      ['skipWelcome', 'true'],
    ]);
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`);
    const timer = setTimeout(() => finish('timeout'), TIMEOUT_MS);
    const code = await finished;
    clearTimeout(timer);
    log(`extension host exited with ${code}`);
    if (code === 'timeout') {
      console.log(`the suite did not finish within ${TIMEOUT_MS / 1000} s (code-server log: ${server.log})`);
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'vscode-timeout.png') }).catch(() => {});
      mocha.failing++;
    } else if (code !== 0 && mocha.failing === 0) {
      console.log(`the extension host exited with ${code} without a mocha failure (code-server log: ${server.log})`);
      mocha.failing++;
    }
  } finally {
    await browser.close().catch(() => {});
    server.stop();
  }
  if (mocha.failing === 0) fs.rmSync(tmp, { recursive: true, force: true });
  return summary(mocha.passing ?? 0, mocha.failing);
}

fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    summary(0, 1);
    process.exit(1);
  },
);
