/**
 * Go to definition and find references over a deployment: from `include "file"` to the file, from `${a.b}` to
 * the key it names, from a setting to the places that override it (base.hocon, cluster.hocon, env), and every
 * place a HOCON path is set or referenced.
 */
import * as path from 'node:path';
import type { Span } from '../core/text';
import type { FeatureContext } from './context';
import { locate } from './cursorLocation';
import type { HoconDocument, HoconValue } from '../parsers/hocon/ast';
import { findFields } from '../parsers/hocon';
import type { Origin } from '../model/deploymentModel';

export interface LocationData {
  file: string;
  span: Span;
}

const inside = (s: Span, o: number) => s.start <= o && o <= s.end;

export function definition(ctx: FeatureContext, offset: number): LocationData[] {
  const { file } = ctx;
  if (file.kind !== 'emqx-conf' || file.format !== 'hocon') return [];
  const include = file.doc.root.members.find((m) => m.type === 'include' && inside(m, offset));
  const nestedInclude = include ?? findInclude(file.doc, offset);
  if (nestedInclude && nestedInclude.type === 'include') {
    const dir = path.dirname(file.file);
    const candidates = [path.resolve(dir, nestedInclude.target), ...(ctx.model ? [path.join(ctx.model.root, 'data', 'configs', nestedInclude.target)] : [])];
    const known = candidates.find((c) => ctx.model?.files.some((f) => f.file === c)) ?? candidates[0];
    return [{ file: known, span: { start: 0, end: 0 } }];
  }
  const loc = locate(file.doc, offset);
  const view = ctx.model?.emqx;
  if (!view) return [];
  if (loc.part === 'value' && loc.value?.type === 'substitution') {
    const target = view.get(loc.value.path);
    return target ? [toLocation(target.origin)] : [];
  }
  if (loc.part === 'key' && loc.keyPath) {
    // From a setting to where its effective value comes from, and the other places that set it.
    const fact = view.get(loc.keyPath);
    if (!fact) return [];
    const here = (o: Origin) => o.file === file.file && o.keySpan && inside(o.keySpan, offset);
    return [fact.origin, ...fact.overridden].filter((o) => !here(o)).map(toLocation);
  }
  return [];
}

export function references(ctx: FeatureContext, offset: number, includeDeclaration = true): LocationData[] {
  const { file } = ctx;
  if (file.kind !== 'emqx-conf' || file.format !== 'hocon' || !ctx.model) return [];
  const loc = locate(file.doc, offset);
  const target = loc.part === 'key' ? loc.keyPath : loc.value?.type === 'substitution' ? loc.value.path : undefined;
  if (!target) return [];
  const found: LocationData[] = [];
  for (const f of ctx.model.files) {
    if (f.kind !== 'emqx-conf' || f.format !== 'hocon') continue;
    if (includeDeclaration) {
      for (const field of findFields(f.doc, target)) found.push({ file: f.file, span: { start: field.key.start, end: field.key.end } });
    }
    for (const s of substitutions(f.doc)) if (s.path.join('.') === target.join('.')) found.push({ file: f.file, span: { start: s.start, end: s.end } });
  }
  const fromEnv = ctx.model.emqx?.get(target);
  if (includeDeclaration && fromEnv?.origin.env) found.push(toLocation(fromEnv.origin));
  return found;
}

function toLocation(o: Origin): LocationData {
  return { file: o.file, span: o.keySpan ?? o.span };
}

function findInclude(doc: HoconDocument, offset: number) {
  const loc = locate(doc, offset);
  if (loc.field || loc.part !== 'none') return undefined;
  let members = doc.root.members;
  for (const key of loc.containerPath) {
    const field = members.find((m) => m.type === 'field' && m.key.segments.map((s) => s.name).join('.') === key && m.value?.type === 'object');
    if (!field || field.type !== 'field' || field.value?.type !== 'object') break;
    members = field.value.members;
  }
  return members.find((m) => m.type === 'include' && inside(m, offset));
}

/** Every substitution in a document, found with an explicit stack. */
function substitutions(doc: HoconDocument): Extract<HoconValue, { type: 'substitution' }>[] {
  const out: Extract<HoconValue, { type: 'substitution' }>[] = [];
  const stack: HoconValue[] = [doc.root];
  while (stack.length) {
    const v = stack.pop()!;
    if (v.type === 'substitution') out.push(v);
    else if (v.type === 'object') for (const m of v.members) { if (m.type === 'field' && m.value) stack.push(m.value); }
    else if (v.type === 'array') stack.push(...v.items);
    else if (v.type === 'concat') stack.push(...v.parts);
  }
  return out;
}
