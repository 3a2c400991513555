import type { Rule } from '../types';
import { docsPath } from '../types';
import { closestKey } from '../../schema/index';
import { versionName } from '../messages';
import { dotted, pickSites, segmentText, type KeySite } from '../helpers/hoconKeys';

const id = 'emqx/unknown-key';

/** A key under a section the product knows every key of, that is not one of them. */
const isUnknown = (site: KeySite) => !!site.node.parent?.knownSection && !site.node.info;
const unknown = new WeakMap<KeySite[], KeySite[]>();

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'A key EMQX does not know', path: docsPath(id) },
  check({ model, report }) {
    // 4.x flat files have no sections the product treats as closed; isKnownSection says so too.
    if (model.version === '4') return;
    for (const site of pickSites(model, unknown, isUnknown)) {
      const parent = site.node.parent?.path ?? [];
      const name = site.segment.name;
      const where = parent.length ? `under \`${dotted(parent)}\`` : 'at the top level';
      const suggestion = closestKey(site.path, model.version);
      const hint = suggestion && suggestion !== name ? ` (did you mean \`${suggestion}\`?)` : '';
      report({
        file: site.file,
        span: site.segment,
        message: `\`${name}\` is not a setting ${versionName(model)} knows ${where}, so whatever it was meant to set (a protection, a limit) does not take effect${hint}.`,
        fixes: suggestion && suggestion !== name
          ? [{
              title: `Rename to \`${suggestion}\``,
              edits: [{ file: site.file, offset: site.segment.start, length: site.segment.end - site.segment.start, newText: segmentText(site.segment, suggestion) }],
              preferred: true,
              // A guess at what was meant: offered, not applied by "fix all".
              safe: false,
            }]
          : [],
      });
    }
  },
};
