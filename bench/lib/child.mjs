// Runs one measurement in a fresh Node process, so that heaps, JIT state and peak RSS of different
// parsers and inputs never mix. The child prints one JSON line (its last line of stdout).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

/**
 * Runs `node [nodeArgs] script ...args` and resolves with the parsed JSON of its last stdout line, or
 * with `{ ok: false, error }` when it fails, prints nothing usable or runs past `timeoutMs`.
 */
export function runChild(script, args, { timeoutMs = 60_000, nodeArgs = [], cwd } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) return resolve({ ok: false, error: `did not finish within ${Math.round(timeoutMs / 1000)} s` });
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last));
      } catch {
        const why = err.trim().split('\n').find((l) => /Error|error:/.test(l)) ?? err.trim().split('\n').pop() ?? '';
        resolve({ ok: false, error: `exit ${code}${why ? `: ${why.trim().slice(0, 120)}` : ''}` });
      }
    });
  });
}

/** Peak resident set size of this process so far, in MB (Linux reports maxRSS in KiB). */
export function peakRssMB() {
  return process.resourceUsage().maxRSS / 1024;
}

const schedstat = `/proc/self/task/${process.pid}/schedstat`;
const haveSchedstat = fs.existsSync(schedstat);

/**
 * CPU time so far, in ms: of the main thread where Linux tells it (its GC helper threads excluded), else
 * of the whole process.
 */
export function threadCpuMs() {
  if (haveSchedstat) return Number(fs.readFileSync(schedstat, 'utf8').split(' ')[0]) / 1e6;
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Median of a non-empty list of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The value at quantile q (0..1) of a non-empty list, nearest rank. */
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
