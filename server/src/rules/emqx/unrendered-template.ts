import type { Rule } from '../types';
import { docsPath } from '../types';
import type { Span } from '../../core/text';
import type { ParsedFile } from '../../parsers';
import { dotted, keySites, type KeySite } from '../helpers/hoconKeys';

const id = 'emqx/unrendered-template';

/** A mustache placeholder as EMQX's build (rebar/mix overlays) writes them: `{{ platform_etc_dir }}`. */
const PLACEHOLDER = /\{\{[^{}\r\n]*\}\}/g;

function inComment(comments: readonly Span[], offset: number): boolean {
  return comments.some((c) => offset >= c.start && offset < c.end);
}

/** What the line sets, for the message: the HOCON path around the offset, else the line's first word. */
function settingAt(file: ParsedFile, offset: number, sites: KeySite[]): string {
  let best: KeySite | undefined;
  for (const site of sites) {
    const value = site.field.value;
    if (!site.last || site.file !== file.file || !value || offset < value.start || offset >= value.end) continue;
    if (!best || value.start >= best.field.value!.start) best = site;
  }
  if (best) return dotted(best.path);
  const lineStart = file.text.lastIndexOf('\n', offset - 1) + 1;
  // The first word, with the variable of a systemd `Environment=NAME=value` assignment.
  const word = /^\s*("?[^\s="]+(?:=[A-Za-z_][A-Za-z0-9_]*(?==))?)/.exec(file.text.slice(lineStart, offset));
  return word ? word[1].replace(/^"/, '') : 'this line';
}

export const rule: Rule = {
  id,
  severity: 'error',
  fixable: false,
  docs: { title: 'An unrendered build placeholder', path: docsPath(id) },
  check({ model, report }) {
    let sites: KeySite[] | undefined;
    for (const file of model.files) {
      if (!file.text.includes('{{')) continue;
      const comments: readonly Span[] = file.doc.comments;
      for (const m of file.text.matchAll(PLACEHOLDER)) {
        const start = m.index ?? 0;
        if (inComment(comments, start)) continue;
        if (file.kind === 'emqx-conf' && file.format === 'hocon') sites ??= keySites(model);
        const setting = settingAt(file, start, sites ?? []);
        report({
          file: file.file,
          span: { start, end: start + m[0].length },
          message: `\`${setting}\` contains the build placeholder \`${m[0]}\`, which was never rendered: EMQX reads the braces literally, so the setting holds placeholder text instead of a real path, address or secret.`,
        });
      }
    }
  },
};
