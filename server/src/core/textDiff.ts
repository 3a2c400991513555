/** Where two versions of a text differ, found without an edit log (the common prefix and suffix). */

/** [start, oldEnd) of the old text became [start, newEnd) of the new one. */
export interface ChangedRegion {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * Chunk sizes tried in turn. Two slices compared with `===` compare natively (about 8 µs over 200 KB);
 * a charCodeAt loop, or `startsWith(slice, at)`, takes about 650 µs.
 */
const STEPS = [4096, 256, 16, 1];

/**
 * The one region where `before` and `after` differ: the longest common prefix, then the longest common
 * suffix of what remains (so the two never overlap). Equal texts give an empty region at their end.
 */
export function changedRegion(before: string, after: string): ChangedRegion {
  const max = Math.min(before.length, after.length);
  let start = 0;
  for (const step of STEPS) {
    while (start + step <= max && before.slice(start, start + step) === after.slice(start, start + step)) start += step;
  }
  const room = max - start;
  let suffix = 0;
  for (const step of STEPS) {
    while (suffix + step <= room && before.slice(before.length - suffix - step, before.length - suffix) === after.slice(after.length - suffix - step, after.length - suffix)) suffix += step;
  }
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}
