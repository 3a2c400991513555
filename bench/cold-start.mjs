// Cold start of the language server as an editor meets it: spawn dist/server.js --stdio, initialize with a
// copy of examples/ as the workspace folder, initialized + didOpen of emqx.conf, and the first
// publishDiagnostics for emqx.conf. Every run drives a fresh server from a fresh child process; the
// figure is the median. Extension activation inside VS Code (loading dist/extension.js, starting the
// client) is not part of it.
// Run through bench/run.mjs, or alone: node bench/cold-start.mjs
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild, median } from './lib/child.mjs';
import { spawnServer, fileUri, processMemoryMB, processCpuMs, withTimeout } from './lib/lsp-client.mjs';

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '..');

export const title = 'Language server cold start';

const RUNS = 7;

export async function run({ log = () => {} } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqtt-hardening-bench-cold-'));
  try {
    fs.cpSync(path.join(root, 'examples'), dir, { recursive: true });
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      log(`${title}: run ${i + 1} of ${RUNS}`);
      const r = await runChild(self, ['--child', dir], { timeoutMs: 60_000 });
      if (!r.ok) return [{ name: `${title}: spawn -> first diagnostics for examples/emqx.conf`, value: null, unit: 'ms', note: r.error }];
      runs.push(r);
    }
    const m = (k) => Math.round(median(runs.map((r) => r[k])));
    return [
      {
        name: `${title}: spawn -> first diagnostics for examples/emqx.conf`, value: m('firstMs'), unit: 'ms',
        note: `median of ${RUNS} (${Math.round(Math.min(...runs.map((r) => r.firstMs)))}-${Math.round(Math.max(...runs.map((r) => r.firstMs)))} ms); server CPU ${m('serverCpuMs')} ms; ${runs[0].diagnostics} diagnostics; VS Code extension activation is not included`,
      },
      { name: `${title}: spawn -> initialize result`, value: m('initMs'), unit: 'ms', note: `median of ${RUNS}; server RSS ${m('rssMB')} MB after the first diagnostics` },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Child process: one cold start against the workspace `dir`; prints one JSON line. */
async function measure(dir) {
  const uri = fileUri(path.join(dir, 'emqx.conf'));
  let first;
  const arrived = new Promise((resolve) => (first = resolve));
  const t0 = performance.now();
  const server = await spawnServer({
    onDiagnostics(p, at) {
      if (p.uri === uri) first({ at, count: p.diagnostics.length });
    },
  });
  try {
    await server.initialize(dir);
    const initMs = performance.now() - t0;
    await server.open(uri, 'emqx-hocon', 1, fs.readFileSync(path.join(dir, 'emqx.conf'), 'utf8'));
    const got = await withTimeout(arrived, 30_000, () => `no diagnostics for emqx.conf; server stderr: ${server.stderr().slice(-400)}`);
    const mem = processMemoryMB(server.proc.pid);
    return { ok: true, initMs, firstMs: got.at - t0, diagnostics: got.count, serverCpuMs: processCpuMs(server.proc.pid), rssMB: mem.rssMB };
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  if (process.argv[2] === '--child') {
    measure(process.argv[3]).then(
      (r) => console.log(JSON.stringify(r)),
      (e) => console.log(JSON.stringify({ ok: false, error: String(e?.message ?? e).split('\n')[0].slice(0, 300) })),
    );
  } else {
    for (const f of await run({ log: (s) => console.error(s) })) console.log(JSON.stringify(f));
  }
}
