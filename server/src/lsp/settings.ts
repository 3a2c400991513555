/** Settings in the server: .mqtt-harden.json of each workspace folder, overlaid with the editor's mqttHarden.* settings. */
import * as path from 'node:path';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../engine/settings';
import { MAX_SETTINGS_BYTES, readRegularFile } from '../core/sandbox';

export const SETTINGS_SECTION = 'mqttHarden';

/** Merges the project file (shared with the CLI) and the editor's settings; editor values that differ from defaults win. */
export function mergeSettings(folders: string[], editor: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  let fromFile: Settings = { ...DEFAULT_SETTINGS, rules: {}, files: [] };
  for (const folder of folders) {
    const file = path.join(folder, '.mqtt-harden.json');
    const outcome = readRegularFile(file, MAX_SETTINGS_BYTES);
    if (!('text' in outcome)) continue;
    const text = outcome.text;
    try {
      const r = normalizeSettings(JSON.parse(text));
      fromFile = r.settings;
      problems.push(...r.problems.map((p) => `${file}: ${p}`));
    } catch (err) {
      problems.push(`${file}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    break;
  }
  const fromEditor = normalizeSettings(stripTrace(editor));
  problems.push(...fromEditor.problems.map((p) => `editor settings: ${p}`));
  const e = fromEditor.settings;
  return {
    settings: {
      emqxVersion: e.emqxVersion !== DEFAULT_SETTINGS.emqxVersion ? e.emqxVersion : fromFile.emqxVersion,
      targetConnections: e.targetConnections !== DEFAULT_SETTINGS.targetConnections ? e.targetConnections : fromFile.targetConnections,
      rules: { ...fromFile.rules, ...e.rules },
      files: e.files.length ? e.files : fromFile.files,
    },
    problems,
  };
}

function stripTrace(editor: unknown): unknown {
  if (!editor || typeof editor !== 'object' || Array.isArray(editor)) return undefined;
  const { trace: _trace, ...rest } = editor as Record<string, unknown>;
  return rest;
}
