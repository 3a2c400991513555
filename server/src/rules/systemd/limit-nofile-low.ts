import type { Rule } from '../types';
import { docsPath } from '../types';
import { descriptorTarget, effectiveSysctl, grouped, integerValue, processLimitFloor, setSysctlEdits } from '../helpers/sysctlKernel';
import { emqxUnits, insertDirectivesEdits, limitNofile, mainPart, serviceHeader, setWhereWritten } from '../helpers/systemdUnit';

const id = 'systemd/limit-nofile-low';

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'The EMQX service may open too few files', path: docsPath(id) },
  check({ model, settings, report }) {
    const floor = processLimitFloor(settings);
    // The fix writes the descriptor target, but never above an explicit fs.nr_open that already covers the
    // floor: a LimitNOFILE above fs.nr_open cannot be applied (cross/nofile-exceeds-nr-open).
    const nrOpenSetting = effectiveSysctl(model, ['fs.nr_open']);
    const nrOpen = integerValue(nrOpenSetting?.fact.value ?? '');
    const target = nrOpen !== undefined && nrOpen >= floor ? Math.min(descriptorTarget(settings), nrOpen) : descriptorTarget(settings);
    // An explicit fs.nr_open below the new limit would make the service fail to start: raise it in the same fix.
    const raiseNrOpen = nrOpenSetting && nrOpen !== undefined && nrOpen < target ? setSysctlEdits(nrOpenSetting, String(target)) : [];
    const title = raiseNrOpen.length ? `Set LimitNOFILE=${target} and fs.nr_open = ${target}` : `Set LimitNOFILE=${target}`;
    for (const unit of emqxUnits(model)) {
      const current = limitNofile(unit);
      if (!current) {
        report({
          ...serviceHeader(unit),
          message: `${unit.name} sets no LimitNOFILE, so EMQX starts with systemd's default of 1,024 open files (soft limit) and refuses connections long before the ${grouped(settings.targetConnections)} it is sized for.`,
          fixes: [{ title, edits: [...insertDirectivesEdits(mainPart(unit), 'Service', [['LimitNOFILE', String(target)]]), ...raiseNrOpen], preferred: true, safe: true }],
        });
        continue;
      }
      if (!current.limit || current.limit.soft >= floor) continue;
      const { entry } = current.source;
      report({
        file: current.source.file,
        span: entry.valueSpan,
        message: `LimitNOFILE=${current.value} lets EMQX open only ${grouped(current.limit.soft)} files, and every MQTT connection takes one: below ${grouped(floor)}, the broker refuses clients well before the ${grouped(settings.targetConnections)} it is sized for.`,
        fixes: [{ title, edits: [...setWhereWritten(unit, current.source, 'Service', 'LimitNOFILE', String(target)), ...raiseNrOpen], preferred: true, safe: true }],
      });
    }
  },
};
