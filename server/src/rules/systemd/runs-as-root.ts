import type { Rule } from '../types';
import { docsPath } from '../types';
import { systemdDirectiveInfo } from '../../schema';
import { emqxUnits, insertDirectivesEdits, mainPart, serviceHeader, setWhereWritten } from '../helpers/systemdUnit';

const id = 'systemd/runs-as-root';

const isRoot = (value: string | undefined) => value === undefined || value === '' || value === 'root' || value === '0';
const isYes = (value: string | undefined) => /^(1|yes|true|on)$/i.test(value ?? '');

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'The EMQX service runs as root', path: docsPath(id) },
  check({ model, report }) {
    const user = systemdDirectiveInfo('Service', 'User')?.recommended ?? 'emqx';
    const group = systemdDirectiveInfo('Service', 'Group')?.recommended ?? 'emqx';
    for (const unit of emqxUnits(model)) {
      // DynamicUser= gives the service a fresh unprivileged account.
      if (isYes(unit.directive('Service', 'DynamicUser')?.effective[0]?.entry.value)) continue;
      const userSource = unit.directive('Service', 'User')?.effective[0];
      if (!isRoot(userSource?.entry.value)) continue;
      const groupSource = unit.directive('Service', 'Group')?.effective[0];
      // Edit where each directive is written; add what is missing to the main unit.
      const edits = [];
      const missing: [string, string][] = [];
      if (userSource && userSource.entry.value !== '') edits.push(...setWhereWritten(unit, userSource, 'Service', 'User', user));
      else missing.push(['User', user]);
      if (groupSource && groupSource.entry.value !== '') {
        if (isRoot(groupSource.entry.value)) edits.push(...setWhereWritten(unit, groupSource, 'Service', 'Group', group));
      } else missing.push(['Group', group]);
      edits.push(...insertDirectivesEdits(mainPart(unit), 'Service', missing));
      const where = userSource && userSource.entry.value !== '' ? { file: userSource.file, span: userSource.entry.valueSpan } : serviceHeader(unit);
      const what = userSource && userSource.entry.value !== '' ? `User=${userSource.entry.value} in ${unit.name} runs EMQX as root` : `${unit.name} has no User=, so EMQX runs as root`;
      report({
        ...where,
        message: `${what}: whoever gets code running in the broker (a plugin, an exploit, the Erlang distribution port) owns the whole host.`,
        // Not safe: the account must exist and own EMQX's data and log directories.
        fixes: [{ title: `Run as ${user}:${group}`, edits, preferred: true, safe: false }],
      });
    }
  },
};
