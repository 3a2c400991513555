/**
 * Environment files as systemd's `EnvironmentFile=` reads them: `NAME=value` assignments, `#`/`;` comment
 * lines, an optional `export ` prefix (shell style, accepted here), and values that are
 * - unquoted: blanks around trimmed, `\x` keeps `x`, a `\` at the line end continues the value;
 * - single-quoted: verbatim up to the next `'`, line breaks included;
 * - double-quoted: `\` escapes only `$`, `` ` ``, `"`, `\` and a line break (removed); line breaks kept.
 */
import type { Span, TextEdit } from '../../core/text';
import type { ParseProblem } from '../../core/problems';
import { isBlank, shown, insertLineEdit, removeLinesEdits, replaceSpan, type LineComment } from '../common/lines';
import { anchorIndex } from '../common/anchor';

export interface EnvFileEntry extends Span {
  name: string;
  nameSpan: Span;
  /** The value after unquoting and unescaping. */
  value: string;
  /** The value as written (quotes included); zero-width after `=` when empty. */
  valueSpan: Span;
  /** Written with a leading `export `. */
  exported: boolean;
}

export interface EnvFileDocument {
  text: string;
  entries: EnvFileEntry[];
  comments: LineComment[];
  /** `envfile/syntax` problems; parsing never throws. */
  problems: ParseProblem[];
}

const CODE = 'envfile/syntax';
const isEol = (c: number) => c === 10 || c === 13;

/** Parses an environment file. Linear; never throws. */
export function parseEnvFile(text: string): EnvFileDocument {
  const doc: EnvFileDocument = { text, entries: [], comments: [], problems: [] };
  const problem = (start: number, end: number, message: string) => doc.problems.push({ start, end, code: CODE, message });
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lineEnd = (from: number) => {
    while (from < n && !isEol(text.charCodeAt(from))) from++;
    return from;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isBlank(c) || isEol(c)) {
      i++;
      continue;
    }
    if (c === 35 /* # */ || c === 59 /* ; */) {
      // As in systemd, a comment ending in a backslash runs on into the next line.
      let end = lineEnd(i);
      while (end < n && text.charCodeAt(end - 1) === 92) end = lineEnd(end + (text.startsWith('\r\n', end) ? 2 : 1));
      doc.comments.push({ start: i, end, marker: text[i], text: text.slice(i + 1, end) });
      i = end;
      continue;
    }
    const start = i;
    const end = lineEnd(i);
    let eq = i;
    while (eq < end && text.charCodeAt(eq) !== 61 /* = */) eq++;
    if (eq >= end) {
      problem(start, trimRight(text, start, end), 'This line has no `=`: systemd ignores it. Write `NAME=value`.');
      i = end;
      continue;
    }
    let nameStart = start;
    let exported = false;
    const exportMatch = /^export[ \t]+/.exec(text.slice(start, Math.min(eq, start + 64)));
    if (exportMatch) {
      exported = true;
      nameStart = start + exportMatch[0].length;
    }
    const nameEnd = trimRight(text, nameStart, eq);
    const name = text.slice(nameStart, nameEnd);
    const value = readValue(text, eq + 1, problem);
    i = value.next;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      problem(nameStart, name === '' ? eq + 1 : nameEnd, name === '' ? 'Missing variable name before `=`.' : `\`${shown(name)}\` is not a valid variable name (letters, digits and \`_\`, not starting with a digit).`);
      continue;
    }
    doc.entries.push({ name, nameSpan: { start: nameStart, end: nameEnd }, value: value.value, valueSpan: value.span, exported, start, end: value.span.end });
  }
  return doc;
}

function trimRight(text: string, start: number, end: number): number {
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Reads a value from just after `=`; `next` is where scanning resumes (at the ending line break). */
function readValue(text: string, from: number, problem: (s: number, e: number, m: string) => void): { value: string; span: Span; next: number } {
  const n = text.length;
  let i = from;
  let value = '';
  let first = -1;
  let last = from;
  for (;;) {
    while (i < n && isBlank(text.charCodeAt(i))) i++;
    if (i >= n || isEol(text.charCodeAt(i))) break;
    if (first < 0) first = i;
    const q = text[i];
    if (q === "'" || q === '"') {
      const open = i++;
      let closed = false;
      let run = i; // literal text is copied in slices, so long values stay linear
      while (i < n) {
        const ch = text[i];
        if (ch === q) { value += text.slice(run, i); closed = true; i++; break; }
        if (q === '"' && ch === '\\' && i + 1 < n) {
          const e = text[i + 1];
          if (e === '\n' || e === '\r') { value += text.slice(run, i); i += text.startsWith('\r\n', i + 1) ? 3 : 2; run = i; continue; }
          if ('$`"\\'.includes(e)) { value += text.slice(run, i) + e; i += 2; run = i; continue; }
        }
        i++;
      }
      if (!closed) value += text.slice(run, i);
      if (!closed) problem(open, n, `Unclosed ${q === '"' ? 'double' : 'single'} quote: the value runs to the end of the file.`);
      last = i;
      continue;
    }
    // Unquoted: to the line end; `\` + line break continues; trailing blanks are dropped.
    let run = i;
    while (i < n && !isEol(text.charCodeAt(i))) {
      const c = text.charCodeAt(i);
      if (c === 92 /* \\ */ && i + 1 < n) {
        value += text.slice(run, i);
        const e = text[i + 1];
        if (e === '\n' || e === '\r') i += text.startsWith('\r\n', i + 1) ? 3 : 2;
        else { value += e; i += 2; }
        last = run = i;
        continue;
      }
      if (!isBlank(c)) last = i + 1;
      i++;
    }
    if (last > run) value += text.slice(run, last);
    break;
  }
  const start = first < 0 ? from : first;
  return { value, span: { start, end: Math.max(start, last) }, next: i };
}

/** The value as it should be written: bare when it is plain, else double-quoted with escapes. */
export function quoteEnvValue(value: string): string {
  if (/^[A-Za-z0-9_.,:/@%+=-]*$/.test(value)) return value;
  return '"' + value.replace(/[\\"$`]/g, (c) => '\\' + c) + '"';
}

function lastEntry(doc: EnvFileDocument, name: string): EnvFileEntry | undefined {
  for (let k = doc.entries.length - 1; k >= 0; k--) if (doc.entries[k].name === name) return doc.entries[k];
  return undefined;
}

/** Sets a variable on its last assignment (quoting as needed), or inserts it when absent. Idempotent. */
export function setValue(doc: EnvFileDocument, name: string, value: string): TextEdit[] {
  const entry = lastEntry(doc, name);
  if (!entry) return insertEntry(doc, name, value);
  if (entry.value === value) return [];
  return replaceSpan(doc.text, entry.valueSpan, quoteEnvValue(value));
}

/**
 * Adds `NAME=value` after the last `afterName` assignment, else after the one sharing the longest
 * `_`-separated prefix (`EMQX_NODE__COOKIE` next to `EMQX_NODE__NAME`), else at the end, copying the
 * neighbour's `export ` and `=` spacing. An existing name is set instead.
 */
export function insertEntry(doc: EnvFileDocument, name: string, value: string, afterName?: string): TextEdit[] {
  if (lastEntry(doc, name)) return setValue(doc, name, value);
  const dotted = (s: string) => s.replace(/_+/g, '.');
  const at = anchorIndex(doc.entries, (e) => dotted(e.name), dotted(name), afterName === undefined ? undefined : dotted(afterName));
  const model = doc.entries[at] ?? doc.entries[doc.entries.length - 1];
  let separator = '=';
  if (model && model.value !== '') {
    const written = doc.text.slice(model.nameSpan.end, model.valueSpan.start);
    if (/^[ \t]*=[ \t]*$/.test(written)) separator = written;
  }
  const line = `${model?.exported ? 'export ' : ''}${name}${separator}${quoteEnvValue(value)}`;
  return [insertLineEdit(doc.text, line, at >= 0 ? doc.entries[at].end : undefined)];
}

/** Removes every assignment of `name` (multi-line values go whole). */
export function removeEntry(doc: EnvFileDocument, name: string): TextEdit[] {
  return removeLinesEdits(doc.text, doc.entries.filter((e) => e.name === name));
}
