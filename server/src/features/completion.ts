/**
 * Completion: keys valid where the cursor is, values of enums and booleans, units of durations, sizes and
 * rates, and the hardened snippets with freshly generated secrets (emqx.conf); flags and kernel parameters
 * (vm.args); kernel settings with recommended values (sysctl); sections and directives (systemd units);
 * items (limits.conf). Works on the line text before the cursor plus the parsed file, so it copes with
 * half-typed input.
 */
import type { Span } from '../core/text';
import type { ParsedFile } from '../parsers';
import type { FeatureContext } from './context';
import { locate } from './cursorLocation';
import {
  emqxChildKeys, emqxKeyInfo, listKernelParams, listLimitsItems, listSysctlKeys, listSystemdDirectives, listVmargsFlags,
  type EmqxVersion, type KeyInfo, type SystemdSection,
} from '../schema';
import { renderSnippet, snippetToText, snippetsAt, escapeSnippetText, type HardenedSnippet, type SnippetFileKind, type SnippetPlace } from '../snippets/render';
import { runStartBefore } from '../core/scan';

export type CompletionKind = 'key' | 'section' | 'value' | 'unit' | 'snippet' | 'flag' | 'param' | 'directive';

export interface CompletionData {
  label: string;
  kind: CompletionKind;
  /** One line shown next to the label (type, default, recommended value). */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  /** insertText uses LSP snippet syntax (tabstops). */
  isSnippet: boolean;
  /** The text the item replaces (the half-typed word); absent = the editor's word at the cursor. */
  replaceSpan?: Span;
  /** What the editor matches the typed text against, when not the label. */
  filterText?: string;
  sortText?: string;
}

export interface CompletionOptions {
  /** The character that triggered the request; a space only completes after `=`, `:` or `-<app>`. */
  triggerCharacter?: string;
}

const SYSTEMD_SECTIONS: SystemdSection[] = ['Unit', 'Service', 'Install'];

/** Completion items at an offset of a parsed file. */
export function completions(ctx: FeatureContext, offset: number, options: CompletionOptions = {}): CompletionData[] {
  const { file } = ctx;
  const text = file.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset).replace(/\r$/, '');
  if (options.triggerCharacter === ' ' && !/(?:[=:]\s*|^\s*-\w+\s+)$/.test(before)) return [];
  const at = { offset, lineStart, before, after: /^[\w.-]*/.exec(text.slice(offset))![0] };
  switch (file.kind) {
    case 'emqx-conf': {
      const version: EmqxVersion = ctx.model?.version ?? (file.format === 'emqx4' ? '4' : '5');
      return file.format === 'hocon' ? hoconCompletions(file, at, version) : flatCompletions(at);
    }
    case 'vmargs':
      return vmargsCompletions(at);
    case 'sysctl':
      return sysctlCompletions(at);
    case 'systemd':
      return systemdCompletions(text, at);
    case 'limits':
      return limitsCompletions(at);
    default:
      return [];
  }
}

interface Cursor {
  offset: number;
  lineStart: number;
  /** The line's text before the cursor. */
  before: string;
  /** Word characters right after the cursor (replaced along with the typed part). */
  after: string;
}

/** The span of the last `length` typed characters plus the rest of the word after the cursor. */
const replaceTyped = (at: Cursor, length: number): Span => ({ start: at.offset - length, end: at.offset + at.after.length });

// ---- emqx.conf (HOCON) -------------------------------------------------------------------------

const SEGMENT = String.raw`(?:[A-Za-z_][\w-]*|"[^"\n]*")`;
const KEY_PATH = String.raw`${SEGMENT}(?:\.${SEGMENT})*`;
/** `key = value-so-far` at the start of the current field's text. */
const KEY_VALUE = new RegExp(String.raw`^\s*(${KEY_PATH})\s*[=:]\s*(.*)$`);
/** A key being typed: possibly dotted, possibly ending in a dot. */
const KEY_TYPED = /(?:^|[\s{,])((?:[A-Za-z0-9_-]+|"[^"\n]*")(?:\.(?:[A-Za-z0-9_-]*|"[^"\n]*"))*|)$/;

/**
 * The text of the field the cursor is in, on this line: after the last `{` still open or the last `,`
 * between fields (not one inside a list), so `a { b = 1, c = |` gives ` c = `.
 */
function currentField(line: string): string {
  const stack: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '#' || (c === '/' && line[i + 1] === '/')) return '';
    else if (c === '{') {
      stack.push(c);
      start = i + 1;
    } else if (c === '[') stack.push(c);
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',' && stack[stack.length - 1] !== '[') start = i + 1;
  }
  return line.slice(start);
}

/** A character of `[\w.-]`: what a key or a list item being typed is made of. */
const isKeyChar = (c: string) => /[\w.-]/.test(c);
const unquote = (segment: string) => (segment.startsWith('"') ? segment.slice(1, -1) : segment);
const splitKey = (key: string) => (key.match(/"[^"\n]*"|[^.]+|(?<=\.)$/g) ?? []).map(unquote);
const keyName = (info: KeyInfo) => info.path.slice(info.path.lastIndexOf('.') + 1);

function hoconCompletions(file: Extract<ParsedFile, { kind: 'emqx-conf'; format: 'hocon' }>, at: Cursor, version: EmqxVersion): CompletionData[] {
  const loc = locate(file.doc, at.offset);
  const container = loc.containerPath;
  const kv = KEY_VALUE.exec(currentField(at.before));
  if (kv) return hoconValueCompletions([...container, ...splitKey(kv[1])], kv[2], at, version);
  // Inside a multi-line array: items of the field's list.
  if (loc.part === 'value' && loc.field?.value?.type === 'array' && loc.fieldPath) {
    const typed = at.before.slice(runStartBefore(at.before, isKeyChar));
    const listed = file.text.slice(loc.field.value.start, loc.field.value.end);
    return arrayItems(emqxKeyInfo(loc.fieldPath, version), typed, listed, at);
  }
  const typed = KEY_TYPED.exec(at.before);
  if (!typed) return [];
  // Only where a key may start: at the start of the line or after `{` or `,`.
  const lead = at.before.slice(0, at.before.length - typed[1].length);
  if (lead.trim() !== '' && !/[{,]\s*$/.test(lead)) return [];
  const segments = typed[1] === '' ? [''] : splitKey(typed[1]);
  const partial = segments[segments.length - 1] ?? '';
  const prefix = segments.slice(0, -1);
  const items = keyItems([...container, ...prefix], version, replaceTyped(at, partial.length));
  if (prefix.length === 0) items.push(...snippetItems('emqx-conf', { kind: 'hocon', path: container }, version, replaceTyped(at, partial.length), container));
  return items;
}

/** Keys of the object at `path`, each inserted with `=` and a choice of values where there is one. */
function keyItems(path: string[], version: EmqxVersion, replaceSpan: Span): CompletionData[] {
  return emqxChildKeys(path, version).map((info, i) => {
    const name = /^[A-Za-z_][\w-]*$/.test(keyName(info)) ? keyName(info) : JSON.stringify(keyName(info));
    const choices = info.type === 'enum' ? info.enum : info.type === 'boolean' ? ['true', 'false'] : undefined;
    let insertText = `${name} = $0`;
    if (info.type === 'object') insertText = `${name} {\n  $0\n}`;
    else if (info.type === 'array' && info.itemEnum) insertText = `${name} = [$0]`;
    else if (choices?.length) insertText = `${name} = \${1|${choices.map(escapeChoice).join(',')}|}`;
    return {
      label: name,
      kind: info.type === 'object' ? ('section' as const) : ('key' as const),
      detail: keyDetail(info, version),
      documentation: keyDocumentation(info),
      insertText,
      isSnippet: true,
      replaceSpan,
      sortText: `1${String(i).padStart(4, '0')}`,
    };
  });
}

const escapeChoice = (v: string) => v.replace(/[\\$}|,]/g, (c) => `\\${c}`);

function showDefault(value: unknown): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

function keyDetail(info: KeyInfo, version: EmqxVersion): string {
  const def = info.defaults?.[version];
  return `${info.type}${def !== undefined && def !== null ? ` · default ${showDefault(def)}` : ''}`;
}

function keyDocumentation(info: KeyInfo): string {
  const parts = [info.description];
  const allowed = info.enum ?? info.itemEnum;
  if (allowed?.length) parts.push(`Allowed: ${allowed.map((v) => `\`${v}\``).join(', ')}`);
  if (info.units?.length) parts.push(`Units: ${info.units.join(', ')}`);
  if (info.securityNote) parts.push(`**Security:** ${info.securityNote}`);
  return parts.join('\n\n');
}

function hoconValueCompletions(path: string[], valueSoFar: string, at: Cursor, version: EmqxVersion): CompletionData[] {
  const info = emqxKeyInfo(path, version);
  if (!info) return [];
  // An open `[` on this line: list items.
  if ((valueSoFar.match(/\[/g)?.length ?? 0) > (valueSoFar.match(/]/g)?.length ?? 0)) {
    const typed = valueSoFar.slice(runStartBefore(valueSoFar, isKeyChar));
    return arrayItems(info, typed, valueSoFar, at);
  }
  if ((valueSoFar.match(/"/g)?.length ?? 0) % 2 === 1 && info.type !== 'rate') return [];
  const typed = valueSoFar.trim();
  if (/\s/.test(typed)) return [];
  return scalarValues(info, typed, at, version);
}

/** Values for a scalar key: enum members, booleans, specials, the default, and the typed number with each unit. */
function scalarValues(info: KeyInfo, typed: string, at: Cursor, version: EmqxVersion): CompletionData[] {
  const span = replaceTyped(at, typed.length);
  const out: CompletionData[] = [];
  const def = info.defaults?.[version];
  const value = (label: string, insertText = label, detail?: string): CompletionData => ({
    label, kind: 'value', detail, insertText, isSnippet: false, replaceSpan: span, documentation: info.description, sortText: `0${String(out.length).padStart(3, '0')}`,
  });
  const choices = info.type === 'enum' ? info.enum ?? [] : info.type === 'boolean' ? ['true', 'false'] : [];
  for (const c of choices) out.push(value(c, c, String(def) === c ? 'default' : undefined));
  const number = /^"?(\d+(?:\.\d+)?)$/.exec(typed);
  if (!number) for (const s of info.specials ?? []) out.push(value(s));
  if (number && info.units?.length) {
    for (const unit of info.units) {
      const v = `${number[1]}${unit}`;
      const needsQuotes = info.type === 'rate';
      out.push({ ...value(v, needsQuotes ? `"${v}"` : v, info.type), kind: 'unit', filterText: typed });
    }
  }
  if (!choices.length && def !== undefined && def !== null && !Array.isArray(def) && !number) {
    out.push(value(String(def), hoconScalar(def), 'default'));
  }
  return out;
}

/** A value as written in HOCON: quoted unless EMQX's dialect reads it unquoted. */
function hoconScalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return /^[A-Za-z][A-Za-z0-9_.@%|-]*$/.test(value) || /^\d+(?:\.\d+)?(?:ms|s|m|h|d|KB|MB|GB|%)?$/i.test(value) ? value : JSON.stringify(value);
}

/** Items of an enum-like list, without those already listed. */
function arrayItems(info: KeyInfo | undefined, typed: string, listed: string, at: Cursor): CompletionData[] {
  if (!info?.itemEnum) return [];
  const present = new Set(listed.match(/[\w.-]+/g) ?? []);
  return info.itemEnum
    .filter((v) => !present.has(v) || v === typed)
    .map((v, i) => ({
      label: v, kind: 'value' as const, insertText: v, isSnippet: false, replaceSpan: replaceTyped(at, typed.length), documentation: info.description,
      detail: /^tlsv1(\.1)?$/.test(v) ? 'legacy: do not offer' : undefined, sortText: `0${i}`,
    }));
}

/** 4.x flat files: dotted keys and their values. */
function flatCompletions(at: Cursor): CompletionData[] {
  const kv = /^\s*([\w.-]+)\s*=\s*(\S*)$/.exec(at.before);
  if (kv) {
    const info = emqxKeyInfo(kv[1].split('.'), '4');
    return info ? scalarValues(info, kv[2], at, '4') : [];
  }
  const typed = /^\s*([\w.-]*)$/.exec(at.before);
  if (!typed) return [];
  const segments = typed[1].split('.');
  const partial = segments[segments.length - 1];
  return emqxChildKeys(segments.slice(0, -1), '4').map((info) => ({
    label: keyName(info), kind: info.type === 'object' ? 'section' : 'key', detail: keyDetail(info, '4'), documentation: keyDocumentation(info),
    insertText: info.type === 'object' ? `${keyName(info)}.` : `${keyName(info)} = `, isSnippet: false, replaceSpan: replaceTyped(at, partial.length),
  }));
}

// ---- Snippets ----------------------------------------------------------------------------------

function snippetItems(fileKind: SnippetFileKind, place: SnippetPlace, version: EmqxVersion | undefined, replaceSpan: Span, containerPath?: readonly string[]): CompletionData[] {
  return snippetsAt(fileKind, place, version).map((s: HardenedSnippet) => {
    const insertText = renderSnippet(s, { containerPath });
    const preview = snippetToText(renderSnippet(s, { containerPath, secrets: Object.fromEntries(s.secrets.map((x) => [x.name, `<generated ${x.kind}>`])) }));
    const firstWord = /^[\s#]*([^\s{=.[]*)/.exec(snippetToText(insertText).replace(/^(#.*\n)+/, ''))?.[1] ?? '';
    const language = fileKind === 'emqx-conf' ? 'hocon' : fileKind === 'systemd' ? 'ini' : '';
    const rules = s.ruleIds.length ? `\n\nSatisfies: ${s.ruleIds.map((r) => `\`${r}\``).join(', ')}` : '';
    const secrets = s.secrets.length ? `\n\nThe ${s.secrets.map((x) => x.kind).join(' and ')} is generated fresh (crypto.randomBytes) each time the list opens.` : '';
    return {
      label: s.label,
      kind: 'snippet' as const,
      detail: 'hardened snippet',
      documentation: `${s.description}${secrets}${rules}\n\n\`\`\`${language}\n${preview}\n\`\`\``,
      insertText,
      isSnippet: true,
      replaceSpan,
      filterText: `${firstWord} ${s.prefix} ${s.label}`,
      sortText: `2${s.id}`,
    };
  });
}

// ---- vm.args -----------------------------------------------------------------------------------

function vmargsCompletions(at: Cursor): CompletionData[] {
  const param = /^\s*-(\w+)\s+(\w*)$/.exec(at.before);
  if (param) {
    return listKernelParams(param[1]).map((p) => ({
      label: p.key, kind: 'param', detail: p.args, documentation: p.description, insertText: `${p.key} `, isSnippet: false, replaceSpan: replaceTyped(at, param[2].length),
    }));
  }
  const flag = /^\s*([-+]?[\w.]*)$/.exec(at.before);
  if (!flag) return [];
  const span = replaceTyped(at, flag[1].length);
  const items: CompletionData[] = listVmargsFlags().map((f, i) => ({
    label: f.flag, kind: 'flag', detail: f.args || undefined, documentation: f.description, insertText: f.args ? `${f.flag} ` : f.flag, isSnippet: false,
    replaceSpan: span, sortText: `1${String(i).padStart(3, '0')}`,
  }));
  if (!flag[1].startsWith('+')) items.push(...snippetItems('vmargs', { kind: 'line' }, undefined, span));
  return items;
}

// ---- sysctl ------------------------------------------------------------------------------------

function sysctlCompletions(at: Cursor): CompletionData[] {
  const kv = /^\s*-?([\w./-]+)\s*=\s*(\S*)$/.exec(at.before);
  if (kv) {
    const info = listSysctlKeys().find((k) => k.key === kv[1].replace(/\//g, '.') || k.aliases?.includes(kv[1]));
    if (!info?.recommended) return [];
    return [{ label: info.recommended, kind: 'value', detail: 'recommended for a broker', documentation: info.description, insertText: info.recommended, isSnippet: false, replaceSpan: replaceTyped(at, kv[2].length) }];
  }
  const typed = /^\s*-?([\w./-]*)$/.exec(at.before);
  if (!typed) return [];
  const span = replaceTyped(at, typed[1].length);
  const items: CompletionData[] = listSysctlKeys().map((k) => ({
    label: k.key,
    kind: 'key',
    detail: k.recommended ? `recommended ${k.recommended}` : k.kernelDefault ? `kernel default ${k.kernelDefault}` : undefined,
    documentation: k.description,
    insertText: k.recommended ? `${k.key} = \${1:${escapeSnippetText(k.recommended)}}` : `${k.key} = $0`,
    isSnippet: true,
    replaceSpan: span,
    sortText: `${k.recommended ? 0 : 1}${k.key}`,
  }));
  if (typed[1] === '' && !/-\s*$/.test(at.before)) items.push(...snippetItems('sysctl', { kind: 'line' }, undefined, span));
  return items;
}

// ---- systemd units -----------------------------------------------------------------------------

/** The section whose body holds the cursor's line, or 'none' before the first header. */
function currentSection(text: string, lineStart: number): string {
  const headers = [...text.slice(0, lineStart).matchAll(/^[ \t]*\[([^\]\n]+)\][ \t]*\r?$/gm)];
  return headers.length ? headers[headers.length - 1][1] : 'none';
}

function systemdCompletions(text: string, at: Cursor): CompletionData[] {
  const header = /^\s*\[(\w*)$/.exec(at.before);
  if (header) {
    const closing = text.slice(at.offset + at.after.length, at.offset + at.after.length + 1) === ']' ? 1 : 0;
    const span = { start: at.offset - header[1].length - 1, end: at.offset + at.after.length + closing };
    return SYSTEMD_SECTIONS.map((s, i) => ({ label: `[${s}]`, kind: 'section', insertText: `[${s}]`, isSnippet: false, replaceSpan: span, filterText: `[${s}]`, sortText: String(i) }));
  }
  const section = currentSection(text, at.lineStart);
  const kv = /^\s*([A-Za-z]+)=(\S*)$/.exec(at.before);
  if (kv) {
    const info = SYSTEMD_SECTIONS.includes(section as SystemdSection) ? listSystemdDirectives(section as SystemdSection).find((d) => d.key === kv[1]) : undefined;
    if (!info?.recommended) return [];
    return [{ label: info.recommended, kind: 'value', detail: 'recommended for EMQX', documentation: info.description, insertText: info.recommended, isSnippet: false, replaceSpan: replaceTyped(at, kv[2].length) }];
  }
  const typed = /^\s*([A-Za-z]*)$/.exec(at.before);
  if (!typed) return [];
  const span = replaceTyped(at, typed[1].length);
  const items: CompletionData[] = [];
  if (SYSTEMD_SECTIONS.includes(section as SystemdSection)) {
    for (const d of listSystemdDirectives(section as SystemdSection)) {
      items.push({
        label: d.key,
        kind: 'directive',
        detail: d.recommended !== undefined ? `recommended ${d.key}=${d.recommended}` : `[${section}]`,
        documentation: d.description,
        insertText: d.recommended !== undefined ? `${d.key}=\${1:${escapeSnippetText(d.recommended)}}` : `${d.key}=$0`,
        isSnippet: true,
        replaceSpan: span,
        sortText: `1${d.key}`,
      });
    }
  }
  for (const s of SYSTEMD_SECTIONS) {
    items.push({ label: `[${s}]`, kind: 'section', insertText: `[${s}]`, isSnippet: false, replaceSpan: span, filterText: s, sortText: `3${s}` });
  }
  if (section === 'none' || section === 'Service') {
    items.push(...snippetItems('systemd', { kind: 'section', section: section as 'none' | 'Service' }, undefined, span));
  }
  return items;
}

// ---- limits.conf -------------------------------------------------------------------------------

function limitsCompletions(at: Cursor): CompletionData[] {
  const type = /^\s*\S+\s+(\w*)$/.exec(at.before);
  if (type) {
    return ['soft', 'hard', '-'].map((t) => ({ label: t, kind: 'value' as const, insertText: t, isSnippet: false, replaceSpan: replaceTyped(at, type[1].length), detail: t === '-' ? 'soft and hard' : undefined }));
  }
  const item = /^\s*\S+\s+\S+\s+(\w*)$/.exec(at.before);
  if (!item) return [];
  return listLimitsItems().map((i) => ({
    label: i.item,
    kind: 'key' as const,
    detail: i.recommended ? `recommended ${i.recommended}` : undefined,
    documentation: i.description,
    insertText: i.recommended ? `${i.item} \${1:${i.recommended}}` : `${i.item} $0`,
    isSnippet: true,
    replaceSpan: replaceTyped(at, item[1].length),
  }));
}
