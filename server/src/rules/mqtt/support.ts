/**
 * Helpers shared by the mqtt/, dashboard/, secrets/ and log/ rules (not a rule itself): boolean spelling
 * across formats, block insertion in the main HOCON file, and 4.x settings that live in plugin files.
 */
import type { FileEdit } from '../../core/text';
import type { DeploymentModel, Fact, Listener } from '../../model/deploymentModel';
import type { ParsedEmqx4, ParsedHocon } from '../../parsers';
import { insertValue } from '../../parsers/hocon';
import { lastEntry } from '../../parsers/emqx4';
import { readsInsertAt, untracked } from '../../model/observe';

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

/** The main HOCON config file, where absent settings are inserted. */
export function mainHocon(model: DeploymentModel): ParsedHocon | undefined {
  const main = model.emqx?.mainFile;
  return model.files.find((f): f is ParsedHocon => f.file === main && f.kind === 'emqx-conf' && f.format === 'hocon');
}

/**
 * Inserts `path = <blockText>` into the main HOCON file, inside the deepest block that already encloses
 * the path. `blockText` is written as HOCON (multi-line blocks are indented to fit).
 */
export function insertHoconBlock(model: DeploymentModel, path: readonly string[], blockText: string): FileEdit[] {
  readsInsertAt(path);
  const main = untracked(() => mainHocon(model));
  if (!main) return [];
  return insertValue(main.doc, path, blockText).map((e) => ({ ...e, file: main.file }));
}

/** The flat 4.x files of the deployment: the main emqx.conf first, then plugin files (etc/plugins/*.conf). */
export function flatFiles(model: DeploymentModel): ParsedEmqx4[] {
  const files = model.files.filter((f): f is ParsedEmqx4 => f.kind === 'emqx-conf' && f.format === 'emqx4');
  const main = model.emqx?.mainFile;
  return [...files.filter((f) => f.file === main), ...files.filter((f) => f.file !== main)];
}

/**
 * A 4.x setting from whichever flat file defines it (emqx.conf, or a plugin file such as
 * plugins/emqx_dashboard.conf, where the dashboard and management keys live).
 */
export function flatSetting(model: DeploymentModel, key: string): Fact<string> | undefined {
  for (const f of flatFiles(model)) {
    const entry = lastEntry(f.doc, key);
    if (entry) return { value: entry.value, explicit: true, origin: { file: f.file, span: entry.valueSpan, keySpan: entry.keySpan }, overridden: [] };
  }
  return undefined;
}
