// Test layer "setup": the editor setup works when `npm test` starts it, as on a newcomer's machine.
// 1. From inside an npm script, on an empty cache folder, scripts/setup-editors.sh installs Node 24
//    and code-server, and code-server's postinstall runs under Node 24 (its native addons load in
//    Node 24 and not in the Node that runs npm test), whatever npm environment the outer npm passes.
// 2. When the registry cannot be reached, an editor layer says what is missing and fails: it never
//    reports a pass it did not run.
// Usage: node scripts/test-setup.mjs   (prints "N passed, N failed"; exit code 1 on any failure)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, tempDir, summary } from '../test/clients/editors.mjs';

const results = [];
const check = (name, fn) => {
  try {
    fn();
    results.push({ name, ok: true });
  } catch (e) {
    results.push({ name, ok: false, why: e instanceof Error ? e.message : String(e) });
  }
};
const started = Date.now();
const log = (m) => console.log(`[setup ${((Date.now() - started) / 1000).toFixed(0)}s] ${m}`);

// ---- 1. an empty cache, installed from inside `npm run` ------------------------------------------
const cache = tempDir('setup-cache');
// What an outer npm passes down, made explicit so the test does not depend on how it was started:
// npm's user agent naming this Node, NODE, npm_node_execpath, and this Node's folder first on PATH.
const outerNpm = {
  ...process.env,
  EDITORS_CACHE: cache,
  npm_config_user_agent: `npm/11 node/${process.version} linux x64 workspaces/false`,
  NODE: process.execPath,
  npm_node_execpath: process.execPath,
  PATH: `${path.dirname(process.execPath)}:${path.join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}`,
};
log(`npm run setup:editors -- code-server, with EDITORS_CACHE=${cache} (a few minutes)`);
const install = spawnSync('npm', ['run', '--silent', 'setup:editors', '--', 'code-server'], { cwd: ROOT, env: outerNpm, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 1200000 });
log(`setup exited with ${install.status}`);
const exported = Object.fromEntries(
  (install.stdout.split('\n').find((l) => l.startsWith('export ')) ?? 'export')
    .slice('export'.length)
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
);

check('the setup started by npm run exits 0 on an empty cache', () => {
  if (install.status !== 0) throw new Error(`exit ${install.status} ${install.signal ?? ''}\n${install.stderr.slice(-3000)}`);
});

check('code-server is installed into the cache folder that EDITORS_CACHE names', () => {
  const pkg = path.join(cache, 'code-server', 'node_modules', 'code-server', 'package.json');
  if (!fs.existsSync(pkg)) throw new Error(`${pkg} is missing`);
  if (!exported.CODE_SERVER?.startsWith(cache)) throw new Error(`CODE_SERVER=${exported.CODE_SERVER}`);
});

check("code-server's install ran under Node 24", () => {
  const ran = fs.readFileSync(path.join(cache, 'code-server', '.complete'), 'utf8').trim();
  if (!ran.startsWith('v24.')) throw new Error(`the install recorded ${JSON.stringify(ran)}`);
});

check("code-server's postinstall built its native addons against Node 24's headers, not this Node's", () => {
  // The addons are N-API (any Node loads them), so the proof is what node-gyp recorded for the build:
  // the module ABI version and the headers folder of the Node that ran it.
  const gypi = path.join(cache, 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'spdlog', 'build', 'config.gypi');
  if (!fs.existsSync(gypi)) throw new Error(`${gypi} is missing: the addon was not built`);
  const text = fs.readFileSync(gypi, 'utf8');
  const abi = /"node_module_version":\s*(\d+)/.exec(text)?.[1];
  const node24 = path.join(exported.NODE24_BIN ?? '', 'node');
  const want = spawnSync(node24, ['-p', 'process.versions.modules'], { encoding: 'utf8', env: { PATH: process.env.PATH } }).stdout.trim();
  if (!want || abi !== want) throw new Error(`built for module ABI ${abi}, Node 24 is ${want || '(not runnable)'}, this Node is ${process.versions.modules}`);
  if (!text.includes(`"nodedir": "${path.dirname(exported.NODE24_BIN)}"`)) throw new Error(`built against other headers: ${/"nodedir":[^,]*/.exec(text)?.[0]}`);
});

fs.rmSync(cache, { recursive: true, force: true });

// ---- 2. no registry: the layer says what is missing, and fails -----------------------------------
const home = tempDir('setup-offline-home');
const emptyCache = tempDir('setup-offline-cache');
// Port 9 (discard) on loopback: nothing listens, so every registry request is refused at once.
fs.writeFileSync(path.join(home, '.npmrc'), 'registry=http://127.0.0.1:9/\nfetch-retries=0\nfetch-timeout=5000\n');
const offline = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'test-vscode.mjs')], {
  cwd: ROOT,
  env: { ...process.env, HOME: home, EDITORS_CACHE: emptyCache },
  encoding: 'utf8',
  timeout: 300000,
});
check('without a registry the vscode layer fails and names what is missing and how to install it', () => {
  if (offline.status === 0) throw new Error(`it exited 0:\n${offline.stdout.slice(-2000)}`);
  if (!/^0 passed, 1 failed$/m.test(offline.stdout)) throw new Error(`no "0 passed, 1 failed" line:\n${offline.stdout.slice(-2000)}`);
  if (!/missing: Node 24 .*npm install node@24/.test(offline.stdout)) throw new Error(`it did not say that Node 24 is missing and how to install it:\n${offline.stdout.slice(-2000)}`);
  if (/^ok - /m.test(offline.stdout)) throw new Error(`it reported a pass:\n${offline.stdout.slice(-2000)}`);
});
fs.rmSync(home, { recursive: true, force: true });
fs.rmSync(emptyCache, { recursive: true, force: true });

let passed = 0;
let failed = 0;
for (const r of results) {
  console.log(`${r.ok ? 'ok' : 'not ok'} - ${r.name}`);
  if (!r.ok) console.log(r.why.replace(/^/gm, '    '));
  r.ok ? passed++ : failed++;
}
process.exit(summary(passed, failed));
