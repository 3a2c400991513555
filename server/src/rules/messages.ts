/** Phrases shared by rule messages, so every rule says the same thing the same way. */
import type { DeploymentModel, Fact } from '../model/deploymentModel';

const VERSION_NAMES = { '4': 'EMQX 4.x', '5.0': 'EMQX 5.0', '5': 'EMQX 5.x', '6': 'EMQX 6.x' } as const;

/** The version the checks assume, for messages ("EMQX 5.x"). */
export function versionName(model: DeploymentModel): string {
  return VERSION_NAMES[model.version];
}

/**
 * ` (EMQX 5.x default)` when the value is not written anywhere but is what EMQX uses for the detected
 * version; empty for explicit settings.
 */
export function defaultNote(model: DeploymentModel, fact: Fact<unknown>): string {
  return fact.explicit ? '' : ` (not set, so ${versionName(model)}'s default applies)`;
}

/** A value as messages show it: strings quoted, lists bracketed. */
export function shownValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => String(v)).join(', ')}]`;
  if (typeof value === 'string') return `"${value}"`;
  return String(value);
}
