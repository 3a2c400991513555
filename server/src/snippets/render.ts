/**
 * Turns catalogue snippets into text: picks the snippets that fit a place in a file, shapes a HOCON
 * snippet for the object the cursor is in, and fills its secrets with fresh values or with a hint.
 */
import { generateSecret, type SecretFormat } from '../core/secrets';
import type { EmqxVersion, SystemdSection } from '../schema/types';
import { SNIPPETS, type HardenedSnippet, type SecretKind, type SnippetFileKind } from './catalog';

export * from './catalog';

/** What the command palette calls the generators (the static snippets point at them). */
export const SECRET_HINTS: Record<SecretKind, string> = {
  cookie: 'run MQTT Hardening: Generate Erlang cookie',
  password: 'run MQTT Hardening: Generate password',
};

/** Where the cursor is, as far as snippets care. */
export type SnippetPlace =
  | { kind: 'hocon'; path: readonly string[] }
  | { kind: 'line' }
  | { kind: 'section'; section: SystemdSection | 'none' };

export interface RenderOptions {
  /** HOCON: the object the snippet goes into (default: the snippet's first context). */
  containerPath?: readonly string[];
  /** `generate` = fresh values from the CSPRNG (default); `hint` = a placeholder naming the command; or given values. */
  secrets?: 'generate' | 'hint' | Record<string, string>;
}

/** Escapes text for use inside an LSP snippet (and inside a `${n:...}` placeholder). */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

const segmentMatches = (pattern: string, name: string) => pattern === '*' || pattern === name || pattern.startsWith('${');

/** Whether a HOCON context path pattern (`*` = any name) matches a concrete container path. */
export function contextMatches(pattern: readonly string[], path: readonly string[]): boolean {
  return pattern.length === path.length && pattern.every((p, i) => segmentMatches(p, path[i]));
}

/** The snippets offered at a place in a file of a kind, optionally only those valid for an EMQX version. */
export function snippetsAt(fileKind: SnippetFileKind, place: SnippetPlace, version?: EmqxVersion): HardenedSnippet[] {
  return SNIPPETS.filter((s) => {
    if (s.fileKind !== fileKind) return false;
    if (version && s.versions && !s.versions.includes(version)) return false;
    return s.contexts.some((c) => {
      if (c.kind !== place.kind) return false;
      if (c.kind === 'hocon' && place.kind === 'hocon') return contextMatches(c.path, place.path);
      if (c.kind === 'section' && place.kind === 'section') return c.section === place.section;
      return true;
    });
  });
}

export function snippetById(id: string): HardenedSnippet | undefined {
  return SNIPPETS.find((s) => s.id === id);
}

function indent(text: string, by = '  '): string {
  return text.split('\n').map((l) => (l ? by + l : l)).join('\n');
}

/** Where a snippet's secrets go: its HOCON bodies quote them; line and unit files take them bare. */
function secretFormat(snippet: HardenedSnippet): SecretFormat {
  if (snippet.fileKind === 'emqx-conf') return snippet.versions?.every((v) => v === '4') ? 'emqx4' : 'hocon-string';
  return snippet.fileKind === 'vmargs' ? 'vmargs' : snippet.fileKind === 'systemd' ? 'systemd' : 'plain';
}

function secretValue(snippet: HardenedSnippet, kind: SecretKind): string {
  return generateSecret(kind, secretFormat(snippet));
}

/**
 * The snippet as LSP snippet text for its place: secrets filled (fresh on every call unless given) and,
 * for HOCON, wrapped in the part of its block path the container does not already supply.
 */
export function renderSnippet(snippet: HardenedSnippet, options: RenderOptions = {}): string {
  let text = snippet.body;
  const firstHocon = snippet.contexts.find((c) => c.kind === 'hocon');
  if (snippet.block && firstHocon?.kind === 'hocon') {
    const container = options.containerPath ?? firstHocon.path;
    const rest = snippet.block.slice(container.length).map((s) => (s === '*' ? 'default' : s));
    if (rest.length) text = `${rest.join('.')} {\n${indent(text)}\n}`;
  }
  const mode = options.secrets ?? 'generate';
  for (const secret of snippet.secrets) {
    const value = mode === 'generate' ? secretValue(snippet, secret.kind) : mode === 'hint' ? SECRET_HINTS[secret.kind] : mode[secret.name] ?? secretValue(snippet, secret.kind);
    text = text.split(`@@${secret.name}@@`).join(escapeSnippetText(value));
  }
  return text;
}

/**
 * Plain text of LSP snippet syntax: each tabstop replaced by its default (the first choice of a
 * choice), `$0`/`$n` removed, escapes undone. What a user gets by tabbing through without typing.
 */
export function snippetToText(snippet: string): string {
  let i = 0;
  const parse = (inPlaceholder: boolean): string => {
    let out = '';
    while (i < snippet.length) {
      const c = snippet[i];
      if (c === '\\' && i + 1 < snippet.length && '\\$}'.includes(snippet[i + 1])) {
        out += snippet[i + 1];
        i += 2;
      } else if (inPlaceholder && c === '}') {
        return out;
      } else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) {
        i++;
        while (/\d/.test(snippet[i] ?? '')) i++;
      } else if (c === '$' && snippet[i + 1] === '{') {
        const m = /^\$\{\d+(:|\||\})/.exec(snippet.slice(i));
        if (!m) {
          out += c;
          i++;
          continue;
        }
        i += m[0].length;
        if (m[1] === ':') {
          out += parse(true);
          i++; // the closing brace
        } else if (m[1] === '|') {
          const end = snippet.indexOf('|}', i);
          out += snippet.slice(i, end).split(',')[0];
          i = end + 2;
        }
      } else {
        out += c;
        i++;
      }
    }
    return out;
  };
  return parse(false);
}
