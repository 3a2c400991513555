/** Settings in the server: .mqtt-harden.json of each workspace folder, overlaid with the editor's mqttHarden.* settings. */
import * as path from 'node:path';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../core/settings';
import { readSettingsFile, SETTINGS_FILE_NAME } from '../host/settingsFile';

export const SETTINGS_SECTION = 'mqttHarden';

/** Merges the project file (shared with the CLI) and the editor's settings; editor values that differ from defaults win. */
export function mergeSettings(folders: string[], editor: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  let fromFile: Settings = { ...DEFAULT_SETTINGS, rules: {}, files: [] };
  // The first workspace folder with a readable settings file gives it.
  for (const folder of folders) {
    const file = path.join(folder, SETTINGS_FILE_NAME);
    const read = readSettingsFile(file);
    if (read.status === 'absent' || read.status === 'unreadable') continue;
    if (read.status === 'invalid-json') problems.push(`${file}: not valid JSON (${read.reason})`);
    else {
      fromFile = read.settings;
      problems.push(...read.problems.map((p) => `${file}: ${p}`));
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
