/** Reading the values of `Environment=` and `EnvironmentFile=` with systemd's quoting rules. */
import type { Span } from '../../core/text';
import type { ParseProblem } from '../../core/problems';
import { shown } from '../common/lines';

export interface EnvironmentAssignment extends Span {
  /** The variable name. */
  name: string;
  /** The value after unquoting and unescaping. */
  value: string;
  nameSpan: Span;
}

const C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', s: ' ', '\\': '\\', '"': '"', "'": "'" };

/**
 * Splits an `Environment=` value into its assignments, as systemd does: words separated by blanks,
 * single or double quotes grouping anywhere in a word (`"A=1 2"`, `B='x y'`, `C=3`), C-style backslash
 * escapes. Offsets are `valueStart` + the index in `value`, so pass `entry.value` with
 * `entry.valueSpan.start`; for a value continued over several lines pass the raw text
 * (`text.slice(valueSpan.start, valueSpan.end)`), in which a backslash before a line break separates
 * words. Words that are not `NAME=value` are skipped and reported into `problems` when given.
 */
export function parseEnvironmentValue(value: string, valueStart: number, problems?: ParseProblem[]): EnvironmentAssignment[] {
  const out: EnvironmentAssignment[] = [];
  const report = (start: number, end: number, message: string) =>
    problems?.push({ start: valueStart + start, end: valueStart + end, code: 'systemd/syntax', message });
  let i = 0;
  const n = value.length;
  const blank = (k: number) => {
    const c = value[k];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') return 1;
    if (c === '\\' && (value[k + 1] === '\n' || value[k + 1] === '\r')) return 1;
    return 0;
  };
  while (i < n) {
    while (i < n && blank(i)) i++;
    if (i >= n) break;
    const start = i;
    let word = '';
    let quote: string | undefined;
    let eqAt = -1; // offset in `value` of the first unquoted-or-quoted `=` of the word
    let eqInWord = -1;
    while (i < n && (quote !== undefined || !blank(i))) {
      const c = value[i];
      if (quote === undefined && (c === '"' || c === "'")) {
        quote = c;
        i++;
      } else if (quote !== undefined && c === quote) {
        quote = undefined;
        i++;
      } else if (c === '\\' && quote !== "'" && i + 1 < n) {
        const e = value[i + 1];
        if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(value.slice(i + 2, i + 4))) {
          word += String.fromCharCode(parseInt(value.slice(i + 2, i + 4), 16));
          i += 4;
        } else {
          word += C_ESCAPES[e] ?? e;
          i += 2;
        }
      } else {
        if (c === '=' && eqInWord < 0) {
          eqInWord = word.length;
          eqAt = i;
        }
        word += c;
        i++;
      }
    }
    if (quote !== undefined) {
      report(start, i, `Unclosed ${quote === '"' ? 'double' : 'single'} quote: systemd ignores this assignment.`);
      continue;
    }
    if (eqInWord <= 0) {
      report(start, i, `\`${shown(word)}\` is not an assignment: expected \`NAME=value\`.`);
      continue;
    }
    const name = word.slice(0, eqInWord);
    if (/[\x00-\x1f\x7f\s]/.test(name)) {
      report(start, eqAt, `\`${shown(name)}\` is not a valid variable name.`);
      continue;
    }
    const nameStart = value[start] === '"' || value[start] === "'" ? start + 1 : start;
    out.push({ name, value: word.slice(eqInWord + 1), start: valueStart + start, end: valueStart + i, nameSpan: { start: valueStart + nameStart, end: valueStart + eqAt } });
  }
  return out;
}

/** An `EnvironmentFile=` value: a path, optional when prefixed with `-`. */
export interface EnvironmentFileRef {
  path: string;
  /** `-` prefix: a missing file is not an error. */
  optional: boolean;
  pathSpan: Span;
}

/** Reads an `EnvironmentFile=` value (one path per assignment), or undefined for an empty (reset) value. */
export function parseEnvironmentFileValue(value: string, valueStart: number): EnvironmentFileRef | undefined {
  const optional = value.startsWith('-');
  const from = optional ? 1 : 0;
  const path = value.slice(from);
  if (path === '') return undefined;
  return { path, optional, pathSpan: { start: valueStart + from, end: valueStart + value.length } };
}
