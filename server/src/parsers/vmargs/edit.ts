/** Minimal text edits for vm.args files. Each function is idempotent: applied twice, it changes nothing more. */
import type { TextEdit } from '../../core/text';
import { insertLineEdit, removeLinesEdits, replaceSpan } from '../common/lines';
import { findFlags, kernelParam, type VmArgsDocument, type VmArgsEntry } from './parse';

/**
 * Sets the arguments of the last `flag` line (e.g. `setFlagArgs(doc, '-setcookie', [cookie])`), or
 * inserts the flag when no line has it.
 */
export function setFlagArgs(doc: VmArgsDocument, flag: string, args: string[]): TextEdit[] {
  const entries = findFlags(doc, flag);
  const entry = entries[entries.length - 1];
  if (!entry) return insertFlag(doc, flag, args);
  const joined = args.join(' ');
  if (entry.args.length === 0) return joined === '' ? [] : [{ offset: entry.flagSpan.end, length: 0, newText: ' ' + joined }];
  const from = entry.args[0].start;
  const to = entry.args[entry.args.length - 1].end;
  if (joined === '') return [{ offset: entry.flagSpan.end, length: to - entry.flagSpan.end, newText: '' }];
  return replaceSpan(doc.text, { start: from, end: to }, joined);
}

/**
 * Sets an application parameter (`-kernel inet_dist_use_interface {10,0,1,5}`). On a one-pair line the
 * whole rest of the line is replaced, which also repairs a term split by spaces; when the parameter is
 * absent a line is added after the application's other lines, else at the end.
 */
export function setAppParam(doc: VmArgsDocument, app: string, key: string, value: string): TextEdit[] {
  const found = kernelParam(doc, app, key);
  if (!found) {
    const flag = '-' + app;
    return insertLine(doc, `${flag} ${key} ${value}`, lastOf(doc, flag));
  }
  const { entry, keyArg, value: valueArg } = found;
  if (!valueArg) return [{ offset: keyArg.end, length: 0, newText: ' ' + value }];
  const end = entry.args[0] === keyArg ? entry.end : valueArg.end;
  return replaceSpan(doc.text, { start: valueArg.start, end }, value);
}

/**
 * Inserts `flag args...` as a new line after the last `afterFlag` line (else after the last line of the
 * same flag, else at the end). Nothing happens when an identical line exists.
 */
export function insertFlag(doc: VmArgsDocument, flag: string, args: string[], afterFlag?: string): TextEdit[] {
  const line = [flag, ...args].join(' ');
  if (doc.entries.some((e) => [e.flag, ...e.args.map((a) => a.text)].join(' ') === line)) return [];
  const anchor = (afterFlag !== undefined ? lastOf(doc, afterFlag) : undefined) ?? lastOf(doc, flag);
  return insertLine(doc, line, anchor);
}

/** Removes every `flag` line, or only those whose first argument is `firstArg` (e.g. one `-kernel` key). */
export function removeFlag(doc: VmArgsDocument, flag: string, firstArg?: string): TextEdit[] {
  const doomed = doc.entries.filter((e) => e.flag === flag && (firstArg === undefined || e.args[0]?.text === firstArg));
  return removeLinesEdits(doc.text, doomed.map((e) => ({ start: e.start, end: lineEndOf(doc, e) })));
}

function lastOf(doc: VmArgsDocument, flag: string): VmArgsEntry | undefined {
  const entries = findFlags(doc, flag);
  return entries[entries.length - 1];
}

function insertLine(doc: VmArgsDocument, line: string, after: VmArgsEntry | undefined): TextEdit[] {
  return [insertLineEdit(doc.text, line, after ? lineEndOf(doc, after) : undefined)];
}

/** The end of an entry's physical line, past any trailing comment. */
function lineEndOf(doc: VmArgsDocument, entry: VmArgsEntry): number {
  let end = entry.end;
  while (end < doc.text.length && doc.text[end] !== '\n' && doc.text[end] !== '\r') end++;
  return end;
}
