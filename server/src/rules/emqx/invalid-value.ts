import type { Rule, RuleContext } from '../types';
import { docsPath } from '../types';
import type { Span } from '../../core/text';
import { checkValue, emqxKeyInfo, type KeyInfo } from '../../schema/index';
import type { HoconValue } from '../../parsers/hocon/ast';
import { isSafeUnquoted } from '../../parsers/hocon';
import type { ParsedEmqx4 } from '../../parsers';
import { dotted, pickSites, type KeySite } from '../helpers/hoconKeys';
import { hasMustache } from '../../core/templates';

const id = 'emqx/invalid-value';
const SKIP = Symbol('not checked here');

/** A written value as checkValue takes it; SKIP for substitutions, concatenations and templates (other rules' business). */
function plain(value: HoconValue): unknown {
  switch (value.type) {
    case 'string': return hasMustache(value.value) ? SKIP : value.value;
    case 'number': case 'boolean': return value.value;
    case 'null': return null;
    case 'object': return {};
    case 'array': {
      const items = value.items.map(plain);
      return items.includes(SKIP) ? SKIP : items;
    }
    default: return SKIP;
  }
}

/** An object whose keys are all list positions (`authentication.1 { ... }`): EMQX reads it as a list. */
function isIndexedObject(value: HoconValue): boolean {
  return value.type === 'object' && value.members.every((m) => m.type === 'field' && /^\d+$/.test(m.key.segments[0]?.name ?? ''));
}

/** The suggestion written as HOCON: numbers and booleans bare, strings in the original's quoting when possible. */
function literal(info: KeyInfo, node: HoconValue, suggestion: string): string {
  if (['boolean', 'integer', 'number'].includes(info.type) && /^(true|false|-?\d+(\.\d+)?)$/.test(suggestion)) return suggestion;
  if (node.type === 'string' && node.quoting !== 'unquoted') return JSON.stringify(suggestion);
  return isSafeUnquoted(suggestion) ? suggestion : JSON.stringify(suggestion);
}

function reportProblem(ctx: RuleContext, file: string, span: Span, setting: string, message: string, newText?: string): void {
  ctx.report({
    file,
    span,
    message: `${message.replace(/\.$/, '')} (at \`${setting}\`), so EMQX rejects the configuration and does not start.`,
    fixes: newText === undefined
      ? []
      : [{ title: `Set \`${newText}\``, edits: [{ file, offset: span.start, length: span.end - span.start, newText }], preferred: true, safe: true }],
  });
}

/**
 * checkValue answers by key and scalar value: a large file repeats the same settings in every listener,
 * and the rule runs on every keystroke, so answers are kept per key entry (bounded per entry).
 */
const scalarAnswers = new WeakMap<KeyInfo, Map<string | number | boolean, ReturnType<typeof checkValue>>>();

function checkScalar(info: KeyInfo, value: string | number | boolean): ReturnType<typeof checkValue> {
  let answers = scalarAnswers.get(info);
  if (!answers) scalarAnswers.set(info, (answers = new Map()));
  if (answers.has(value)) return answers.get(value);
  const problem = checkValue(info, value);
  if (answers.size > 1000) answers.clear();
  answers.set(value, problem);
  return problem;
}

/** What is wrong with the value written at a site, if anything: depends on the site alone. */
function siteProblem(site: KeySite): { info: KeyInfo; node: HoconValue; value: unknown; problem: NonNullable<ReturnType<typeof checkValue>> } | undefined {
  const node = site.field.value;
  if (!site.last || !node) return undefined;
  const info = site.node.info;
  if (!info || (info.type === 'array' && isIndexedObject(node))) return undefined;
  const value = plain(node);
  if (value === SKIP) return undefined;
  const problem = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? checkScalar(info, value) : checkValue(info, value);
  return problem ? { info, node, value, problem } : undefined;
}

/** Sites with a bad value, per group of sites (hoconKeys.pickSites). */
const flagged = new WeakMap<KeySite[], KeySite[]>();

function checkHocon(ctx: RuleContext): void {
  const { model } = ctx;
  for (const site of pickSites(model, flagged, (s) => siteProblem(s) !== undefined)) {
    const { info, node, value, problem } = siteProblem(site)!;
    // In a list, point at the item that is wrong and replace only that item.
    let target: HoconValue = node;
    if (node.type === 'array' && Array.isArray(value)) {
      const bad = node.items.findIndex((item, i) => checkValue(info, [value[i]]) !== undefined);
      if (bad >= 0) target = node.items[bad];
    }
    const canReplace = problem.suggestion !== undefined && (target !== node || node.type !== 'array');
    const newText = canReplace ? literal(info, target, problem.suggestion!) : undefined;
    reportProblem(ctx, site.file, target, dotted(site.path), problem.message, newText);
  }
}

function checkFlat(ctx: RuleContext, file: ParsedEmqx4): void {
  for (const entry of file.doc.entries) {
    if (entry.value === '' || hasMustache(entry.value)) continue;
    const info = emqxKeyInfo(entry.key.split('.'), '4');
    const problem = info && checkValue(info, entry.value);
    if (!problem) continue;
    reportProblem(ctx, file.file, entry.valueSpan, entry.key, problem.message, problem.suggestion);
  }
}

export const rule: Rule = {
  id,
  severity: 'error',
  fixable: true,
  docs: { title: 'A value EMQX rejects', path: docsPath(id) },
  check(ctx) {
    if (ctx.model.version !== '4') checkHocon(ctx);
    for (const f of ctx.model.files) if (f.kind === 'emqx-conf' && f.format === 'emqx4') checkFlat(ctx, f);
  },
};
