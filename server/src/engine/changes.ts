/**
 * What an edit changed in the terms rule reads are recorded in (model/observe.ts): the text region and
 * whether the file's layout may have changed. What it changed in the configuration is the tree diff of
 * parsers/hocon/incremental/diff.ts. Positions are compared only inside the edited region: elsewhere they just move.
 */
import type { Span } from '../core/text';
import { changedRegion } from '../core/textDiff';
import { touches } from '../parsers/hocon/incremental/diff';

/** One file's text: [start, oldEnd) of the old text became [start, newEnd) of the new one. */
export interface TextChange {
  file: string;
  start: number;
  oldEnd: number;
  newEnd: number;
  /** True unless the removed or inserted text holds only characters that cannot change the layout. */
  layout: boolean;
}

/** Characters of a key or an unquoted value: changing them cannot move a brace, line, separator or indent. */
const PLAIN = /^[A-Za-z0-9_.\-/@%+]*$/;

/** The one region where two texts differ (common prefix and suffix), or undefined when they are equal. */
export function textChange(file: string, before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const { start, oldEnd, newEnd } = changedRegion(before, after);
  const layout = !PLAIN.test(before.slice(start, oldEnd)) || !PLAIN.test(after.slice(start, newEnd));
  return { file, start, oldEnd, newEnd, layout };
}

/**
 * Where a span of the old text lies in the new one: unchanged before the edit, moved after it, stretched
 * when it strictly encloses it; undefined when it meets the edited text, where only a re-run can tell.
 */
export function shiftSpan(span: Span, change: TextChange): Span | undefined {
  const delta = change.newEnd - change.oldEnd;
  if (span.end < change.start) return span;
  if (span.start > change.oldEnd) return { start: span.start + delta, end: span.end + delta };
  if (span.start < change.start && span.end > change.oldEnd) return { start: span.start, end: span.end + delta };
  return undefined;
}
