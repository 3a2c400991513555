/**
 * sysctl.conf / sysctl.d/*.conf: `key = value` lines (blanks around `=` optional), `#` and `;` comment
 * lines, an optional leading `-` (a failed write is not an error). Keys may separate with `.` or `/`.
 */
import type { Span, TextEdit } from '../../core/text';
import type { ParseProblem } from '../../core/problems';
import { splitLines, skipBlanks, trimEnd, isBlank, commentAt, shown, insertLineEdit, removeLinesEdits, replaceSpan, indexIn, type LineComment } from '../common/lines';
import { anchorIndex } from '../common/anchor';
import { orderFragments, splitPath } from '../common/loadOrder';
import { isBlank as isBlankChar, trimTrailing } from '../../core/scan';

export interface SysctlEntry extends Span {
  /** The key as written (without the `-` prefix). */
  key: string;
  keySpan: Span;
  /** The key in dotted form, as the kernel's /proc/sys path reads it (see `normalizeSysctlKey`). */
  normalizedKey: string;
  /** The value, trimmed; inner blanks kept (`1024 65535`). */
  value: string;
  /** Zero-width just after `=` when the value is empty. */
  valueSpan: Span;
  /** The line started with `-`: a failed write is ignored. */
  ignoreFailure: boolean;
}

export interface SysctlDocument {
  text: string;
  entries: SysctlEntry[];
  comments: LineComment[];
  /** `sysctl/syntax` problems; parsing never throws. */
  problems: ParseProblem[];
}

const CODE = 'sysctl/syntax';

/**
 * The dotted form of a key. As sysctl.d(5) defines it, when the first separator is `/` the two separators
 * swap roles (`net/ipv4/conf/eth0.100/rp_filter` = `net.ipv4.conf.eth0/100.rp_filter`); otherwise the key
 * is already dotted.
 */
export function normalizeSysctlKey(key: string): string {
  const dot = key.indexOf('.');
  const slash = key.indexOf('/');
  if (slash < 0 || (dot >= 0 && dot < slash)) return key;
  return key.replace(/[./]/g, (c) => (c === '/' ? '.' : '/'));
}

/** Parses a sysctl configuration text. Linear; never throws. */
export function parseSysctl(text: string): SysctlDocument {
  const doc: SysctlDocument = { text, entries: [], comments: [], problems: [] };
  const problem = (start: number, end: number, message: string) => doc.problems.push({ start, end, code: CODE, message });
  for (const line of splitLines(text)) {
    const first = skipBlanks(text, line.start, line.end);
    const end = trimEnd(text, first, line.end);
    if (first === end) continue;
    const c = text.charCodeAt(first);
    if (c === 35 /* # */ || c === 59 /* ; */) {
      doc.comments.push(commentAt(text, first, line.end));
      continue;
    }
    const ignoreFailure = c === 45; /* - */
    const keyStart = skipBlanks(text, ignoreFailure ? first + 1 : first, end);
    const eq = indexIn(text, 61 /* = */, keyStart, end);
    if (eq < 0) {
      problem(first, end, `Expected \`key = value\`: this line has no \`=\`.`);
      continue;
    }
    const keyEnd = trimEnd(text, keyStart, eq);
    if (keyEnd === keyStart) {
      problem(first, eq + 1, 'A setting needs a key before `=`.');
      continue;
    }
    const key = text.slice(keyStart, keyEnd);
    for (let i = keyStart; i < keyEnd; i++) {
      if (isBlank(text.charCodeAt(i))) {
        problem(keyStart, keyEnd, `The key \`${shown(key)}\` contains blanks.`);
        break;
      }
    }
    const valueStart = skipBlanks(text, eq + 1, end);
    doc.entries.push({
      key,
      keySpan: { start: keyStart, end: keyEnd },
      normalizedKey: normalizeSysctlKey(key),
      value: text.slice(valueStart, end),
      valueSpan: { start: valueStart, end: Math.max(valueStart, end) },
      ignoreFailure,
      start: first,
      end,
    });
  }
  return doc;
}

/** The entry that takes effect for a key within one file (the last), compared in dotted form. */
export function lastSysctlEntry(doc: SysctlDocument, key: string): SysctlEntry | undefined {
  const k = normalizeSysctlKey(key);
  for (let i = doc.entries.length - 1; i >= 0; i--) if (doc.entries[i].normalizedKey === k) return doc.entries[i];
  return undefined;
}

/** Sets a key's value on its last entry, or inserts it (as `insertEntry`) when absent. Idempotent. */
export function setValue(doc: SysctlDocument, key: string, value: string): TextEdit[] {
  const entry = lastSysctlEntry(doc, key);
  if (!entry) return insertEntry(doc, key, value);
  if (entry.value === value) return [];
  const glue = entry.valueSpan.start === entry.valueSpan.end && doc.text[entry.valueSpan.start - 1] === '=' && styleOf(doc).includes(' ') ? ' ' : '';
  return replaceSpan(doc.text, entry.valueSpan, glue + value);
}

/**
 * Adds `key = value` after the last `afterKey` entry, else after the entry sharing the longest key
 * prefix (`net.core.*` next to `net.core.*`), else at the end; `=` is spaced as the file spaces it. An
 * existing key is set instead.
 */
export function insertEntry(doc: SysctlDocument, key: string, value: string, afterKey?: string): TextEdit[] {
  if (lastSysctlEntry(doc, key)) return setValue(doc, key, value);
  const at = anchorIndex(doc.entries, (e) => e.normalizedKey, normalizeSysctlKey(key), afterKey === undefined ? undefined : normalizeSysctlKey(afterKey));
  const line = trimTrailing(`${key}${styleOf(doc, doc.entries[at])}${value}`, isBlankChar);
  return [insertLineEdit(doc.text, line, at >= 0 ? doc.entries[at].end : undefined)];
}

/** Removes every line that sets `key` (in either separator form). */
export function removeEntry(doc: SysctlDocument, key: string): TextEdit[] {
  const k = normalizeSysctlKey(key);
  return removeLinesEdits(doc.text, doc.entries.filter((e) => e.normalizedKey === k));
}

/** The `=` with the blanks the neighbour (else the file's last non-empty entry) uses; ` = ` by default. */
function styleOf(doc: SysctlDocument, neighbour?: SysctlEntry): string {
  const candidates = neighbour ? [neighbour, ...doc.entries.slice().reverse()] : doc.entries.slice().reverse();
  for (const e of candidates) {
    if (e.value === '') continue;
    const written = doc.text.slice(e.keySpan.end, e.valueSpan.start);
    if (/^[ \t]*=[ \t]*$/.test(written)) return written;
  }
  return ' = ';
}

/** Directories procps and systemd-sysctl read, highest priority first. */
export const SYSCTL_DIRS = ['/etc/sysctl.d', '/run/sysctl.d', '/usr/local/lib/sysctl.d', '/usr/lib/sysctl.d', '/lib/sysctl.d'];

/**
 * Orders sysctl files as they are applied; settings in later files win.
 *
 * Files in a `sysctl.d` directory merge by file name across {@link SYSCTL_DIRS}: the same name in a
 * higher-priority directory masks the others, and only `*.conf` names are read. A project folder's
 * `sysctl.d` counts as `/etc/sysctl.d` unless its path ends like one of the others (`.../usr/lib/sysctl.d`);
 * a `.conf` file outside any `sysctl.d` is treated like one inside `/etc/sysctl.d`.
 * Files named `sysctl.conf` come last, as procps (`sysctl --system`) applies `/etc/sysctl.conf` after the
 * directories. Note that systemd-sysctl does not read `/etc/sysctl.conf` at all (distributions link it
 * as `/etc/sysctl.d/99-sysctl.conf` to have it applied at boot).
 */
export function sysctlLoadOrder(paths: string[]): string[] {
  const fragments: string[] = [];
  const main: string[] = [];
  for (const p of paths) {
    const { dir, base } = splitPath(p);
    if (base === 'sysctl.conf' && !/(^|\/)sysctl\.d$/.test(dir)) main.push(p);
    else if (base.endsWith('.conf')) fragments.push(p);
  }
  return [...orderFragments(fragments, SYSCTL_DIRS), ...main];
}
