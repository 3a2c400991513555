/**
 * Strings of a re-parsed block that do not keep the whole text alive. V8 makes a substring of 13 or more
 * characters a view into the string it was cut from, so a key, value or comment of a block read from
 * one version of a document would hold that version's whole text for as long as the block lives: after
 * many edits the kept tree would pin one full text per block ever re-parsed. The re-parse gives each
 * such string of the new block (and of its problems and comments) a copy of its own.
 * A full parse does not: its strings point into the text it read, so the blocks no edit has re-parsed
 * yet can keep that one text (the last one parsed in full) alive; copying every string of every full
 * parse would slow the CLI's parse of large files for a bounded saving of one text.
 */
import type { ParseProblem } from '../../../core/problems';
import type { HoconComment, HoconField, HoconValue } from '../ast';

/** Below this length V8 copies a substring anyway. */
const SLICE_MIN = 13;

/** `s` in storage of its own: the concatenation is flattened into a new string, of which `slice` takes all but the first character. */
export function ownString(s: string): string {
  return s.length < SLICE_MIN ? s : (' ' + s).slice(1);
}

export function ownFieldStrings(field: HoconField): void {
  const stack: (HoconField | HoconValue)[] = [field];
  while (stack.length) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'field':
        for (const s of node.key.segments) s.name = ownString(s.name);
        if (node.value) stack.push(node.value);
        break;
      case 'object':
        for (const m of node.members) {
          if (m.type === 'field') stack.push(m);
          else m.target = ownString(m.target);
        }
        break;
      case 'array':
        for (const item of node.items) stack.push(item);
        break;
      case 'concat':
        for (const part of node.parts) stack.push(part);
        break;
      case 'string':
        node.value = ownString(node.value);
        break;
      case 'number':
        node.raw = ownString(node.raw);
        break;
      case 'substitution':
        for (let i = 0; i < node.path.length; i++) node.path[i] = ownString(node.path[i]);
        break;
    }
  }
}

export function ownCommentStrings(comments: readonly HoconComment[]): void {
  for (const c of comments) c.text = ownString(c.text);
}

export function ownProblemStrings(problems: readonly ParseProblem[]): void {
  for (const p of problems) {
    p.message = ownString(p.message);
    if (!p.fix) continue;
    p.fix.title = ownString(p.fix.title);
    for (const e of p.fix.edits) e.newText = ownString(e.newText);
  }
}
