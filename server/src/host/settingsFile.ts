/** The settings file the CLI and the language server share: its name, and reading it into Settings. */
import * as fs from 'node:fs';
import { normalizeSettings, type Settings } from '../core/settings';
import { describeFsError } from '../workspace/discover';

/** Looked for in the current folder (CLI) and in each workspace folder (language server). */
export const SETTINGS_FILE_NAME = '.mqtt-harden.json';

export type SettingsFile =
  | { status: 'absent' }
  | { status: 'unreadable'; reason: string }
  | { status: 'invalid-json'; reason: string }
  /** Read; `problems` are the settings it had to ignore (unknown keys, bad values). */
  | { status: 'read'; settings: Settings; problems: string[] };

/** Reads a settings file; never throws. Each host words what went wrong its own way. */
export function readSettingsFile(file: string): SettingsFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException)?.code === 'ENOENT') return { status: 'absent' };
    return { status: 'unreadable', reason: describeFsError(err) };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { status: 'invalid-json', reason: err instanceof Error ? err.message : String(err) };
  }
  return { status: 'read', ...normalizeSettings(raw) };
}
