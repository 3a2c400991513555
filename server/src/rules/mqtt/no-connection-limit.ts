import type { Rule } from '../types';
import { docsPath } from '../types';
import { defaultNote } from '../messages';
import { enabledMqttListeners, listenerName, settingFact } from '../helpers/mqttSettings';
import type { DeploymentModel } from '../../model/deploymentModel';
import { emqxUnits, limitNofile } from '../helpers/systemdUnit';

const id = 'mqtt/no-connection-limit';

export const rule: Rule = {
  id,
  severity: 'info',
  fixable: true,
  docs: { title: 'An exposed listener accepts unlimited connections', path: docsPath(id) },
  check({ model, settings, report }) {
    const view = model.emqx;
    if (!view) return;
    const flagged = enabledMqttListeners(model).filter((l) => l.exposed);
    const limit = connectionBudget(model, flagged.length, settings.targetConnections);
    for (const l of flagged) {
      const path = [...l.path, 'max_connections'];
      // 4.x has no `infinity` default: only an explicit one counts there.
      const fact = view.format === 'emqx4' ? view.get(path) : settingFact(model, path, 'infinity');
      if (!fact || fact.value !== 'infinity') continue;
      report({
        file: fact.origin.file,
        span: fact.origin.span,
        message: `${listenerName(l)}.max_connections is infinity${defaultNote(model, fact)}: a connection flood on this exposed listener can use up file descriptors and memory before anything stops it.`,
        fixes: [{
          title: `Set ${listenerName(l)}.max_connections = ${limit.value} (${limit.why})`,
          edits: model.edits.setSetting(path, limit.value),
          preferred: true,
          safe: false,
        }],
      });
    }
  },
};

/** Descriptors kept for everything that is not an MQTT connection (files, cluster links, the dashboard). */
const DESCRIPTOR_RESERVE = 1024;

/**
 * The limit the fix writes: the targetConnections setting, but no more than an EMQX unit's LimitNOFILE can
 * hold once shared among the listeners that need one (and the limits already written), so that fixing
 * every listener never makes them add up past the file limit (cross/connections-exceed-nofile).
 */
function connectionBudget(model: DeploymentModel, listeners: number, target: number): { value: number; why: string } {
  const unit = emqxUnits(model)[0];
  const nofile = unit ? limitNofile(unit)?.limit?.soft : undefined;
  if (nofile === undefined || !Number.isFinite(nofile)) return { value: target, why: 'the targetConnections setting' };
  const written = model.listeners
    .map((l) => model.emqx?.get([...l.path, 'max_connections'])?.value)
    .filter((v): v is number => typeof v === 'number')
    .reduce((a, b) => a + b, 0);
  const share = Math.floor((nofile - DESCRIPTOR_RESERVE - written) / Math.max(1, listeners));
  return share >= target ? { value: target, why: 'the targetConnections setting' } : { value: Math.max(1, share), why: `a share of LimitNOFILE=${nofile}` };
}
