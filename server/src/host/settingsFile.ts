/** The settings file the CLI and the language server share: its name, and reading it into Settings. */
import * as fs from 'node:fs';
import { normalizeSettings, type Settings } from '../core/settings';
import { MAX_SETTINGS_BYTES, readRegularFile } from '../core/sandbox';

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
  if (!fs.existsSync(file)) return { status: 'absent' };
  // A regular file of at most 1 MiB: a settings file linked to a FIFO or /dev/zero must not hang the host.
  const outcome = readRegularFile(file, MAX_SETTINGS_BYTES);
  if (!('text' in outcome)) return { status: 'unreadable', reason: 'error' in outcome ? outcome.error : outcome.refused };
  const text = outcome.text;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { status: 'invalid-json', reason: err instanceof Error ? err.message : String(err) };
  }
  return { status: 'read', ...normalizeSettings(raw) };
}
