/**
 * Edits to a HOCON document as data: each helper returns the smallest TextEdits that make the change,
 * leaving every other byte of the file (comments, layout, order) untouched.
 */
import { detectEol, type TextEdit } from '../../core/text';
import type { HoconDocument, HoconField, HoconObject, HoconValue } from './ast';
import { isSafeUnquoted, quoteString } from './strings';

/** The objects a value contributes (itself, or the object parts of a concatenation). */
function objectsOf(v: HoconValue | undefined): HoconObject[] {
  if (!v) return [];
  if (v.type === 'object') return [v];
  if (v.type === 'concat') return v.parts.filter((p): p is HoconObject => p.type === 'object');
  return [];
}

/** Every field in `doc` that defines `path` (nested blocks and path keys alike), in document order. */
export function findFields(doc: HoconDocument, path: readonly string[]): HoconField[] {
  const found: HoconField[] = [];
  // Compares key segments in place: fixes call this once per finding, and a large file has thousands of
  // top-level fields, so building each field's full path would make a whole analysis quadratic.
  const visit = (obj: HoconObject, depth: number): void => {
    for (const m of obj.members) {
      if (m.type !== 'field') continue;
      const segments = m.key.segments;
      const end = depth + segments.length;
      if (end > path.length) continue;
      let matches = true;
      for (let i = 0; i < segments.length && matches; i++) matches = segments[i].name === path[depth + i];
      if (!matches) continue;
      if (end === path.length) found.push(m);
      else for (const o of objectsOf(m.value)) visit(o, end);
    }
  };
  visit(doc.root, 0);
  return found;
}

/**
 * A fact about a whole document, computed once: fixes insert settings into many listeners of one large
 * file per analysis, and each insertion needs these facts.
 */
function perDocument<T>(compute: (doc: HoconDocument) => T): (doc: HoconDocument) => T {
  const known = new WeakMap<HoconDocument, T>();
  return (doc) => {
    if (!known.has(doc)) known.set(doc, compute(doc));
    return known.get(doc) as T;
  };
}

/** The blocks that define `path`, as findFields + objectsOf would list them, through a per-document index. */
function blocksAt(doc: HoconDocument, path: readonly string[]): HoconObject[] {
  let key = '';
  for (const seg of path) key += '\0' + seg;
  return blockIndex(doc).get(key) ?? [];
}

/** Braced blocks by the path they define (a NUL before each segment), in document order. */
const blockIndex = perDocument((doc) => {
  const built = new Map<string, HoconObject[]>();
  // Depth-first in document order, with its own stack (a block inside a block is listed before the
  // next member of the outer one, as findFields lists them); each key extends its parent's.
  const stack: Array<{ members: HoconObject['members']; key: string; next: number }> = [{ members: doc.root.members, key: '', next: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.next >= top.members.length) {
      stack.pop();
      continue;
    }
    const m = top.members[top.next++];
    if (m.type !== 'field') continue;
    const objs = objectsOf(m.value);
    if (objs.length === 0) continue;
    let key = top.key;
    for (const seg of m.key.segments) key += '\0' + seg.name;
    const list = built.get(key) ?? built.set(key, []).get(key)!;
    for (const o of objs) list.push(o);
    for (let i = objs.length - 1; i >= 0; i--) stack.push({ members: objs[i].members, key, next: 0 });
  }
  return built;
});

/** Text of a key path, quoting segments EMQX would not read bare. */
function keyText(segments: readonly string[]): string {
  return segments.map((s) => (isSafeUnquoted(s) ? s : quoteString(s))).join('.');
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function indentOf(text: string, offset: number): string {
  const s = lineStartOf(text, offset);
  let e = s;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  return text.slice(s, e);
}

/** The file's indentation step: a tab, or the smallest non-zero run of leading spaces. */
function indentUnit(text: string): string {
  let best = 0;
  for (const m of text.matchAll(/^([ \t]+)\S/gm)) {
    if (m[1].includes('\t')) return '\t';
    if (best === 0 || m[1].length < best) best = m[1].length;
  }
  return ' '.repeat(best || 2);
}

/** Line ends: detecting them scans a file without CRLF to its end. */
const eolOf = perDocument((doc) => detectEol(doc.text));

/** `=` or `:`, whichever the file uses more. */
const separatorStyle = perDocument(countSeparators);

function countSeparators(doc: HoconDocument): '=' | ':' {
  let eq = 0;
  let colon = 0;
  const stack: HoconObject[] = [doc.root];
  while (stack.length) {
    const o = stack.pop() as HoconObject;
    for (const m of o.members) {
      if (m.type !== 'field') continue;
      if (m.separator?.kind === ':') colon++;
      else if (m.separator?.kind === '=') eq++;
      for (const o of objectsOf(m.value)) stack.push(o);
    }
  }
  return colon > eq ? ':' : '=';
}

function line(doc: HoconDocument, segments: readonly string[], valueText: string, indent: string, eol: string): string {
  const sep = separatorStyle(doc) === ':' ? ': ' : ' = ';
  const value = valueText.split(/\r?\n/).map((l, i) => (i === 0 || l === '' ? l : indent + l)).join(eol);
  return indent + keyText(segments) + sep + value;
}

/** Inserts `path = value` inside the deepest block of `doc` that already encloses `path`. */
export function insertValue(doc: HoconDocument, path: readonly string[], valueText: string): TextEdit[] {
  const text = doc.text;
  const eol = eolOf(doc);
  let target: HoconObject = doc.root;
  let depth = 0;
  for (let n = path.length - 1; n >= 1; n--) {
    const objs = blocksAt(doc, path.slice(0, n)).filter((o) => o.braced);
    if (objs.length) {
      target = objs[objs.length - 1];
      depth = n;
      break;
    }
  }
  const rest = path.slice(depth);
  const members = target.members;
  if (members.length === 0) {
    if (!target.braced) {
      const l = line(doc, rest, valueText, '', eol);
      if (text.length === 0) return [{ offset: 0, length: 0, newText: l + eol }];
      const endsWithEol = /[\r\n]$/.test(text);
      return [{ offset: text.length, length: 0, newText: (endsWithEol ? '' : eol) + l + eol }];
    }
    // An empty block: a pure insertion, so that several settings inserted into one block (each computed
    // from the same text, as one fix's edits) all apply, and comments inside the braces stay.
    const open = target.start + 1;
    // An unclosed block (a file cut short) ends at the end of the text.
    const close = text[target.end - 1] === '}' ? Math.max(open, target.end - 1) : target.end;
    const outer = indentOf(text, target.start);
    const l = line(doc, rest, valueText, outer + indentUnit(text), eol);
    const inside = text.slice(open, close);
    const br = inside.search(/[\r\n]/);
    // `{` and `}` on different lines: a new line before the first line break (after a comment on the `{` line).
    if (br >= 0) return [{ offset: open + br, length: 0, newText: eol + l }];
    // `{}` or `{ }`: the line, and the `}` on a line of its own.
    return [{ offset: close, length: 0, newText: eol + l + eol + outer }];
  }
  const last = members[members.length - 1];
  const closeOnSameLine = target.braced && lineEndOf(text, last.end) >= target.end - 1 && !/[\r\n]/.test(text.slice(last.end, target.end - 1));
  if (closeOnSameLine) {
    // A one-line block `a { b = 1 }`: add the field on that line.
    return [{ offset: last.end, length: 0, newText: ', ' + line(doc, rest, valueText, '', eol).trimStart() }];
  }
  const indent = indentOf(text, last.start);
  const at = lineEndOf(text, last.end);
  return [{ offset: at, length: 0, newText: eol + line(doc, rest, valueText, indent, eol) }];
}

/** Replaces the value of the last definition of `path` in `doc` (the one EMQX keeps), or inserts it. */
export function setValue(doc: HoconDocument, path: readonly string[], valueText: string): TextEdit[] {
  const defs = findFields(doc, path);
  const last = defs[defs.length - 1];
  if (!last) return insertValue(doc, path, valueText);
  if (!last.value) {
    const after = last.separator ? last.separator.end : last.key.end;
    const sep = last.separator ? ' ' : ' = ';
    return [{ offset: after, length: 0, newText: sep + valueText }];
  }
  if (doc.text.slice(last.value.start, last.value.end) === valueText) return [];
  return [{ offset: last.value.start, length: last.value.end - last.value.start, newText: valueText }];
}

/** Removes every definition of `path` in `doc`: whole lines when a field has its lines to itself. */
export function removeKey(doc: HoconDocument, path: readonly string[]): TextEdit[] {
  const text = doc.text;
  const ranges: Array<[number, number]> = [];
  for (const f of findFields(doc, path)) {
    const ls = lineStartOf(text, f.start);
    const le = lineEndOf(text, f.end);
    const before = text.slice(ls, f.start);
    const after = text.slice(f.end, le);
    if (/^[ \t]*$/.test(before) && /^[ \t]*,?[ \t]*(?:(?:#|\/\/).*)?$/.test(after)) {
      let end = le;
      if (text[end] === '\r' && text[end + 1] === '\n') end += 2;
      else if (text[end] === '\n' || text[end] === '\r') end += 1;
      ranges.push([ls, end]);
    } else {
      // Shares its line: remove the field and one neighbouring comma.
      const m = /^[ \t]*,[ \t]*/.exec(after);
      ranges.push([f.start, m ? f.end + m[0].length : f.end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged.map(([s, e]) => ({ offset: s, length: e - s, newText: '' }));
}
