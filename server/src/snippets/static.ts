/**
 * The static snippet files VS Code contributes (`snippets/<language>.json`), generated from the catalogue
 * by scripts/gen-snippets.mjs. Static snippets cannot run code, so a secret becomes a tabstop that names
 * the command generating it; the language server's completion offers the same snippets with fresh secrets.
 */
import { renderSnippet } from './render';
import { SNIPPETS, type SnippetFileKind } from './catalog';

/** The VS Code language id of each snippet file kind (package.json `contributes.languages`). */
export const SNIPPET_LANGUAGES: Record<SnippetFileKind, string> = {
  'emqx-conf': 'emqx-hocon',
  vmargs: 'erlang-vmargs',
  sysctl: 'sysctl-conf',
  systemd: 'emqx-systemd',
};

export interface StaticSnippet {
  prefix: string;
  body: string[];
  description: string;
}

/** File name (relative to the repository root) -> file content, in a stable order. */
export function staticSnippetFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [kind, language] of Object.entries(SNIPPET_LANGUAGES) as [SnippetFileKind, string][]) {
    const entries: Record<string, StaticSnippet> = {};
    for (const s of SNIPPETS.filter((x) => x.fileKind === kind)) {
      const secretNote = s.secrets.length ? ' Fill the secret with the command named in its placeholder, or accept the completion item, which generates it.' : '';
      entries[`Hardened: ${s.label}`] = {
        prefix: s.prefix,
        body: renderSnippet(s, { secrets: 'hint' }).split('\n'),
        description: s.description.replace(/`/g, '') + secretNote,
      };
    }
    files[`snippets/${language}.json`] = JSON.stringify(entries, null, 2) + '\n';
  }
  return files;
}
