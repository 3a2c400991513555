/**
 * Moves parts of a HOCON tree by `delta` characters, in place: what follows an edit after an incremental
 * re-parse (reparse.ts). Every span-bearing object of the CST is reached exactly once (the parser
 * shares no node, key, segment or span object between two places).
 */
import type { ParseProblem } from '../../../core/problems';
import type { Span } from '../../../core/text';
import type { HoconField, HoconMember, HoconValue } from '../ast';

/** Shifts members[from..] and everything inside them. */
export function shiftMembersFrom(members: HoconMember[], from: number, delta: number): void {
  if (delta === 0) return;
  for (let i = from; i < members.length; i++) {
    const m = members[i];
    if (m.type === 'field') shiftField(m, delta);
    else {
      m.start += delta;
      m.end += delta;
      m.targetSpan.start += delta;
      m.targetSpan.end += delta;
    }
  }
}

function shiftField(f: HoconField, delta: number): void {
  f.start += delta;
  f.end += delta;
  const key = f.key;
  key.start += delta;
  key.end += delta;
  const segments = key.segments;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    s.start += delta;
    s.end += delta;
  }
  const sep = f.separator;
  if (sep !== null) {
    sep.start += delta;
    sep.end += delta;
  }
  if (f.value !== undefined) shiftValue(f.value, delta);
}

function shiftValue(v: HoconValue, delta: number): void {
  switch (v.type) {
    case 'object':
      v.start += delta;
      v.end += delta;
      shiftMembersFrom(v.members, 0, delta);
      return;
    case 'array':
      v.start += delta;
      v.end += delta;
      shiftValues(v.items, delta);
      return;
    case 'concat':
      v.start += delta;
      v.end += delta;
      shiftValues(v.parts, delta);
      return;
    default:
      v.start += delta;
      v.end += delta;
  }
}

function shiftValues(values: HoconValue[], delta: number): void {
  for (let i = 0; i < values.length; i++) shiftValue(values[i], delta);
}

/** Shifts problems[from..], with the edits of their fixes. */
export function shiftProblems(problems: ParseProblem[], from: number, delta: number): void {
  if (delta === 0) return;
  shiftSpans(problems, from, delta);
  for (let i = from; i < problems.length; i++) {
    const fix = problems[i].fix;
    if (fix) for (const e of fix.edits) e.offset += delta;
  }
}

/** Shifts spans[from..] (comments, problems). */
export function shiftSpans(spans: Span[], from: number, delta: number): void {
  if (delta === 0) return;
  for (let i = from; i < spans.length; i++) {
    const s = spans[i];
    s.start += delta;
    s.end += delta;
  }
}
