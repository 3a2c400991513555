/** The registry: every rule of the catalogue. Each group lists its rules in its own index.ts. */
import type { Rule } from './types';
import { ERLANG_RULES } from './erlang';
import { PORTS_RULES } from './ports';
import { TLS_RULES } from './tls';
import { MQTT_RULES } from './mqtt';
import { DASHBOARD_RULES } from './dashboard';
import { SECRETS_RULES } from './secrets';
import { LOG_RULES } from './log';
import { SYSCTL_RULES } from './sysctl';
import { SYSTEMD_RULES } from './systemd';
import { LIMITS_RULES } from './limits';
import { CROSS_RULES } from './cross';
import { FILES_RULES } from './files';
import { HOCON_RULES } from './hocon';
import { EMQX_RULES } from './emqx';
import { SUPPRESSIONS_RULES } from './suppressions';
import { rule as internalRuleError } from './internal/rule-error';
import { rule as vmargsSyntax } from './vmargs/syntax';
import { rule as emqx4Syntax } from './emqx4/syntax';
import { rule as envfileSyntax } from './envfile/syntax';

export const RULES: readonly Rule[] = [
  ...ERLANG_RULES, ...PORTS_RULES, ...TLS_RULES, ...MQTT_RULES, ...DASHBOARD_RULES, ...SECRETS_RULES, ...LOG_RULES,
  ...SYSCTL_RULES, ...SYSTEMD_RULES, ...LIMITS_RULES, ...CROSS_RULES, ...FILES_RULES, ...HOCON_RULES, ...EMQX_RULES,
  ...SUPPRESSIONS_RULES, vmargsSyntax, emqx4Syntax, envfileSyntax, internalRuleError,
];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
