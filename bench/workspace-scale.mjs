// Workspace scale: how the CLI's wall time, CPU time and peak memory grow with the number of deployment
// files (10 to 10,000: deployments of emqx.conf, vm.args, sysctl.conf and emqx.service), and how much
// memory the language server holds once it has published diagnostics for a 1,000-file workspace.
// Every CLI run is its own process (`node dist/cli.js --format json <dir>`); it reports its own peak RSS
// and CPU time through bench/lib/rusage-preload.cjs. The language-server figure comes from a child
// process that drives dist/server.js over stdio and reads the server's /proc/<pid>/status.
// Run through bench/run.mjs, or alone: node bench/workspace-scale.mjs
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild, median } from './lib/child.mjs';
import { writeDeployments } from './lib/generate.mjs';
import { spawnServer, fileUri, processMemoryMB, processCpuMs, withTimeout } from './lib/lsp-client.mjs';

const self = fileURLToPath(import.meta.url);
const here = path.dirname(self);
const root = path.resolve(here, '..');
const CLI = path.join(root, 'dist', 'cli.js');
const PRELOAD = path.join(here, 'lib', 'rusage-preload.cjs');

export const title = 'Workspace scale';

/** File counts and how many CLI runs each gets (the median counts). */
const SIZES = [
  { files: 10, runs: 5 },
  { files: 100, runs: 5 },
  { files: 1_000, runs: 3 },
  { files: 10_000, runs: 1 },
];
const SERVER_FILES = 1_000;

const r2 = (x) => Math.round(x * 100) / 100;
const fmt = (n) => n.toLocaleString('en');

/** One CLI run over `dir`: wall time, CPU time and peak RSS of the CLI process, and its findings. */
function runCli(dir, outFile, usageFile) {
  return new Promise((resolve) => {
    const out = fs.openSync(outFile, 'w');
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--require', PRELOAD, CLI, '--format', 'json', dir], {
      stdio: ['ignore', out, 'pipe'],
      env: { ...process.env, BENCH_RUSAGE_FILE: usageFile },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      fs.closeSync(out);
      // 1 means "findings at or above the fail-on level", which these deployments have.
      if (code !== 0 && code !== 1) return resolve({ ok: false, error: `exit ${code}: ${stderr.trim().split('\n').pop()}` });
      try {
        const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8'));
        resolve({ ok: true, wallMs, cpuMs: usage.userMs + usage.systemMs, maxRssMB: usage.maxRssMB });
      } catch (e) {
        resolve({ ok: false, error: `no resource usage: ${e.message}` });
      }
    });
  });
}

/** Number of findings in the CLI's JSON output, or an error string when it is not the expected JSON. */
function countFindings(outFile) {
  try {
    const findings = JSON.parse(fs.readFileSync(outFile, 'utf8')).findings;
    return Array.isArray(findings) ? findings.length : 'the JSON output has no findings array';
  } catch (e) {
    return `unreadable JSON output: ${e.message}`;
  }
}

export async function run({ log = () => {} } = {}) {
  const figures = [];
  const results = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mqtt-hardening-bench-scale-'));
  try {
    for (const size of SIZES) {
      const dir = path.join(tmp, `files-${size.files}`);
      writeDeployments(dir, size.files);
      const outFile = path.join(tmp, 'out.json');
      const usageFile = path.join(tmp, 'usage.json');
      const name = `${title}: CLI, ${fmt(size.files)} files`;
      const runs = [];
      let error;
      let findings;
      for (let i = 0; i < size.runs && !error; i++) {
        log(`${title}: CLI on ${fmt(size.files)} files, run ${i + 1} of ${size.runs}`);
        const r = await runCli(dir, outFile, usageFile);
        if (!r.ok) error = r.error;
        else runs.push(r);
        if (i === 0 && r.ok) {
          findings = countFindings(outFile);
          if (typeof findings === 'string') error = findings;
        }
      }
      if (error) {
        figures.push({ name: `${name}: wall time`, value: null, unit: 's', note: error });
        results.push(undefined);
        continue;
      }
      const wall = median(runs.map((r) => r.wallMs)) / 1000;
      const cpu = median(runs.map((r) => r.cpuMs)) / 1000;
      const rss = median(runs.map((r) => r.maxRssMB));
      results.push({ files: size.files, wall, cpu, rss });
      const goal = size.files === 1_000 ? '; goal < 2 s' : '';
      figures.push({ name: `${name}: wall time`, value: r2(wall), unit: 's', note: `CPU ${r2(cpu)} s (user + system); median of ${runs.length}; ${fmt(findings)} findings${goal}` });
      figures.push({ name: `${name}: peak RSS`, value: Math.round(rss), unit: 'MB' });
      if (size.files !== SERVER_FILES) fs.rmSync(dir, { recursive: true, force: true });
    }
    for (let i = 1; i < results.length; i++) {
      const [a, b] = [results[i - 1], results[i]];
      if (!a || !b) continue;
      figures.push({
        name: `${title}: CLI growth ${fmt(a.files)} -> ${fmt(b.files)} files, wall time`,
        value: r2(b.wall / a.wall), unit: 'x',
        note: `CPU ${r2(b.cpu / a.cpu)} x, peak RSS ${r2(b.rss / a.rss)} x; linear growth is 10 x (less while start-up dominates)`,
      });
    }

    log(`${title}: language server on ${fmt(SERVER_FILES)} files`);
    const serverDir = path.join(tmp, `files-${SERVER_FILES}`);
    if (!fs.existsSync(serverDir)) writeDeployments(serverDir, SERVER_FILES);
    const s = await runChild(self, ['--server-child', serverDir, String(SERVER_FILES)], { timeoutMs: 300_000 });
    const sname = `${title}: language server, ${fmt(SERVER_FILES)} files`;
    if (!s.ok) figures.push({ name: `${sname}: RSS`, value: null, unit: 'MB', note: s.error });
    else {
      figures.push({ name: `${sname}: initialize -> diagnostics for every file`, value: r2(s.allMs / 1000), unit: 's', note: `server CPU ${r2(s.serverCpuMs / 1000)} s; ${fmt(s.publications)} publishDiagnostics` });
      figures.push({ name: `${sname}: RSS`, value: Math.round(s.rssMB), unit: 'MB', note: `peak (VmHWM) ${Math.round(s.hwmMB)} MB; goal < 150 MB` });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return figures;
}

/** Child process: a server with `dir` as its workspace, until every one of `count` files has diagnostics. */
async function measureServer(dir, count) {
  const seen = new Set();
  let publications = 0;
  let allDone;
  const done = new Promise((resolve) => (allDone = resolve));
  const server = await spawnServer({
    onDiagnostics(p, at) {
      publications++;
      seen.add(p.uri);
      if (seen.size === count) allDone(at);
    },
  });
  try {
    const t0 = performance.now();
    await server.initialize(dir);
    const at = await withTimeout(done, 240_000, () => `diagnostics for ${seen.size} of ${count} files; server stderr: ${server.stderr().slice(-400)}`);
    // Publications of the files outside the workspace would mean the folder walk went astray.
    const outside = [...seen].filter((u) => !u.startsWith(fileUri(dir)));
    if (outside.length) return { ok: false, error: `diagnostics for files outside the workspace, e.g. ${outside[0]}` };
    const mem = processMemoryMB(server.proc.pid);
    return { ok: true, allMs: at - t0, publications, serverCpuMs: processCpuMs(server.proc.pid), rssMB: mem.rssMB, hwmMB: mem.hwmMB };
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  if (process.argv[2] === '--server-child') {
    measureServer(process.argv[3], Number(process.argv[4])).then(
      (r) => console.log(JSON.stringify(r)),
      (e) => console.log(JSON.stringify({ ok: false, error: String(e?.message ?? e).split('\n')[0].slice(0, 300) })),
    );
  } else {
    for (const f of await run({ log: (s) => console.error(s) })) console.log(JSON.stringify(f));
  }
}
