/**
 * Parser for systemd unit files and drop-ins, following systemd's own config parser: `[Section]`
 * headers, `Key=Value` assignments (repeats kept in order), `#`/`;` comment lines, and continuations (a
 * line ending in an odd number of backslashes goes on; the backslash becomes a space; comment lines
 * inside a continuation are skipped).
 */
import type { Span } from '../../core/text';
import type { ParseProblem } from '../../core/problems';
import { splitLines, skipBlanks, trimEnd, commentAt, shown, type LineComment, type RawLine } from '../common/lines';

export interface UnitEntry extends Span {
  key: string;
  keySpan: Span;
  /** The value with continuations joined (each `\` + line break read as a space) and blanks trimmed. */
  value: string;
  /** From the value's first character to its last, across continuation lines; zero-width when empty. */
  valueSpan: Span;
}

export interface UnitSection extends Span {
  /** The name between the brackets (`Service`). */
  name: string;
  nameSpan: Span;
  entries: UnitEntry[];
}

export interface UnitDocument {
  text: string;
  sections: UnitSection[];
  comments: LineComment[];
  /** `systemd/syntax` problems; parsing never throws. */
  problems: ParseProblem[];
}

const CODE = 'systemd/syntax';

/** Parses a unit file or drop-in. Linear; never throws. */
export function parseUnit(text: string): UnitDocument {
  const doc: UnitDocument = { text, sections: [], comments: [], problems: [] };
  const problem = (start: number, end: number, message: string) => doc.problems.push({ start, end, code: CODE, message });
  let section: UnitSection | undefined;
  let pending: Span[] | undefined; // content spans of a logical line still being continued
  const lines = splitLines(text);
  for (let n = 0; n < lines.length; n++) {
    const line: RawLine = lines[n];
    const first = skipBlanks(text, line.start, line.end);
    const c = text.charCodeAt(first);
    if (first < line.end && (c === 35 /* # */ || c === 59 /* ; */)) {
      doc.comments.push(commentAt(text, first, line.end));
      continue;
    }
    const segment = { start: pending ? line.start : first, end: trimEnd(text, first, line.end) };
    if (!pending && segment.start === segment.end) continue;
    const segments = pending ?? [];
    segments.push(segment);
    if (continues(text, segment) && n + 1 < lines.length) {
      pending = segments;
      continue;
    }
    pending = undefined;
    section = finishLine(segments);
  }
  // A continuation followed only by comment lines up to the end still ends its logical line; its
  // trailing backslash continues into nothing, so it is left out of the value.
  if (pending) {
    const last = pending[pending.length - 1];
    pending[pending.length - 1] = { start: last.start, end: trimEnd(text, last.start, last.end - 1) };
    const before = section?.entries.length ?? 0;
    const after = finishLine(pending);
    // The backslash is no part of the value, but it is part of the assignment's line.
    const entry = after?.entries.length !== before ? after?.entries[after.entries.length - 1] : undefined;
    if (entry && after) after.end = entry.end = last.end;
  }
  return doc;

  /** Reads one logical line (a header or an assignment) and returns the section that follows it. */
  function finishLine(segments: Span[]): UnitSection | undefined {
    const start = segments[0].start;
    const end = segments[segments.length - 1].end;
    if (text.charCodeAt(start) === 91 /* [ */) {
      const close = end - 1;
      if (text.charCodeAt(close) !== 93 /* ] */ || close === start) {
        problem(start, end, 'Invalid section header: expected `[Name]` with nothing after the `]`.');
        return undefined;
      }
      const header: UnitSection = { name: text.slice(start + 1, close), nameSpan: { start: start + 1, end: close }, entries: [], start, end };
      doc.sections.push(header);
      return header;
    }
    const entry = readAssignment(text, segments, problem);
    if (!entry) return section;
    if (!section) {
      problem(entry.start, entry.end, `\`${shown(entry.key)}=\` is outside any section; systemd ignores it. Put it under a header such as \`[Service]\`.`);
      return section;
    }
    section.entries.push(entry);
    section.end = entry.end;
    return section;
  }
}

/** True when a line ends with an odd number of backslashes (an even number is escaped backslashes). */
function continues(text: string, segment: Span): boolean {
  let count = 0;
  for (let i = segment.end - 1; i >= segment.start && text.charCodeAt(i) === 92; i--) count++;
  return count % 2 === 1;
}

/** Reads `Key=Value` from the segments of one logical line. */
function readAssignment(text: string, segments: Span[], problem: (start: number, end: number, message: string) => void): UnitEntry | undefined {
  const start = segments[0].start;
  const end = segments[segments.length - 1].end;
  // Content of each segment without its continuation backslash.
  const content = segments.map((s, i) => ({ start: s.start, end: i < segments.length - 1 ? s.end - 1 : s.end }));
  let eq = -1;
  let eqSegment = 0;
  for (let i = 0; i < content.length && eq < 0; i++) {
    for (let j = content[i].start; j < content[i].end; j++) {
      if (text.charCodeAt(j) === 61 /* = */) {
        eq = j;
        eqSegment = i;
        break;
      }
    }
  }
  if (eq < 0) {
    problem(start, end, 'Missing `=`: a line in a unit file is a `[Section]` header, a `Key=Value` assignment or a comment.');
    return undefined;
  }
  const keyEnd = eqSegment === 0 ? trimEnd(text, start, eq) : trimEnd(text, start, content[0].end);
  const key = text.slice(start, keyEnd);
  if (key === '' || /\s/.test(key)) {
    problem(start, eq + 1, key === '' ? 'Missing key before `=`.' : `Invalid key \`${shown(key)}\`: keys have no blanks.`);
    return undefined;
  }
  const parts: string[] = [];
  let valueStart = -1;
  for (let i = eqSegment; i < content.length; i++) {
    const from = i === eqSegment ? eq + 1 : content[i].start;
    parts.push(text.slice(from, content[i].end));
    if (valueStart < 0) {
      const s = skipBlanks(text, from, content[i].end);
      if (s < content[i].end) valueStart = s;
    }
  }
  const joined = parts.join(' ');
  const value = joined.slice(skipBlanks(joined, 0, joined.length), trimEnd(joined, 0, joined.length));
  const valueEnd = valueStart < 0 ? eq + 1 : trimEnd(text, valueStart, content[content.length - 1].end);
  if (valueStart < 0) valueStart = eq + 1;
  return { key, keySpan: { start, end: keyEnd }, value, valueSpan: { start: valueStart, end: Math.max(valueStart, valueEnd) }, start, end };
}

/** Every section with `name` (a name may appear more than once; systemd merges them). */
export function sectionsNamed(doc: UnitDocument, name: string): UnitSection[] {
  return doc.sections.filter((s) => s.name === name);
}

/** Every assignment of `key` in the sections named `section`, in file order. */
export function entriesOf(doc: UnitDocument, section: string, key: string): UnitEntry[] {
  return sectionsNamed(doc, section).flatMap((s) => s.entries.filter((e) => e.key === key));
}
