import type { Rule } from '../types';
import { docsPath } from '../types';
import type { EmqxVersion, KeyInfo } from '../../schema/index';
import { dotted, pickSites, segmentText, type KeySite } from '../helpers/hoconKeys';

const id = 'emqx/deprecated-key';

/** The new name when the replacement is a sibling that EMQX reads the same way: then a rename keeps the meaning. */
function renameTo(info: KeyInfo): string | undefined {
  if (!info.deprecated?.alias) return undefined;
  const old = info.path.split('.');
  const replacement = info.deprecated.replacedBy.split('.');
  if (replacement.length !== old.length || replacement.slice(0, -1).join('.') !== old.slice(0, -1).join('.')) return undefined;
  return replacement[replacement.length - 1];
}

/** The replacement as the user would write it: a sibling beside the key, or the new path with the written names. */
function replacementPath(info: KeyInfo, site: KeySite, newName: string | undefined): string[] {
  if (newName) return [...site.path.slice(0, -1), newName];
  return info.deprecated!.replacedBy.split('.').map((seg, i) => (seg === '*' ? site.path[i] ?? '*' : seg));
}

/** Whether a key deprecated in release `since` is already deprecated in the version the files are for. */
function deprecatedIn(version: EmqxVersion, since: string | undefined): boolean {
  if (!since) return true;
  const [major, minor] = since.split('.').map(Number);
  if (version === '5.0') return major < 5 || (major === 5 && minor === 0);
  if (version === '5') return major <= 5;
  return major <= 6;
}

/** Deprecated sites per group of sites (groups are per EMQX version: their paths come from its schema). */
const deprecatedSites = new WeakMap<KeySite[], KeySite[]>();

export const rule: Rule = {
  id,
  severity: 'info',
  fixable: true,
  docs: { title: 'A deprecated EMQX key', path: docsPath(id) },
  check({ model, report }) {
    if (model.version === '4') return;
    const version = model.version;
    for (const site of pickSites(model, deprecatedSites, (s) => !!s.node.info?.deprecated && deprecatedIn(version, s.node.info.deprecated.since))) {
      const info = site.node.info as KeyInfo & { deprecated: NonNullable<KeyInfo['deprecated']> };
      const newName = renameTo(info);
      const replacement = replacementPath(info, site, newName);
      const since = info.deprecated.since ? ` since EMQX ${info.deprecated.since}` : '';
      const message = newName
        ? `\`${dotted(site.path)}\` is the old name of \`${dotted(replacement)}\`: EMQX still reads it, but the name is deprecated${since} and may stop working in a later release.`
        : `\`${dotted(site.path)}\` is deprecated${since} and may no longer take effect; its replacement \`${dotted(replacement)}\` is not a plain rename, so check what it expects before moving the value over.`;
      report({
        file: site.file,
        span: site.segment,
        message,
        fixes: newName
          ? [{
              title: `Rename to \`${newName}\``,
              edits: [{ file: site.file, offset: site.segment.start, length: site.segment.end - site.segment.start, newText: segmentText(site.segment, newName) }],
              preferred: true,
              safe: true,
            }]
          : [],
      });
    }
  },
};
