import type { Rule } from '../types';
import { docsPath } from '../types';
import { parseEnvironmentValue } from '../../parsers/systemd';
import { emqxUnits, isSecretReference, isSecretVariableName } from '../helpers/systemdUnit';

const id = 'systemd/secret-in-environment';

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: false,
  docs: { title: 'A secret is written into the service unit', path: docsPath(id) },
  check({ model, report }) {
    for (const unit of emqxUnits(model)) {
      // Every assignment counts, even one a later `Environment=` reset hides: the text is still in the file.
      for (const source of unit.directive('Service', 'Environment')?.all ?? []) {
        const part = unit.parts.find((p) => p.file === source.file);
        if (!part) continue;
        const { valueSpan } = source.entry;
        for (const a of parseEnvironmentValue(part.text.slice(valueSpan.start, valueSpan.end), valueSpan.start)) {
          if (!isSecretVariableName(a.name) || isSecretReference(a.value)) continue;
          report({
            file: source.file,
            span: { start: a.start, end: a.end },
            message: `Environment= puts ${a.name} into ${unit.name}, where every local user can read it (unit files are world-readable and \`systemctl show\` prints the environment); move it to an EnvironmentFile= with mode 600 or a LoadCredential=.`,
          });
        }
      }
    }
  },
};
