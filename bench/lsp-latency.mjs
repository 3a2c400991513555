// Editing latency over the real LSP transport: dist/server.js over stdio, a workspace holding a generated
// emqx.conf of 1,000 or 10,000 lines, which is opened and then edited one character at a time
// (incremental didChange, alternately inserting and deleting a character inside a string value, so the
// text stays valid). Each latency runs from sending didChange to receiving the publishDiagnostics of that
// document version. The client runs in its own child process (and the server in its own), so no other
// benchmark's heap or JIT state shares their processes.
// Run through bench/run.mjs, or alone: node bench/lsp-latency.mjs
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild, median, quantile } from './lib/child.mjs';
import { largeEmqxConf } from './lib/generate.mjs';
import { spawnServer, fileUri, processMemoryMB, processCpuMs, withTimeout } from './lib/lsp-client.mjs';

const self = fileURLToPath(import.meta.url);

export const title = 'LSP editing latency';

/** File sizes in lines: the 10,000-line file is the goal's; 1,000 lines is a large hand-written emqx.conf. */
const SIZES = [1_000, 10_000];
const EDITS = 200;
const WAIT_MS = 30_000;

/** Rounds to one decimal. */
const r1 = (x) => Math.round(x * 10) / 10;

export async function run({ log = () => {} } = {}) {
  const figures = [];
  for (const lines of SIZES) figures.push(...(await measureSize(lines, log)));
  return figures;
}

async function measureSize(lines, log) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqtt-hardening-bench-lsp-'));
  try {
    fs.writeFileSync(path.join(dir, 'emqx.conf'), largeEmqxConf(lines));
    log(`${title}: ${lines}-line emqx.conf, ${EDITS} edits`);
    // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") goes to the server's node.
    const r = await runChild(self, ['--child', dir, ...(process.env.BENCH_SERVER_NODE_ARGS ? [process.env.BENCH_SERVER_NODE_ARGS] : [])], { timeoutMs: 300_000 });
    const name = `${title} (${lines.toLocaleString('en')}-line emqx.conf)`;
    if (!r.ok) return [{ name: `${name}: p95`, value: null, unit: 'ms', note: r.error }];
    const cpuNote = `server CPU ${r1(r.serverCpuMsPerEdit)} ms per edit (mean; all threads)`;
    return [
      { name: `${name}: open -> first diagnostics`, value: Math.round(r.openMs), unit: 'ms', note: `${r.diagnostics} diagnostics; ${r.lines} lines, ${Math.round(r.chars / 1000)} KB` },
      { name: `${name}: didChange -> diagnostics, median`, value: r1(r.medianMs), unit: 'ms', note: `${r.edits} one-character edits, one at a time; ${cpuNote}` },
      { name: `${name}: didChange -> diagnostics, p95`, value: r1(r.p95Ms), unit: 'ms', note: `goal < 20 ms; max ${r1(r.maxMs)} ms, first edit ${r1(r.firstMs)} ms` },
      { name: `${name}: server RSS after the edits`, value: Math.round(r.rssMB), unit: 'MB', note: `peak (VmHWM) ${Math.round(r.hwmMB)} MB` },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Child process: drives one server through open + EDITS changes and prints one JSON line. */
async function measure(dir, serverNodeArgs) {
  const file = path.join(dir, 'emqx.conf');
  const uri = fileUri(file);
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');

  // Waiters for the diagnostics of a version of the document.
  let waiter;
  let wrongCount = 0;
  let expectedCount;
  const server = await spawnServer({
    nodeArgs: serverNodeArgs ? serverNodeArgs.split(' ') : [],
    onDiagnostics(p, at) {
      if (p.uri !== uri || !waiter || p.version !== waiter.version) return;
      if (expectedCount !== undefined && p.diagnostics.length !== expectedCount) wrongCount++;
      const w = waiter;
      waiter = undefined;
      w.resolve({ at, count: p.diagnostics.length });
    },
  });
  const waitFor = (version) =>
    withTimeout(new Promise((resolve) => (waiter = { version, resolve })), WAIT_MS, () => `no diagnostics for version ${version}; server stderr: ${server.stderr().slice(-400)}`);

  try {
    await server.initialize(dir);
    let t0 = performance.now();
    const first = waitFor(1);
    await server.open(uri, 'emqx-hocon', 1, text);
    const opened = await first;
    const openMs = opened.at - t0;
    expectedCount = opened.count;

    // Edit sites: the mountpoint values of listeners spread over the whole file.
    const sites = [];
    lines.forEach((l, i) => {
      const m = /^\s*mountpoint = "site\//.exec(l);
      if (m) sites.push({ line: i, character: m[0].length });
    });
    const step = Math.max(1, Math.floor(sites.length / (EDITS / 2)));
    const latencies = [];
    const cpu0 = processCpuMs(server.proc.pid);
    for (let k = 0, version = 1; k < EDITS; k++) {
      const site = sites[((k >> 1) * step) % sites.length];
      const insert = k % 2 === 0;
      const range = insert
        ? { start: site, end: site }
        : { start: site, end: { line: site.line, character: site.character + 1 } };
      version++;
      const got = waitFor(version);
      t0 = performance.now();
      await server.change(uri, version, [{ range, text: insert ? 'x' : '' }]);
      latencies.push((await got).at - t0);
    }
    const serverCpuMsPerEdit = (processCpuMs(server.proc.pid) - cpu0) / EDITS;
    const mem = processMemoryMB(server.proc.pid);
    if (wrongCount) return { ok: false, error: `${wrongCount} edits changed the number of diagnostics (the edited text should stay valid)` };
    return {
      ok: true, lines: lines.length, chars: text.length, diagnostics: opened.count, openMs, edits: EDITS,
      medianMs: median(latencies), p95Ms: quantile(latencies, 0.95), maxMs: Math.max(...latencies), firstMs: latencies[0],
      serverCpuMsPerEdit, rssMB: mem.rssMB, hwmMB: mem.hwmMB,
    };
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  if (process.argv[2] === '--child') {
    measure(process.argv[3], process.argv[4]).then(
      (r) => console.log(JSON.stringify(r)),
      (e) => console.log(JSON.stringify({ ok: false, error: String(e?.message ?? e).split('\n')[0].slice(0, 300) })),
    );
  } else {
    for (const f of await run({ log: (s) => console.error(s) })) console.log(JSON.stringify(f));
  }
}
