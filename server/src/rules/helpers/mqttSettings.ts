/**
 * Helpers shared by the mqtt/, dashboard/, secrets/ and log/ rules (not a rule itself): boolean spelling
 * across formats, listeners, and settings with their defaults.
 */
import type { DeploymentModel, Fact, Listener } from '../../model/deploymentModel';

/** True for `true`, `"true"` and the 4.x `on`. */
export function isOn(value: unknown): boolean {
  return value === true || value === 'true' || value === 'on';
}

/** True for `false`, `"false"` and the 4.x `off`. */
export function isOff(value: unknown): boolean {
  return value === false || value === 'false' || value === 'off';
}

/** The enabled MQTT listeners (implicit 5.x defaults included). */
export function enabledMqttListeners(model: DeploymentModel): Listener[] {
  return model.listeners.filter((l) => l.kind === 'mqtt' && l.enabled.value);
}

/** A listener's name as the config spells it: `listeners.tcp.default`, `listener.tcp.external`. */
export function listenerName(listener: Listener): string {
  return listener.path.join('.');
}

/** The explicit setting at `path`, or `defaultValue` reported at the anchor of the path. */
export function settingFact<T>(model: DeploymentModel, path: readonly string[], defaultValue: T): Fact<unknown> | undefined {
  const view = model.emqx;
  if (!view) return undefined;
  return view.get(path) ?? { value: defaultValue, explicit: false, origin: view.anchor(path), overridden: [] };
}
