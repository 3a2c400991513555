/**
 * Parser for Erlang `vm.args` files (read by `erl -args_file`): one flag per line with its arguments,
 * `#` comments. As in erlexec, an unescaped `#` starts a comment wherever it appears and `\` escapes the
 * next character. Build templates (`{{ var }}`, `<%= expr %>`) and double-quoted text are kept as one
 * argument, spaces included, so an unrendered template is a value to report, never a crash.
 */
import type { Span } from '../../core/text';
import type { ParseProblem } from '../../core/problems';
import { splitLines, isBlank, shown, type LineComment } from '../common/lines';

export interface VmArg extends Span {
  /** The argument as written (quotes and escapes kept). */
  text: string;
  /** True when the argument contains a `{{ }}` or `<% %>` build template. */
  template?: boolean;
}

export interface VmArgsEntry extends Span {
  /** The flag as written, with its `-` or `+` (`-kernel`, `+P`, `-setcookie`). */
  flag: string;
  flagSpan: Span;
  args: VmArg[];
}

export interface VmArgsDocument {
  text: string;
  entries: VmArgsEntry[];
  comments: LineComment[];
  /** `vmargs/syntax` problems; parsing never throws. */
  problems: ParseProblem[];
}

const CODE = 'vmargs/syntax';

/** How many arguments a well-known flag takes: [min, max]. Other flags are not checked. */
const ARITY: Record<string, [number, number]> = {
  '-setcookie': [1, 1], '-name': [1, 1], '-sname': [1, 1], '-env': [2, 2], '-proto_dist': [1, 1],
  '-ssl_dist_optfile': [1, 1], '-args_file': [1, 1], '-heart': [0, 0], '-smp': [0, 1],
  '+P': [1, 1], '+Q': [1, 1], '+K': [1, 1], '+A': [1, 1], '+e': [1, 1], '+t': [1, 1], '-hidden': [0, 0],
  '-config': [1, Infinity], '-boot': [1, 1], '-mode': [1, 1], '-shutdown_time': [1, 1], '-connect_all': [1, 1],
};
const INTEGER_FLAGS = new Set(['+P', '+Q', '+A', '+e', '+t', '-shutdown_time']);

/** Parses a vm.args text. Linear in its length; never throws. */
export function parseVmArgs(text: string): VmArgsDocument {
  const doc: VmArgsDocument = { text, entries: [], comments: [], problems: [] };
  const problem = (start: number, end: number, message: string) => doc.problems.push({ start, end, code: CODE, message });
  for (const line of splitLines(text)) {
    const words = scanWords(text, line.start, line.end, doc);
    if (words.length === 0) continue;
    const [head, ...args] = words;
    const c = head.text.charCodeAt(0);
    if ((c !== 45 /* - */ && c !== 43 /* + */) || head.text.length < 2) {
      problem(head.start, head.end, `Expected a flag starting with \`-\` or \`+\`, found \`${shown(head.text)}\`.`);
      continue;
    }
    const entry: VmArgsEntry = { flag: head.text, flagSpan: { start: head.start, end: head.end }, args, start: head.start, end: words[words.length - 1].end };
    doc.entries.push(entry);
    checkEntry(entry, problem);
  }
  return doc;
}

function checkEntry(entry: VmArgsEntry, problem: (start: number, end: number, message: string) => void): void {
  if (entry.flag === '-kernel') {
    // The VM reads `-kernel` arguments as key/value pairs; an odd count usually means a term with spaces.
    if (entry.args.length === 0) problem(entry.flagSpan.start, entry.flagSpan.end, '`-kernel` needs a parameter name and a value.');
    else if (entry.args.length % 2 === 1) {
      const spaced = entry.args.some((a, i) => i % 2 === 1 && /^[{["']/.test(a.text) && !/[}\]"']$/.test(a.text));
      const last = entry.args[entry.args.length - 1];
      const why = spaced ? ': the VM reads each space-separated word as its own argument, so write Erlang terms without spaces' : ': `-kernel` takes name/value pairs';
      problem(spaced ? entry.args[1].start : last.start, last.end, `Unpaired argument after \`-kernel\`${why}.`);
    }
    return;
  }
  const arity = ARITY[entry.flag];
  if (arity && entry.args.length < arity[0]) {
    problem(entry.flagSpan.start, entry.flagSpan.end, `\`${entry.flag}\` needs ${arity[0] === 1 ? 'a value' : `${arity[0]} arguments`}.`);
    return;
  }
  if (arity && entry.args.length > arity[1]) {
    const extra = entry.args[arity[1]];
    const last = entry.args[entry.args.length - 1];
    problem(extra.start, last.end, `Unexpected argument${entry.args.length - arity[1] > 1 ? 's' : ''} after \`${entry.flag}\`.`);
  }
  if (INTEGER_FLAGS.has(entry.flag) && entry.args[0] && !entry.args[0].template && !/^\d+$/.test(entry.args[0].text)) {
    problem(entry.args[0].start, entry.args[0].end, `\`${entry.flag}\` takes a non-negative integer, not \`${shown(entry.args[0].text)}\`.`);
  }
}

/** Splits one line into words; a comment ends the line and is recorded. */
function scanWords(text: string, start: number, end: number, doc: VmArgsDocument): VmArg[] {
  const words: VmArg[] = [];
  let i = start;
  while (i < end) {
    while (i < end && isBlank(text.charCodeAt(i))) i++;
    if (i >= end) break;
    if (text.charCodeAt(i) === 35 /* # */) {
      doc.comments.push({ start: i, end, marker: '#', text: text.slice(i + 1, end) });
      break;
    }
    const wordStart = i;
    let template = false;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (isBlank(c) || c === 35) break;
      if (c === 92 /* \ */) {
        i = Math.min(end, i + 2);
      } else if (c === 34 /* " */) {
        i = closeAt(text, i + 1, end, '"', doc, i);
      } else if (c === 123 /* { */ && text.charCodeAt(i + 1) === 123) {
        template = true;
        i = closeAt(text, i + 2, end, '}}', doc, i);
      } else if (c === 60 /* < */ && text.charCodeAt(i + 1) === 37 /* % */) {
        template = true;
        i = closeAt(text, i + 2, end, '%>', doc, i);
      } else {
        i++;
      }
    }
    if (!template) template = /\{\{|<%/.test(text.slice(wordStart, i));
    words.push(template ? { text: text.slice(wordStart, i), start: wordStart, end: i, template } : { text: text.slice(wordStart, i), start: wordStart, end: i });
  }
  return words;
}

/** Offset after `closer` on this line; reports an unclosed quote or template and returns the line end. */
function closeAt(text: string, from: number, end: number, closer: string, doc: VmArgsDocument, openedAt: number): number {
  // Searched within the line only, so unclosed quotes on many lines stay linear.
  for (let j = from; j + closer.length <= end; j++) if (text.startsWith(closer, j)) return j + closer.length;
  const what = closer === '"' ? 'quote' : 'template';
  doc.problems.push({ start: openedAt, end, code: CODE, message: `Unclosed ${what}: \`${closer}\` is missing on this line.` });
  return end;
}

/** Every entry of a flag (`-kernel`, `+P`...), in file order. */
export function findFlags(doc: VmArgsDocument, flag: string): VmArgsEntry[] {
  return doc.entries.filter((e) => e.flag === flag);
}

/** An application parameter set with `-<app> <key> <value>`. */
export interface AppParam {
  entry: VmArgsEntry;
  keyArg: VmArg;
  /** The value's first word (undefined when the line stops after the key). */
  value: VmArg | undefined;
}

/**
 * The `-<app> <key> <value>` line that takes effect for an application parameter (the VM keeps the
 * last), e.g. `kernelParam(doc, 'kernel', 'inet_dist_use_interface')`.
 */
export function kernelParam(doc: VmArgsDocument, app: string, key: string): AppParam | undefined {
  const flag = '-' + app;
  for (let i = doc.entries.length - 1; i >= 0; i--) {
    const e = doc.entries[i];
    if (e.flag !== flag) continue;
    // One line may carry several pairs (`-kernel a 1 b 2`); the last pair for the key wins.
    for (let k = e.args.length - 2 + (e.args.length % 2); k >= 0; k -= 2) {
      if (e.args[k].text === key) return { entry: e, keyArg: e.args[k], value: e.args[k + 1] };
    }
  }
  return undefined;
}
