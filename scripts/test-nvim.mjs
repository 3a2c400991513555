// Test layer "nvim": Debian's neovim, headless, as a real third-party LSP client of dist/server.js.
// Each test/clients/<scenario>.lua runs on a temporary copy of examples/ and reports its checks as JSON.
// Usage: node scripts/test-nvim.mjs   (prints "N passed, N failed"; exit code 1 on any failure)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, setupEditorsOrFail, tempDir, copyExamples, summary } from '../test/clients/editors.mjs';

/** Scenario script and the file (relative to the copied examples) it opens. */
const SCENARIOS = [{ lua: 'test/clients/emqx_conf.lua', open: 'emqx.conf' }];

const env = await setupEditorsOrFail('nvim', ['nvim']);
const serverJs = path.join(ROOT, 'dist', 'server.js');
let passed = 0;
let failed = 0;

for (const scenario of SCENARIOS) {
  const tmp = tempDir('nvim');
  const started = Date.now();
  const out = path.join(tmp, 'result.json');
  let checks;
  let problem = '';
  try {
    const ws = copyExamples(path.join(tmp, 'examples'));
    // XDG_* keep neovim's state, cache (lsp.log) and shada out of the home directory.
    const xdg = Object.fromEntries(['CONFIG', 'DATA', 'STATE', 'CACHE'].map((k) => [`XDG_${k}_HOME`, path.join(tmp, k.toLowerCase())]));
    const r = spawnSync(env.NVIM, ['--headless', '--clean', '-n', '-i', 'NONE', '-u', path.join(ROOT, scenario.lua), path.join(ws, scenario.open)], {
      cwd: ws,
      env: { ...process.env, ...xdg, SERVER_JS: serverJs, NODE_BIN: process.execPath, OUT_FILE: out },
      encoding: 'utf8',
      timeout: 180000,
    });
    if (fs.existsSync(out)) checks = JSON.parse(fs.readFileSync(out, 'utf8')).checks;
    else problem = `neovim wrote no result (exit ${r.status}, signal ${r.signal}): ${(r.stderr || r.stdout || '').slice(0, 2000)}`;
  } catch (e) {
    problem = String(e instanceof Error ? e.message : e);
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (!checks) {
    console.log(`not ok - ${scenario.lua}: ${problem}`);
    failed++;
    continue;
  }
  console.log(`# ${scenario.lua} (${secs} s)`);
  for (const c of checks) {
    console.log(`${c.ok ? 'ok' : 'not ok'} - ${c.name}`);
    if (!c.ok) console.log(String(c.why).replace(/^/gm, '    '));
    if (c.ok) passed++;
    else failed++;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

process.exit(summary(passed, failed));
