/** Builds the files a snippet test runs the engine on: the snippet in an empty file of its kind, or inside its minimal enclosing block. */
import { renderSnippet, snippetToText, type HardenedSnippet, type SnippetContext } from '../../../server/src/snippets/render';

/** File names (relative to the test deployment) per snippet file kind. */
export const FILE_OF: Record<HardenedSnippet['fileKind'], string> = {
  'emqx-conf': 'etc/emqx.conf',
  vmargs: 'etc/vm.args',
  sysctl: 'sysctl.d/99-emqx.conf',
  systemd: 'emqx.service',
};

/** The snippet's drop-in variant lives next to the unit. */
export function fileFor(snippet: HardenedSnippet): string {
  return snippet.id === 'systemd-limit-nofile-dropin' ? 'emqx.service.d/limits.conf' : FILE_OF[snippet.fileKind];
}

/** Wraps text in the objects of a HOCON path (`*` becomes `default`); systemd sections get their header. */
export function enclose(context: SnippetContext, text: string): { before: string; after: string } {
  if (context.kind === 'hocon' && context.path.length) {
    const key = context.path.map((s) => (s === '*' ? 'default' : s)).join('.');
    return { before: `${key} {\n`, after: '\n}\n' };
  }
  if (context.kind === 'section' && context.section !== 'none') return { before: `[${context.section}]\n`, after: '\n' };
  return { before: '', after: text.endsWith('\n') ? '' : '\n' };
}

/** The snippet as inserted at a context: secrets generated, tabstops at their defaults. */
export function insertAt(snippet: HardenedSnippet, context: SnippetContext): { text: string; baseline: string; start: number; end: number } {
  const body = snippetToText(renderSnippet(snippet, { containerPath: context.kind === 'hocon' ? context.path : undefined }));
  const { before, after } = enclose(context, body);
  return { text: before + body + after, baseline: before + after, start: before.length, end: before.length + body.length };
}
