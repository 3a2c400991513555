/** The CLI's settings: .mqtt-harden.json (same schema as the extension's settings), then flags on top. */
import * as path from 'node:path';
import type { CliOptions } from './args';
import { normalizeSettings, type Settings } from '../core/settings';
import { readSettingsFile, SETTINGS_FILE_NAME } from '../host/settingsFile';

export function loadSettings(options: CliOptions, cwd: string): { settings?: Settings; error?: string; warnings: string[] } {
  const file = options.config ? path.resolve(cwd, options.config) : path.join(cwd, SETTINGS_FILE_NAME);
  const read = readSettingsFile(file);
  // Only a file named with --config must exist; the default one is optional.
  if (read.status === 'absent' && options.config) return { error: `cannot read settings file ${file}: no such file or folder`, warnings: [] };
  if (read.status === 'unreadable') return { error: `cannot read settings file ${file}: ${read.reason}`, warnings: [] };
  if (read.status === 'invalid-json') return { error: `settings file ${file} is not valid JSON: ${read.reason}`, warnings: [] };
  const { settings, problems } = read.status === 'read' ? read : normalizeSettings(undefined);
  const fromFlags = normalizeSettings({
    ...(options.emqxVersion !== undefined ? { emqxVersion: options.emqxVersion } : {}),
    ...(options.targetConnections !== undefined ? { targetConnections: options.targetConnections } : {}),
  });
  if (fromFlags.problems.length) return { error: fromFlags.problems.join('; '), warnings: [] };
  if (options.emqxVersion !== undefined) settings.emqxVersion = fromFlags.settings.emqxVersion;
  if (options.targetConnections !== undefined) settings.targetConnections = fromFlags.settings.targetConnections;
  Object.assign(settings.rules, options.rules);
  if (options.files.length) settings.files = options.files;
  return { settings, warnings: problems.map((p) => `${file}: ${p}`) };
}
