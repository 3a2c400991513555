import type { DeploymentModel } from '../../model/deploymentModel';
import type { Rule } from '../types';
import { docsPath } from '../types';
import { defaultNote } from '../messages';
import { isOn, settingFact } from '../helpers/mqttSettings';

const id = 'log/audit-disabled';

/** Root keys that only EMQX Enterprise (5.x before 5.9) reads. */
const ENTERPRISE_ROOTS = ['license', 'schema_registry', 'message_transformation', 'schema_validation', 'file_transfer'];

/**
 * Whether the audit log is available: every 6.x (since 5.9 one edition carries all features), or a 5.x
 * config that shows it runs Enterprise (a license, an Enterprise-only section, or an audit block already).
 */
export function hasAuditLog(model: DeploymentModel): boolean {
  const view = model.emqx;
  if (!view || view.format !== 'hocon' || model.version === '5.0') return false;
  if (model.version === '6') return true;
  if (model.environment.has('EMQX_LICENSE__KEY')) return true;
  return !!view.get(['log', 'audit']) || ENTERPRISE_ROOTS.some((root) => view.get([root]) !== undefined);
}

export const rule: Rule = {
  id,
  severity: 'info',
  fixable: true,
  docs: { title: 'The audit log is off', path: docsPath(id) },
  check({ model, report }) {
    if (!hasAuditLog(model)) return;
    const path = ['log', 'audit', 'enable'];
    const fact = settingFact(model, path, false)!;
    if (isOn(fact.value)) return;
    report({
      file: fact.origin.file,
      span: fact.origin.span,
      message: `log.audit.enable is false${defaultNote(model, fact)}: dashboard logins, configuration changes and REST API or CLI operations leave no audit trail to investigate after an incident.`,
      fixes: [{ title: 'Set log.audit.enable = true', edits: model.edits.setSetting(path, true), preferred: true, safe: true }],
    });
  },
};
