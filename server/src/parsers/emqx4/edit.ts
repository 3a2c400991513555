/** Minimal text edits for EMQX 4.x flat configs. Every function is idempotent: applied twice, it changes nothing more. */
import type { TextEdit } from '../../core/text';
import { insertLineEdit, removeLinesEdits, replaceSpan } from '../common/lines';
import { anchorIndex } from '../common/anchor';
import { lastEntry, type Emqx4Document } from './parse';
import { isBlank, trimTrailing } from '../../core/scan';

/**
 * Sets `key` to `value` (raw text, written as is) on the entry that takes effect (the last one).
 * When the key is absent it is inserted as by `insertEntry`.
 */
export function setValue(doc: Emqx4Document, key: string, value: string): TextEdit[] {
  const entry = lastEntry(doc, key);
  if (!entry) return insertEntry(doc, key, value);
  if (entry.value === value) return [];
  const span = entry.valueSpan;
  // `key =` with nothing after: keep a blank between `=` and the new value.
  const glue = span.start === span.end && doc.text[span.start - 1] === '=' ? ' ' : '';
  return replaceSpan(doc.text, span, glue + value);
}

/**
 * Adds `key = value` on a new line after the last `afterKey` entry, else after the entry that shares the
 * longest key prefix (`listener.ssl.external.ciphers` goes after the other `listener.ssl.external.*`),
 * else at the end. The separator copies the file's style. A key that is already present is set instead.
 */
export function insertEntry(doc: Emqx4Document, key: string, value: string, afterKey?: string): TextEdit[] {
  if (lastEntry(doc, key)) return setValue(doc, key, value);
  const at = anchorIndex(doc.entries, (e) => e.key, key, afterKey);
  const style = doc.entries[at] ?? doc.entries[doc.entries.length - 1];
  let separator = ' = ';
  if (style && style.value !== '') {
    const written = doc.text.slice(style.keySpan.end, style.valueSpan.start);
    if (/^[ \t]*=[ \t]*$/.test(written)) separator = written;
  }
  const line = trimTrailing(`${key}${separator}${value}`, isBlank);
  return [insertLineEdit(doc.text, line, at >= 0 ? doc.entries[at].end : undefined)];
}

/** Removes every line that sets `key` (all duplicates, so no older value resurfaces). */
export function removeEntry(doc: Emqx4Document, key: string): TextEdit[] {
  return removeLinesEdits(doc.text, doc.entries.filter((e) => e.key === key));
}
