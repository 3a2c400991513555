/** Document symbols (outline, breadcrumbs): HOCON blocks and path keys, unit sections, vm.args flags, sysctl and limits lines. */
import type { Span } from '../core/text';
import type { ParsedFile } from '../parsers';
import type { HoconObject } from '../parsers/hocon/ast';

export type SymbolKindName = 'object' | 'array' | 'property' | 'section' | 'file' | 'key';

export interface DocumentSymbolData {
  name: string;
  detail?: string;
  kind: SymbolKindName;
  span: Span;
  selectionSpan: Span;
  children: DocumentSymbolData[];
}

/** Deeper blocks are left out of the outline: no one reads a 100-level outline, and it bounds the work. */
const MAX_OUTLINE_DEPTH = 64;

export function documentSymbols(file: ParsedFile): DocumentSymbolData[] {
  switch (file.kind) {
    case 'emqx-conf':
      if (file.format === 'hocon') return hoconSymbols(file.doc.root, file.text);
      return file.doc.entries.map((e) => leaf(e.key, e.value, e, e.keySpan));
    case 'vmargs':
      return file.doc.entries.map((e) => leaf(e.flag.startsWith('-') && e.args.length > 1 && /^-[a-z]/.test(e.flag) && !['-setcookie', '-name', '-sname', '-env'].includes(e.flag) ? `${e.flag} ${e.args[0].text}` : e.flag, e.args.map((a) => a.text).join(' '), e, e.flagSpan));
    case 'sysctl':
      return file.doc.entries.map((e) => leaf(e.key, e.value, e, e.keySpan));
    case 'systemd':
      return file.doc.sections.map((s) => ({
        name: `[${s.name}]`, kind: 'section' as const, span: s, selectionSpan: s.nameSpan,
        children: s.entries.map((e) => leaf(e.key, e.value, e, e.keySpan)),
      }));
    case 'limits':
      return file.doc.entries.map((e) => leaf(`${e.domain.text} ${e.type.text} ${e.item.text}`, e.value.text, e, e.item));
    case 'env':
      return file.doc.entries.map((e) => leaf(e.name, '', e, e.nameSpan));
  }
}

function leaf(name: string, detail: string, span: Span, selectionSpan: Span): DocumentSymbolData {
  return { name, detail: detail.length > 60 ? `${detail.slice(0, 57)}...` : detail, kind: 'property', span: { start: span.start, end: span.end }, selectionSpan: { start: selectionSpan.start, end: selectionSpan.end }, children: [] };
}

/** Iterative walk: deep nesting cannot overflow the stack. */
function hoconSymbols(root: HoconObject, text: string): DocumentSymbolData[] {
  const top: DocumentSymbolData[] = [];
  const stack: { object: HoconObject; out: DocumentSymbolData[]; depth: number }[] = [{ object: root, out: top, depth: 0 }];
  while (stack.length) {
    const { object, out, depth } = stack.pop()!;
    for (const m of object.members) {
      if (m.type === 'include') {
        out.push({ name: `include ${m.target}`, kind: 'file', span: m, selectionSpan: m.targetSpan, children: [] });
        continue;
      }
      const name = m.key.segments.map((s) => s.name).join('.');
      const v = m.value;
      const kind: SymbolKindName = v?.type === 'object' ? 'object' : v?.type === 'array' ? 'array' : 'property';
      const detail = v && kind === 'property' ? text.slice(v.start, Math.min(v.end, v.start + 60)).split(/\r?\n/)[0] : undefined;
      const symbol: DocumentSymbolData = { name, detail, kind, span: { start: m.start, end: m.end }, selectionSpan: { start: m.key.start, end: m.key.end }, children: [] };
      out.push(symbol);
      if (v?.type === 'object' && depth < MAX_OUTLINE_DEPTH) stack.push({ object: v, out: symbol.children, depth: depth + 1 });
      if (v?.type === 'array' && depth < MAX_OUTLINE_DEPTH) {
        v.items.forEach((item, i) => {
          if (item.type !== 'object') return;
          const child: DocumentSymbolData = { name: `[${i}]`, kind: 'object', span: { start: item.start, end: item.end }, selectionSpan: { start: item.start, end: item.start + 1 }, children: [] };
          symbol.children.push(child);
          stack.push({ object: item, out: child.children, depth: depth + 1 });
        });
      }
    }
  }
  return top;
}
