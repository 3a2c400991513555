/** EMQX 4.x settings across the flat files of a deployment: the main emqx.conf and the plugin files. */
import type { DeploymentModel, Fact } from './deploymentModel';
import type { ParsedEmqx4 } from '../parsers';
import { lastEntry } from '../parsers/emqx4';

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
