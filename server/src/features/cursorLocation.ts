/** Where a cursor is in a HOCON document: the object around it, and the key or value under it, as config paths. */
import type { HoconDocument, HoconField, HoconObject, HoconValue } from '../parsers/hocon/ast';

export interface HoconLocation {
  /** Path of the innermost object that contains the cursor (where a new key would go). */
  containerPath: string[];
  /** The field whose key or value holds the cursor. */
  field?: HoconField;
  /** Full path of that field (container path + all its key segments). */
  fieldPath?: string[];
  /** When on a key: the path up to and including the segment under the cursor. */
  keyPath?: string[];
  part: 'key' | 'value' | 'none';
  /** The scalar, substitution or other leaf value under the cursor. */
  value?: HoconValue;
  /** Objects and fields from the root down to the cursor, outermost first (for selection ranges). */
  chain: { start: number; end: number }[];
}

const within = (n: { start: number; end: number }, offset: number) => n.start <= offset && offset <= n.end;

/** Locates an offset; iterative so that deep documents cannot overflow the stack. */
export function locate(doc: HoconDocument, offset: number): HoconLocation {
  const loc: HoconLocation = { containerPath: [], part: 'none', chain: [] };
  let container: HoconObject = doc.root;
  let path: string[] = [];
  for (;;) {
    const member = container.members.find((m) => within(m, offset));
    if (!member || member.type !== 'field') {
      loc.containerPath = path;
      return loc;
    }
    loc.chain.push({ start: member.start, end: member.end });
    const names = member.key.segments.map((s) => s.name);
    const fieldPath = [...path, ...names];
    loc.field = member;
    loc.fieldPath = fieldPath;
    const segmentIndex = member.key.segments.findIndex((s) => within(s, offset));
    if (within(member.key, offset) && segmentIndex >= 0) {
      loc.part = 'key';
      loc.keyPath = [...path, ...names.slice(0, segmentIndex + 1)];
      loc.containerPath = path;
      return loc;
    }
    let value = member.value;
    let valuePath = fieldPath;
    // Step through arrays and concatenations to the part under the cursor.
    for (;;) {
      if (!value || !within(value, offset)) {
        loc.containerPath = path;
        loc.part = value ? 'none' : 'value';
        return loc;
      }
      if (value.type === 'array') {
        const i = value.items.findIndex((it) => within(it, offset));
        if (i < 0) break;
        loc.chain.push({ start: value.start, end: value.end });
        value = value.items[i];
        valuePath = [...valuePath, String(i)];
        continue;
      }
      if (value.type === 'concat') {
        const part = value.parts.find((p) => within(p, offset));
        if (!part) break;
        value = part;
        continue;
      }
      break;
    }
    if (value.type === 'object') {
      loc.chain.push({ start: value.start, end: value.end });
      container = value;
      path = valuePath;
      loc.field = undefined;
      loc.fieldPath = undefined;
      continue;
    }
    loc.containerPath = path;
    loc.part = 'value';
    loc.value = value;
    return loc;
  }
}
