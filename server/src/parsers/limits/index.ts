/**
 * /etc/security/limits.conf and limits.d/*.conf (pam_limits): `<domain> <type> <item> <value>` per line,
 * `#` starting a comment anywhere on a line (pam_limits cuts the line there).
 */
import type { Span, TextEdit } from '../../core/text';
import type { ParseProblem } from '../../core/problems';
import { splitLines, isBlank, shown, insertLineEdit, removeLinesEdits, replaceSpan, physicalLineEnd, type LineComment } from '../common/lines';

export interface LimitsField extends Span {
  text: string;
}

export type LimitsDomainKind = 'user' | 'group' | 'wildcard' | 'maxlogins-group' | 'uid-range' | 'gid-range';

export interface LimitsEntry extends Span {
  domain: LimitsField;
  domainKind: LimitsDomainKind;
  /** `soft`, `hard` or `-` (both). */
  type: LimitsField;
  item: LimitsField;
  value: LimitsField;
}

export interface LimitsDocument {
  text: string;
  entries: LimitsEntry[];
  comments: LineComment[];
  /** `limits/syntax` problems; parsing never throws. */
  problems: ParseProblem[];
}

const CODE = 'limits/syntax';
const TYPES = new Set(['soft', 'hard', '-']);
const ITEMS = new Set(['core', 'data', 'fsize', 'memlock', 'nofile', 'rss', 'stack', 'cpu', 'nproc', 'as', 'maxlogins', 'maxsyslogins', 'nonewprivs', 'priority', 'locks', 'sigpending', 'msgqueue', 'nice', 'rtprio', 'chroot']);
/** Items whose value may be negative (a niceness or priority). */
const SIGNED_ITEMS = new Set(['priority', 'nice']);

/** Parses a limits.conf text. Linear; never throws. */
export function parseLimits(text: string): LimitsDocument {
  const doc: LimitsDocument = { text, entries: [], comments: [], problems: [] };
  const problem = (start: number, end: number, message: string) => doc.problems.push({ start, end, code: CODE, message });
  for (const line of splitLines(text)) {
    const fields: LimitsField[] = [];
    let i = line.start;
    while (i < line.end) {
      while (i < line.end && isBlank(text.charCodeAt(i))) i++;
      if (i >= line.end) break;
      if (text.charCodeAt(i) === 35 /* # */) {
        doc.comments.push({ start: i, end: line.end, marker: '#', text: text.slice(i + 1, line.end) });
        break;
      }
      const start = i;
      while (i < line.end && !isBlank(text.charCodeAt(i)) && text.charCodeAt(i) !== 35) i++;
      fields.push({ text: text.slice(start, i), start, end: i });
    }
    if (fields.length === 0) continue;
    const first = fields[0];
    const last = fields[fields.length - 1];
    if (fields.length < 4) {
      problem(first.start, last.end, `Expected four columns (\`<domain> <type> <item> <value>\`), found ${fields.length}.`);
      continue;
    }
    if (fields.length > 4) {
      problem(fields[4].start, last.end, 'Unexpected text after the value: a line has exactly four columns.');
      continue;
    }
    const [domain, type, item, value] = fields;
    if (!TYPES.has(type.text)) problem(type.start, type.end, `Unknown limit type \`${shown(type.text)}\`: use \`soft\`, \`hard\` or \`-\`.`);
    const itemName = item.text.toLowerCase();
    if (!ITEMS.has(itemName)) problem(item.start, item.end, `Unknown limit item \`${shown(item.text)}\`.`);
    else if (!validValue(itemName, value.text)) problem(value.start, value.end, `\`${shown(value.text)}\` is not a valid value for \`${itemName}\`: use a number, \`unlimited\` or \`infinity\`.`);
    const domainKind = kindOf(domain.text);
    if (!domainKind) {
      problem(domain.start, domain.end, `Invalid domain \`${shown(domain.text)}\`: use a user, \`@group\`, \`%group\`, \`*\` or a \`uid:uid\` range.`);
      continue;
    }
    doc.entries.push({ domain, domainKind, type, item, value, start: domain.start, end: value.end });
  }
  return doc;
}

function validValue(item: string, value: string): boolean {
  if (item === 'chroot') return true;
  if (/^(unlimited|infinity)$/i.test(value)) return true;
  return SIGNED_ITEMS.has(item) ? /^-?\d+$/.test(value) : /^(\d+|-1)$/.test(value);
}

function kindOf(domain: string): LimitsDomainKind | undefined {
  if (domain === '*') return 'wildcard';
  if (/^@?\d*:\d*$/.test(domain) && domain.replace('@', '') !== ':') return domain.startsWith('@') ? 'gid-range' : 'uid-range';
  if (domain.includes(':')) return undefined; // a malformed range
  if (domain.startsWith('@') && domain.length > 1) return 'group';
  if (domain.startsWith('%')) return 'maxlogins-group';
  return domain.startsWith('@') ? undefined : 'user';
}

/** Which entries an edit addresses: a domain and an item, and optionally one type. */
export interface LimitsTarget {
  domain: string;
  item: string;
  /** `soft`, `hard` or `-`; when absent every type matches. */
  type?: string;
}

function matching(doc: LimitsDocument, target: LimitsTarget): LimitsEntry[] {
  return doc.entries.filter((e) => e.domain.text === target.domain && e.item.text.toLowerCase() === target.item && (target.type === undefined || e.type.text === target.type));
}

/**
 * Sets the value of every line matching `target` (soft and hard alike when no type is given), or inserts
 * `<domain> <type ?? -> <item> <value>` when none matches. Idempotent.
 */
export function setValue(doc: LimitsDocument, target: LimitsTarget, value: string): TextEdit[] {
  const found = matching(doc, target);
  if (found.length === 0) return insertEntry(doc, { ...target, type: target.type ?? '-' }, value);
  return found.flatMap((e) => replaceSpan(doc.text, e.value, value));
}

/**
 * Inserts a line after the last entry for the same domain (else the file's last entry, else at the end),
 * with its columns aligned like that entry. Nothing happens when an identical line exists.
 */
export function insertEntry(doc: LimitsDocument, target: Required<LimitsTarget>, value: string): TextEdit[] {
  const columns = [target.domain, target.type, target.item, value];
  if (doc.entries.some((e) => [e.domain, e.type, e.item, e.value].every((f, i) => f.text === columns[i]))) return [];
  const sameDomain = doc.entries.filter((e) => e.domain.text === target.domain);
  const anchor = sameDomain[sameDomain.length - 1] ?? doc.entries[doc.entries.length - 1];
  return [insertLineEdit(doc.text, anchor ? alignLike(doc.text, anchor, columns) : columns.join(' '), anchor ? physicalLineEnd(doc.text, anchor.end) : undefined)];
}

/** Removes every line matching `target`. */
export function removeEntry(doc: LimitsDocument, target: LimitsTarget): TextEdit[] {
  return removeLinesEdits(doc.text, matching(doc, target).map((e) => ({ start: e.start, end: physicalLineEnd(doc.text, e.end) })));
}

/** Lays out `columns` like `model`: tab-separated if it uses tabs, else padded to its column starts. */
function alignLike(text: string, model: LimitsEntry, columns: string[]): string {
  const fields = [model.domain, model.type, model.item, model.value];
  const gaps = [1, 2, 3].map((i) => text.slice(fields[i - 1].end, fields[i].start));
  if (gaps.every((g) => g === '\t')) return columns.join('\t');
  if (gaps.some((g) => g.includes('\t'))) return columns.join('\t');
  let line = '';
  columns.forEach((c, i) => {
    if (i > 0) {
      const target = fields[i].start - model.start;
      line += ' '.repeat(Math.max(1, target - line.length));
    }
    line += c;
  });
  return line;
}
