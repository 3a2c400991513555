/** Picking where a new `dotted.key` setting goes: next to the setting that shares most of its path. */

/** Number of leading dot-separated segments two keys share. */
export function sharedSegments(a: string, b: string): number {
  const x = a.split('.');
  const y = b.split('.');
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/**
 * The index of the entry a new `key` is best placed after: the last entry of `afterKey` when given and
 * present, else the last entry sharing the longest key prefix (at least one segment), else -1.
 */
export function anchorIndex<T>(entries: readonly T[], keyOf: (e: T) => string, key: string, afterKey?: string): number {
  if (afterKey !== undefined) {
    for (let i = entries.length - 1; i >= 0; i--) if (keyOf(entries[i]) === afterKey) return i;
  }
  let best = -1;
  let bestShared = 0;
  entries.forEach((e, i) => {
    const shared = sharedSegments(keyOf(e), key);
    if (shared >= bestShared && shared > 0) {
      best = i;
      bestShared = shared;
    }
  });
  return best;
}
