/** Selection ranges for HOCON: from the word under the cursor out through value, field, block and file. */
import type { Span } from '../core/text';
import type { ParsedFile } from '../parsers';
import { locate } from './cursorLocation';

/** Spans from innermost to outermost, each containing the previous one. */
export function selectionSpans(file: ParsedFile, offset: number): Span[] {
  const spans: Span[] = [];
  if (file.kind === 'emqx-conf' && file.format === 'hocon') {
    const loc = locate(file.doc, offset);
    const segment = loc.part === 'key' ? loc.field?.key.segments.find((s) => s.start <= offset && offset <= s.end) : undefined;
    if (segment) spans.push(segment);
    if (loc.part === 'key' && loc.field) spans.push(loc.field.key);
    if (loc.value) spans.push(loc.value);
    for (const s of [...loc.chain].reverse()) spans.push(s);
  } else {
    const entries: Span[] = 'entries' in file.doc ? (file.doc.entries as Span[]) : [];
    const line = entries.find((e) => e.start <= offset && offset <= e.end);
    if (line) spans.push(line);
  }
  spans.push({ start: 0, end: file.text.length });
  // Keep a strictly growing chain: drop duplicates and spans that do not contain the previous one.
  const chain: Span[] = [];
  for (const s of spans) {
    const last = chain[chain.length - 1];
    if (!last || (s.start <= last.start && s.end >= last.end && (s.start !== last.start || s.end !== last.end))) chain.push(s);
  }
  return chain;
}
