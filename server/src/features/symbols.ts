/** Document symbols (outline, breadcrumbs): HOCON blocks and path keys, unit sections, vm.args flags, sysctl and limits lines. */
import type { Span } from '../core/text';
import type { ParsedFile } from '../parsers';
import type { HoconObject } from '../parsers/hocon/ast';
import { concealAssignments, isSecretName, redact } from '../core/secrets';
import { printableLine } from '../core/printable';

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

/**
 * @param conceal the deployment's secret redactor (model/secretValues.ts): values the file's own names do
 *   not mark as secret may still be one (a substitution, a cookie written under another key).
 */
export function documentSymbols(file: ParsedFile, conceal: (text: string) => string = (t) => t): DocumentSymbolData[] {
  const leaf = (name: string, detail: string, span: Span, selectionSpan: Span, secret = false): DocumentSymbolData => ({
    name: printableLine(name), detail: shownDetail(detail, secret, conceal), kind: 'property', span: { start: span.start, end: span.end }, selectionSpan: { start: selectionSpan.start, end: selectionSpan.end }, children: [],
  });
  switch (file.kind) {
    case 'emqx-conf':
      if (file.format === 'hocon') return hoconSymbols(file.doc.root, file.text, conceal);
      return file.doc.entries.map((e) => leaf(e.key, e.value, e, e.keySpan, isSecretName(e.key)));
    case 'vmargs':
      return file.doc.entries.map((e) => {
        // `-env NAME VALUE`: the value is secret when the variable's name says so.
        const words = e.args.map((a, i) => (i === 1 && e.flag === '-env' && isSecretName(e.args[0].text) ? redact(a.text) : a.text));
        const args = words.join(' ');
        return leaf(e.flag.startsWith('-') && e.args.length > 1 && /^-[a-z]/.test(e.flag) && !['-setcookie', '-name', '-sname', '-env'].includes(e.flag) ? `${e.flag} ${e.args[0].text}` : e.flag, args, e, e.flagSpan, isSecretName(e.flag));
      });
    case 'sysctl':
      return file.doc.entries.map((e) => leaf(e.key, e.value, e, e.keySpan));
    case 'systemd':
      return file.doc.sections.map((s) => ({
        // Spans as plain ranges: the section object itself holds every entry's value.
        name: printableLine(`[${s.name}]`), kind: 'section' as const, span: { start: s.start, end: s.end }, selectionSpan: { start: s.nameSpan.start, end: s.nameSpan.end },
        children: s.entries.map((e) => leaf(e.key, e.key === 'Environment' ? concealAssignments(e.value) : e.value, e, e.keySpan, isSecretName(e.key))),
      }));
    case 'limits':
      return file.doc.entries.map((e) => leaf(`${e.domain.text} ${e.type.text} ${e.item.text}`, e.value.text, e, e.item));
    case 'env':
      return file.doc.entries.map((e) => leaf(e.name, '', e, e.nameSpan));
  }
}

/** A value as the outline shows it: redacted when secret (before it is shortened, so no cut hides it from the redactor), one printable line. */
function shownDetail(detail: string, secret: boolean, conceal: (text: string) => string): string {
  const shown = secret && detail ? redact(detail.replace(/^["']|["']$/g, '')) : conceal(detail);
  return printableLine(shown.length > 60 ? `${shown.slice(0, 57)}...` : shown);
}

/** Iterative walk: deep nesting cannot overflow the stack. */
function hoconSymbols(root: HoconObject, text: string, conceal: (text: string) => string): DocumentSymbolData[] {
  const top: DocumentSymbolData[] = [];
  const stack: { object: HoconObject; out: DocumentSymbolData[]; depth: number }[] = [{ object: root, out: top, depth: 0 }];
  while (stack.length) {
    const { object, out, depth } = stack.pop()!;
    for (const m of object.members) {
      if (m.type === 'include') {
        out.push({ name: printableLine(`include ${m.target}`), kind: 'file', span: { start: m.start, end: m.end }, selectionSpan: { start: m.targetSpan.start, end: m.targetSpan.end }, children: [] });
        continue;
      }
      const name = m.key.segments.map((s) => s.name).join('.');
      const v = m.value;
      const kind: SymbolKindName = v?.type === 'object' ? 'object' : v?.type === 'array' ? 'array' : 'property';
      const last = m.key.segments[m.key.segments.length - 1];
      // The first line of the value, whole: the redactor must see a secret entire before it is shortened.
      const detail = v && kind === 'property' ? shownDetail(firstLine(text, v.start, v.end), !!last && isSecretName(last.name), conceal) : undefined;
      const symbol: DocumentSymbolData = { name: printableLine(name), detail, kind, span: { start: m.start, end: m.end }, selectionSpan: { start: m.key.start, end: m.key.end }, children: [] };
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

/** The text of [start, end) up to its first line break, at most 4,096 characters (outline entries are short). */
function firstLine(text: string, start: number, end: number): string {
  const stop = Math.min(end, start + 4096);
  let i = start;
  while (i < stop && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return text.slice(start, i);
}
