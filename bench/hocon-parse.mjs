// Parse throughput and peak memory of the HOCON parser against JSON.parse and the npm HOCON peers.
// Needs the bundled parser: npx esbuild server/src/parsers/hocon/index.ts --bundle --platform=node --format=cjs --outfile=out/bench/hocon.js
import { createRequire } from 'node:module';
import { execSync } from 'node:child_process';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function block(i) {
  return `listeners.ssl.l${i} {\n  bind = "0.0.0.0:${8000 + (i % 1000)}"\n  max_connections = ${1000 + i}\n  # listener ${i}\n  ssl_options {\n    verify = verify_peer\n    versions = ["tlsv1.3", "tlsv1.2"]\n    certfile = "\${EMQX_ETC_DIR}/certs/cert.pem"\n    depth = 10\n  }\n  limiter { max_conn_rate = "1000/s" }\n  idle_timeout = 15s\n}\n`;
}

/** An emqx.conf-like document of about `bytes` characters. */
export function emqxLike(bytes) {
  let s = 'node {\n  name = "emqx@127.0.0.1"\n  cookie = "secret"\n}\n';
  for (let i = 0; s.length < bytes; i++) s += block(i);
  return s;
}

function jsonLike(bytes) {
  const o = {};
  for (let i = 0; JSON.stringify(o).length < bytes; i++) o[`k${i}`] = { bind: `0.0.0.0:${i}`, n: i, list: [1, 2, 3], ok: true };
  return JSON.stringify(o);
}

function measure(fn, text, minMs = 300) {
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let runs = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < minMs || runs < 2) {
    fn(text);
    runs++;
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    t = performance.now();
  }
  const mbps = (text.length * runs) / 1e6 / ((t - t0) / 1000);
  return { mbps: +mbps.toFixed(1), peakMB: +((peak - before) / 1e6).toFixed(1) };
}

export async function run({ print = true } = {}) {
  const bundle = path.join(root, 'out', 'bench', 'hocon.js');
  execSync(`npx esbuild server/src/parsers/hocon/index.ts --bundle --platform=node --format=cjs --outfile=${bundle} --log-level=warning`, { cwd: root });
  const { parseHocon } = require(bundle);
  const peers = {};
  try {
    const hp = require('hocon-parser');
    peers['hocon-parser'] = (t) => hp(t);
  } catch {}
  const inputs = { '10KB': emqxLike(10e3), '1MB': emqxLike(1e6), '10MB': emqxLike(10e6), 'json 1MB': jsonLike(1e6) };
  const rows = [];
  for (const [name, text] of Object.entries(inputs)) {
    const row = { input: name, chars: text.length, mqttHarden: measure(parseHocon, text) };
    if (name.startsWith('json')) row['JSON.parse'] = measure(JSON.parse, text);
    if (text.length <= 1.1e6) {
      for (const [p, fn] of Object.entries(peers)) {
        try { row[p] = measure(fn, text, 200); } catch (e) { row[p] = { error: String(e.message ?? e).slice(0, 60) }; }
      }
    }
    rows.push(row);
  }
  if (print) for (const r of rows) console.log(JSON.stringify(r));
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
