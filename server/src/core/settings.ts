/** Settings shared by the extension configuration and the CLI's .mqtt-harden.json (same schema). */
import type { Severity } from '../core/problems';

export type EmqxVersionSetting = 'auto' | '4' | '5.0' | '5' | '6';
export type RuleLevel = Severity | 'off';

export interface Settings {
  emqxVersion: EmqxVersionSetting;
  targetConnections: number;
  /** Per-rule severity or off, by rule id. */
  rules: Record<string, RuleLevel>;
  /** Glob patterns naming the deployment's files; empty = every recognised file. */
  files: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  emqxVersion: 'auto',
  targetConnections: 1_000_000,
  rules: {},
  files: [],
};

const VERSIONS = new Set(['auto', '4', '5.0', '5', '6']);
const LEVELS = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** A string or number setting as text; undefined for anything else (objects, arrays, booleans). */
function scalarText(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
}

/** A value for a message, never throwing (String() throws on `{"toString": 1}`) and never long. */
function describe(v: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(v) ?? typeof v;
  } catch {
    text = typeof v;
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Reads settings from untrusted JSON (a config file or the editor), keeping the defaults for anything
 * missing and collecting a message for anything invalid instead of throwing.
 */
export function normalizeSettings(input: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, rules: {}, files: [] };
  if (input === undefined || input === null) return { settings, problems };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { settings, problems: ['settings must be a JSON object'] };
  }
  const raw = input as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!['emqxVersion', 'targetConnections', 'rules', 'files', '$schema'].includes(key)) problems.push(`unknown setting "${key}"`);
  }
  if (raw.emqxVersion !== undefined) {
    const v = scalarText(raw.emqxVersion);
    if (v !== undefined && VERSIONS.has(v)) settings.emqxVersion = v as EmqxVersionSetting;
    else problems.push(`emqxVersion must be one of auto, 4, 5.0, 5, 6 (got ${describe(raw.emqxVersion)})`);
  }
  if (raw.targetConnections !== undefined) {
    const n = raw.targetConnections;
    if (typeof n === 'number' && Number.isFinite(n) && n >= 1) settings.targetConnections = Math.floor(n);
    else problems.push('targetConnections must be a positive number');
  }
  if (raw.rules !== undefined) {
    if (typeof raw.rules !== 'object' || raw.rules === null || Array.isArray(raw.rules)) {
      problems.push('rules must be an object of rule id to severity');
    } else {
      for (const [id, level] of Object.entries(raw.rules as Record<string, unknown>)) {
        const l = typeof level === 'string' ? level : undefined;
        if (l !== undefined && LEVELS.has(l) && id !== '__proto__') settings.rules[id] = l as RuleLevel;
        else problems.push(`rules[${describe(id)}] must be error, warning, info, hint or off (got ${describe(level)})`);
      }
    }
  }
  if (raw.files !== undefined) {
    if (Array.isArray(raw.files) && raw.files.every((f) => typeof f === 'string')) settings.files = raw.files as string[];
    else problems.push('files must be an array of glob patterns');
  }
  return { settings, problems };
}
