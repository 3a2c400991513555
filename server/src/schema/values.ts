/**
 * Value checks as EMQX's schema applies them (hocon + typerefl): booleans, integers, durations,
 * byte sizes, percentages, rates, ip:port, enums. Also exports the parsers, which rules reuse
 * to compare values (e.g. max_packet_size above 1MB).
 */
import { isIP } from 'node:net';
import { closest } from './distance';
import type { KeyInfo, ValueProblem } from './types';

const DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gi;
const DURATION_FULL = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/i;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const BYTE_UNITS: Record<string, number> = { '': 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** Milliseconds of a duration such as `15s`, `1h5m`, `100ms` or a bare number (taken as milliseconds). */
export function parseDurationMs(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  if (!DURATION_FULL.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(DURATION_PART)) total += Number(m[1]) * UNIT_MS[m[2].toLowerCase()];
  return total;
}

/** Bytes of a size such as `16MB`, `512kb`, `1GB` or a bare number. */
export function parseBytesize(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^(\d+)(kb|mb|gb)?$/i.exec(value.trim());
  return m ? Number(m[1]) * BYTE_UNITS[(m[2] ?? '').toLowerCase()] : undefined;
}

/** A percentage as a fraction 0..1: `80%` -> 0.8; a bare number is taken as the fraction itself. */
export function parsePercent(value: unknown): number | undefined {
  if (typeof value === 'number') return value >= 0 && value <= 1 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^(\d+(?:\.\d+)?)%$/.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return n <= 100 ? n / 100 : undefined;
}

export interface Rate {
  /** Messages, connections or bytes per window. */
  amount: number;
  /** Window length in milliseconds. */
  perMs: number;
}

/** A limiter rate such as `1000/s`, `10MB/s`, `500/10s`, a bare number (per second), or `infinity`. */
export function parseRate(value: unknown): Rate | 'infinity' | undefined {
  if (typeof value === 'number') return value >= 0 ? { amount: value, perMs: 1000 } : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === 'infinity') return 'infinity';
  const m = /^(\d+)([a-zA-Z]*)(?:\/(\d*)([a-zA-Z]{1,2}))?$/.exec(text);
  if (!m) return undefined;
  const factor = BYTE_UNITS[m[2].toLowerCase()];
  if (factor === undefined) return undefined;
  if (m[4] === undefined) return { amount: Number(m[1]) * factor, perMs: 1000 };
  const unit = UNIT_MS[m[4].toLowerCase()];
  const count = m[3] === '' ? 1 : Number(m[3]);
  if (unit === undefined || count === 0) return undefined;
  return { amount: Number(m[1]) * factor, perMs: unit * count };
}

export interface IpPort {
  /** Undefined for a bare port, which means every interface. */
  ip?: string;
  port: number;
}

/** A listener address: `1883`, `0.0.0.0:1883`, `[::1]:1883`, `::1:1883`, `:1883`. */
export function parseIpPort(value: unknown): IpPort | undefined {
  const port = (text: string) => (/^\d{1,5}$/.test(text) && Number(text) <= 65535 ? Number(text) : undefined);
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= 65535 ? { port: value } : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/ /g, '');
  const colon = text.lastIndexOf(':');
  if (colon < 0) {
    const p = port(text);
    return p === undefined ? undefined : { port: p };
  }
  const p = port(text.slice(colon + 1));
  let ip = text.slice(0, colon);
  if (p === undefined) return undefined;
  if (ip === '') return { port: p };
  if (ip.startsWith('[')) {
    if (!ip.endsWith(']')) return undefined;
    ip = ip.slice(1, -1);
  }
  return isIP(ip) ? { ip, port: p } : undefined;
}

const TRUTHY = new Set(['yes', 'on', 'enable', 'enabled', '1', 'y', 'True', 'TRUE']);
const FALSY = new Set(['no', 'off', 'disable', 'disabled', '0', 'n', 'False', 'FALSE']);

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Map || (typeof value === 'object' && value !== null)) return 'an object';
  return String(value);
}

function keyName(info: KeyInfo): string {
  return info.path.slice(info.path.lastIndexOf('.') + 1);
}

function isObjectValue(value: unknown): boolean {
  return value instanceof Map || (typeof value === 'object' && value !== null && !Array.isArray(value));
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function expected(info: KeyInfo, what: string, value: unknown, suggestion?: string): ValueProblem {
  const specials = info.specials?.length ? ` or ${info.specials.map((s) => `\`${s}\``).join(', ')}` : '';
  return { message: `\`${keyName(info)}\` expects ${what}${specials}; got ${show(value)}.`, ...(suggestion !== undefined ? { suggestion } : {}) };
}

function checkRange(info: KeyInfo, n: number, value: unknown): ValueProblem | undefined {
  if (info.min !== undefined && n < info.min) {
    return { message: `\`${keyName(info)}\` must be at least ${info.min}; got ${show(value)}.`, suggestion: String(info.min) };
  }
  if (info.max !== undefined && n > info.max) {
    return { message: `\`${keyName(info)}\` must be at most ${info.max}; got ${show(value)}.`, suggestion: String(info.max) };
  }
  return undefined;
}

function checkBoolean(info: KeyInfo, value: unknown): ValueProblem | undefined {
  if (typeof value === 'boolean' || value === 'true' || value === 'false') return undefined;
  const text = String(value);
  const suggestion = TRUTHY.has(text) || TRUTHY.has(text.toLowerCase()) ? 'true' : FALSY.has(text) || FALSY.has(text.toLowerCase()) ? 'false' : undefined;
  return expected(info, 'true or false', value, suggestion);
}

function checkInteger(info: KeyInfo, value: unknown): ValueProblem | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(n)) return expected(info, 'a whole number', value);
  return checkRange(info, n, value);
}

function checkNumber(info: KeyInfo, value: unknown): ValueProblem | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) return expected(info, 'a number', value);
  return checkRange(info, n, value);
}

function checkEnumItem(info: KeyInfo, allowed: string[], item: unknown, what: string): ValueProblem | undefined {
  if (!isScalar(item)) return expected(info, what, item);
  const text = String(item);
  if (allowed.includes(text)) return undefined;
  return {
    message: `\`${keyName(info)}\` does not accept ${show(item)}; allowed: ${allowed.join(', ')}.`,
    ...(closest(text, allowed) ? { suggestion: closest(text, allowed) } : {}),
  };
}

function checkArray(info: KeyInfo, value: unknown): ValueProblem | undefined {
  let items: unknown[];
  if (Array.isArray(value)) items = value;
  else if (typeof value === 'string') items = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  else return expected(info, 'a list [ ... ]', value);
  if (!info.itemEnum) return undefined;
  for (const item of items) {
    const problem = checkEnumItem(info, info.itemEnum, item, 'a list of names');
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Checks a resolved plain value against a key's type as EMQX would; undefined when EMQX accepts it.
 * `null` always passes (HOCON null unsets a key, so EMQX falls back to the default).
 */
export function checkValue(info: KeyInfo, value: unknown): ValueProblem | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' && info.specials?.includes(value.trim())) return undefined;
  if (info.type !== 'object' && info.type !== 'array' && !isScalar(value)) {
    return expected(info, info.type === 'enum' ? `one of ${info.enum?.join(', ')}` : `a single ${info.type} value`, value);
  }
  switch (info.type) {
    case 'boolean':
      return checkBoolean(info, value);
    case 'integer':
      return checkInteger(info, value);
    case 'number':
      return checkNumber(info, value);
    case 'duration':
      return parseDurationMs(value) === undefined ? expected(info, 'a duration such as 15s, 5m, 2h or 100ms', value) : undefined;
    case 'bytesize':
      return parseBytesize(value) === undefined ? expected(info, 'a size such as 512KB, 16MB or 1GB', value) : undefined;
    case 'percent':
      return parsePercent(value) === undefined ? expected(info, 'a percentage such as 80%', value) : undefined;
    case 'rate':
      return parseRate(value) === undefined ? expected(info, 'a rate such as "1000/s" or "10MB/s"', value) : undefined;
    case 'ip_port':
      return parseIpPort(value) === undefined ? expected(info, 'a port or "IP:port" such as "127.0.0.1:1883"', value) : undefined;
    case 'enum':
      return checkEnumItem(info, info.enum ?? [], value, `one of ${info.enum?.join(', ')}`);
    case 'array':
      return checkArray(info, value);
    case 'object':
      return isObjectValue(value) ? undefined : expected(info, 'an object { ... }', value);
    default:
      return undefined; // string, path, secret, atom: any scalar EMQX can turn into text
  }
}
