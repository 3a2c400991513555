/**
 * Shared by the service-unit and cross-file rules: which units count, where a finding about an absent
 * directive goes, edits that add several directives at once, reading LimitNOFILE, and which environment
 * variable names hold secrets. Not a rule (rules are the files listed in index.ts).
 */
import type { FileEdit, Span } from '../../core/text';
import type { DeploymentModel, ServiceUnit } from '../../model/deploymentModel';
import type { ParsedUnit } from '../../parsers';
import { insertDirective, sectionsNamed, setDirective, type DirectiveSource } from '../../parsers/systemd';

/** The units that run EMQX (other services of the host are not this product's business). */
export function emqxUnits(model: DeploymentModel): ServiceUnit[] {
  return model.units.filter((u) => u.isEmqx);
}

/** The file a directive the unit lacks is added to: the main unit when it is in the deployment, else its first drop-in. */
export function mainPart(unit: ServiceUnit): ParsedUnit {
  return unit.parts[0];
}

/** Where a finding about an absent [Service] directive is shown: the `[Service]` header of the main unit, else line 1. */
export function serviceHeader(unit: ServiceUnit): { file: string; span: Span } {
  const part = mainPart(unit);
  const section = sectionsNamed(part.doc, 'Service')[0];
  return { file: part.file, span: section ? { start: section.start, end: section.nameSpan.end + 1 } : { start: 0, end: 0 } };
}

/**
 * Adds `Key=Value` lines in order to the last `[section]` of a unit file, creating the section once when
 * the file has none; pairs the section already has with that exact value are skipped.
 */
export function insertDirectivesEdits(part: ParsedUnit, section: string, pairs: readonly [string, string][]): FileEdit[] {
  const edits = pairs.flatMap(([key, value]) => insertDirective(part.doc, section, key, value));
  if (sectionsNamed(part.doc, section).length === 0 && edits.length > 1) {
    // Each edit would open its own [section]: keep the first, append the other lines to it.
    const [first, ...rest] = edits;
    const eol = /\r\n/.test(part.text) ? '\r\n' : '\n';
    const lines = rest.map((e) => e.newText.split(/\r?\n/).find((l) => l.includes('=')) ?? '').join(eol);
    return [{ ...first, newText: first.newText + lines + eol, file: part.file }];
  }
  return edits.map((e) => ({ ...e, file: part.file }));
}

/** Sets a directive where its effective assignment is written (so a drop-in that sets it keeps control). */
export function setWhereWritten(unit: ServiceUnit, source: DirectiveSource, section: string, key: string, value: string): FileEdit[] {
  const part = unit.parts.find((p) => p.file === source.file);
  if (!part) return [];
  return setDirective(part.doc, section, key, value).map((e) => ({ ...e, file: part.file }));
}

/** A LimitNOFILE= value read as systemd reads it: `N`, `soft:hard` or `infinity`. */
export interface NofileLimit {
  /** The limit a process starts with (the Erlang VM sizes its port table from it). */
  soft: number;
  hard: number;
}

export function parseNofile(value: string): NofileLimit | undefined {
  const parts = value.trim().split(':');
  if (parts.length > 2) return undefined;
  const nums = parts.map((p) => (/^infinity$/i.test(p.trim()) ? Infinity : /^\d+$/.test(p.trim()) ? Number(p.trim()) : NaN));
  if (nums.some((n) => Number.isNaN(n))) return undefined;
  return { soft: nums[0], hard: nums[nums.length - 1] };
}

/** The effective LimitNOFILE= of a unit, with the assignment that sets it; undefined when none or reset to empty. */
export function limitNofile(unit: ServiceUnit): { limit: NofileLimit | undefined; source: DirectiveSource; value: string } | undefined {
  const source = unit.directive('Service', 'LimitNOFILE')?.effective[0];
  if (!source || source.entry.value === '') return undefined;
  return { limit: parseNofile(source.entry.value), source, value: source.entry.value };
}

/** Words that, as the last word of a variable name, mean the value is a secret. */
const SECRET_WORDS = new Set(['PASSWORD', 'PASSWD', 'PASSPHRASE', 'SECRET', 'TOKEN', 'KEY', 'APIKEY', 'COOKIE', 'CREDENTIAL', 'CREDENTIALS']);

/**
 * True when an environment variable name says it carries a secret: EMQX_NODE__COOKIE,
 * EMQX_DASHBOARD__DEFAULT_PASSWORD, AWS_SECRET_ACCESS_KEY, ...GITHUB_TOKEN. Only the last word of the last
 * `__` segment counts, so paths and settings about secrets (…__KEYFILE, …__PASSWORD_HASH_ALGORITHM__NAME,
 * …_KEY_ID, …_PUBLIC_KEY) are not taken for secrets.
 */
export function isSecretVariableName(name: string): boolean {
  const segment = name.toUpperCase().split('__').pop() ?? '';
  const words = segment.split('_').filter(Boolean);
  const last = words[words.length - 1];
  if (!last || !SECRET_WORDS.has(last)) return false;
  return !(last === 'KEY' && words[words.length - 2] === 'PUBLIC');
}

/** A value that points at a secret rather than holding one (EMQX reads `file://` references). */
export function isSecretReference(value: string): boolean {
  return value === '' || value.startsWith('file://');
}
