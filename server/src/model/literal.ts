/** Writing values back in each format's own syntax, for fixes. */
import { hoconString } from '../parsers/hocon';

/** A HOCON literal for a plain value: safe strings unquoted, arrays inline, objects as blocks. */
export function hoconLiteral(value: unknown): string {
  if (typeof value === 'string') return hoconString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(hoconLiteral).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([k, v]) => ` ${hoconString(k)} = ${hoconLiteral(v)}`).join(',')} }`;
}

/** A 4.x flat value: raw text, lists comma-separated. */
export function flatLiteral(value: unknown): string {
  if (Array.isArray(value)) return value.map(flatLiteral).join(',');
  return String(value);
}
