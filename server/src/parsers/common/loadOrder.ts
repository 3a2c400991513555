/**
 * The "conf.d" ordering shared by systemd-sysctl, procps and systemd drop-ins: fragments from several
 * directories are merged by file name, a name in a higher-priority directory masks the same name in
 * lower ones, and the survivors apply in name order (later wins).
 */
import { trimLeading, trimTrailing } from '../../core/scan';

/** Splits a path (either slash style) into its directory and base name. */
export function splitPath(path: string): { dir: string; base: string } {
  const p = path.replace(/\\/g, '/');
  const cut = p.lastIndexOf('/');
  return cut < 0 ? { dir: '', base: p } : { dir: p.slice(0, cut), base: p.slice(cut + 1) };
}

/**
 * Orders fragment files. `dirsByPriority` lists directory paths, highest priority first (e.g.
 * `/etc/sysctl.d`); a fragment whose directory ends with one of them (leading slash optional, so a
 * project's `deploy/etc/sysctl.d` counts as `/etc/sysctl.d`) takes that priority, the longest match
 * deciding; any other directory counts as the first (highest-priority) one. For one base name only the
 * highest-priority file is kept (the first given on a tie). Result: ascending by base name.
 */
export function orderFragments(paths: readonly string[], dirsByPriority: readonly string[]): string[] {
  const chosen = new Map<string, { path: string; rank: number }>();
  for (const path of paths) {
    const { dir, base } = splitPath(path);
    const rank = dirRank(dir, dirsByPriority);
    const held = chosen.get(base);
    if (!held || rank < held.rank) chosen.set(base, { path, rank });
  }
  return [...chosen.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, v]) => v.path);
}

const isSlash = (c: string) => c === '/';

function dirRank(dir: string, dirsByPriority: readonly string[]): number {
  const d = '/' + trimTrailing(trimLeading(dir, isSlash), isSlash);
  let best = 0;
  let bestLength = -1;
  dirsByPriority.forEach((candidate, rank) => {
    const c = '/' + candidate.replace(/^\/+/, '');
    if ((d === c || d.endsWith(c)) && c.length > bestLength) {
      best = rank;
      bestLength = c.length;
    }
  });
  return best;
}
