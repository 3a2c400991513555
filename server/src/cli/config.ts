/** The CLI's settings: .mqtt-harden.json (same schema as the extension's settings), then flags on top. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliOptions } from './args';
import { normalizeSettings, type Settings } from '../engine/settings';
import { MAX_SETTINGS_BYTES, readRegularFile } from '../core/sandbox';

export const CONFIG_FILE_NAME = '.mqtt-harden.json';

export function loadSettings(options: CliOptions, cwd: string): { settings?: Settings; error?: string; warnings: string[] } {
  const file = options.config ? path.resolve(cwd, options.config) : path.join(cwd, CONFIG_FILE_NAME);
  let raw: unknown;
  if (options.config || fs.existsSync(file)) {
    // A regular file of at most 1 MiB: a settings file linked to a FIFO or /dev/zero must not hang the run.
    const outcome = readRegularFile(file, MAX_SETTINGS_BYTES);
    if (!('text' in outcome)) return { error: `cannot read settings file ${file}: ${'error' in outcome ? outcome.error : outcome.refused}`, warnings: [] };
    const text = outcome.text;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      return { error: `settings file ${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`, warnings: [] };
    }
  }
  const { settings, problems } = normalizeSettings(raw);
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
