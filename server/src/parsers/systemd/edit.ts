/** Minimal text edits for unit files. Each function is idempotent: applied twice, it changes nothing more. */
import type { TextEdit } from '../../core/text';
import { eolOf, insertLineEdit, removeLinesEdits, replaceSpan } from '../common/lines';
import { entriesOf, sectionsNamed, type UnitDocument } from './parse';

/**
 * Sets `key` in `section` to `value` on its last assignment (a continued value is replaced whole), or
 * inserts it when absent (creating the section if needed). For list directives such as `Environment=`
 * prefer `insertDirective`, which adds a line.
 */
export function setDirective(doc: UnitDocument, section: string, key: string, value: string): TextEdit[] {
  const entries = entriesOf(doc, section, key);
  const last = entries[entries.length - 1];
  if (!last) return insertDirective(doc, section, key, value);
  return replaceSpan(doc.text, last.valueSpan, value);
}

/**
 * Adds `Key=Value` after the last assignment of the last `[section]` (right after its header when it
 * has none). When the unit has no such section, `[section]` is appended at the end after a blank line.
 * Nothing happens when the section already has exactly this assignment.
 */
export function insertDirective(doc: UnitDocument, section: string, key: string, value: string): TextEdit[] {
  if (entriesOf(doc, section, key).some((e) => e.value === value)) return [];
  const line = `${key}=${value}`;
  const sections = sectionsNamed(doc, section);
  const target = sections[sections.length - 1];
  if (target) return [insertLineEdit(doc.text, line, target.end)];
  const text = doc.text;
  const eol = eolOf(text);
  const body = `[${section}]${eol}${line}${eol}`;
  if (text.length === 0 || text === '\uFEFF') return [{ offset: text.length, length: 0, newText: body }];
  const endsWithEol = /[\r\n]$/.test(text);
  const endsWithBlank = /(\r\n|\r|\n)[ \t]*(\r\n|\r|\n)$/.test(text.slice(-8));
  const lead = endsWithBlank ? '' : endsWithEol ? eol : eol + eol;
  return [{ offset: text.length, length: 0, newText: lead + body }];
}

/** Removes the assignments of `key` in `section` (only those with `value` when given), whole logical lines. */
export function removeDirective(doc: UnitDocument, section: string, key: string, value?: string): TextEdit[] {
  const doomed = entriesOf(doc, section, key).filter((e) => value === undefined || e.value === value);
  return removeLinesEdits(doc.text, doomed);
}
