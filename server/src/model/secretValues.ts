/**
 * The secret values a deployment holds (cookies, passwords, tokens, keys: every value whose name
 * `isSecretName` recognises, in every file read, winning or overridden), and the redactor over them that
 * every message, fix title, hover, outline entry and diff passes through (core/secrets.ts).
 */
import type { DeploymentModel } from './deploymentModel';
import type { ParsedFile } from '../parsers';
import type { HoconDocument, HoconMember, HoconValue } from '../parsers/hocon/ast';
import { revisionOf } from '../parsers/hocon/incremental/revision';
import { parseEnvironmentValue } from '../parsers/systemd';
import { isSecretName, SecretRedactor } from '../core/secrets';

const unquote = (s: string) => s.trim().replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1');

/**
 * Each document's values, kept while its text is the same: an edit re-collects only the edited file (an
 * incremental re-parse keeps the document object and changes its text).
 */
const perDocument = new WeakMap<object, { text: string; values: string[] }>();

function cached(doc: { text: string }, collect: (out: Set<string>) => void, out: Set<string>): void {
  let hit = perDocument.get(doc);
  if (!hit || hit.text !== doc.text) {
    const values = new Set<string>();
    collect(values);
    perDocument.set(doc, (hit = { text: doc.text, values: [...values] }));
  }
  for (const v of hit.values) out.add(v);
}

/**
 * Adds the secret values written in one HOCON document: every field whose key names a secret. Collected
 * per top-level member and kept while that member is the same node at the same revision: an incremental
 * re-parse replaces the edited block and marks its ancestors changed, so a keystroke re-collects one
 * member, not the document.
 */
export function hoconSecretValues(doc: HoconDocument, out: Set<string>): void {
  for (const m of doc.root.members) {
    const revision = revisionOf(m);
    let hit = perMember.get(m);
    if (!hit || hit.revision !== revision) {
      const values = new Set<string>();
      collectHocon(m, doc.text, values);
      perMember.set(m, (hit = { revision, values: [...values] }));
    }
    for (const v of hit.values) out.add(v);
  }
}

const perMember = new WeakMap<HoconMember, { revision: number; values: string[] }>();

function collectHocon(member: HoconMember, text: string, out: Set<string>): void {
  const stack: HoconMember[][] = [[member]];
  const visitValue = (v: HoconValue) => {
    if (v.type === 'object') stack.push(v.members);
    else if (v.type === 'array') for (const item of v.items) visitValue(item);
    else if (v.type === 'concat') for (const part of v.parts) visitValue(part);
  };
  while (stack.length) {
    for (const m of stack.pop()!) {
      if (m.type !== 'field' || !m.value) continue;
      const v = m.value;
      const last = m.key.segments[m.key.segments.length - 1];
      if (last && isSecretName(last.name) && v.type !== 'object' && v.type !== 'array') {
        if (v.type === 'string') out.add(v.value);
        out.add(unquote(text.slice(v.start, v.end)));
      }
      visitValue(v);
    }
  }
}

/** Adds the secret values written in one file of any kind. */
export function fileSecretValues(file: ParsedFile, out: Set<string>): void {
  if (file.kind === 'emqx-conf' && file.format === 'hocon') hoconSecretValues(file.doc, out);
  else cached(file, (values) => collectFile(file, values), out);
}

function collectFile(file: ParsedFile, out: Set<string>): void {
  switch (file.kind) {
    case 'emqx-conf':
      if (file.format === 'hocon') hoconSecretValues(file.doc, out);
      else for (const e of file.doc.entries) if (isSecretName(e.key)) out.add(unquote(e.value));
      return;
    case 'vmargs':
      for (const e of file.doc.entries) {
        if (e.flag === '-setcookie' && e.args[0]) out.add(unquote(e.args[0].text));
        if (e.flag === '-env' && e.args[0] && e.args[1] && isSecretName(e.args[0].text)) out.add(unquote(e.args[1].text));
      }
      return;
    case 'env':
      for (const e of file.doc.entries) if (isSecretName(e.name)) out.add(e.value);
      return;
    case 'systemd':
      for (const section of file.doc.sections) {
        for (const e of section.entries) {
          if (e.key !== 'Environment') continue;
          for (const a of parseEnvironmentValue(e.value, 0)) if (isSecretName(a.name)) out.add(a.value);
        }
      }
      return;
    default:
      return;
  }
}

/** Adds every secret value of a deployment: its files, the files its includes read, its environment. */
function modelSecretValues(model: DeploymentModel, out: Set<string>): void {
  for (const f of model.files) fileSecretValues(f, out);
  for (const doc of model.includedDocuments?.values() ?? []) hoconSecretValues(doc, out);
  for (const [name, fact] of model.environment) if (isSecretName(name)) out.add(fact.value);
  for (const c of model.node.cookies) out.add(c.value);
}

const redactors = new WeakMap<DeploymentModel, SecretRedactor>();

/** The redactor over every secret value of a deployment (built once per model). */
export function secretRedactor(model: DeploymentModel): SecretRedactor {
  let r = redactors.get(model);
  if (!r) {
    const values = new Set<string>();
    modelSecretValues(model, values);
    redactors.set(model, (r = new SecretRedactor(values)));
  }
  return r;
}

/** One redactor over several deployments (the CLI's dry-run diff spans them all), plus `extra` values. */
export function workspaceRedactor(models: readonly DeploymentModel[], extra: Iterable<string> = []): SecretRedactor {
  const values = new Set<string>(extra);
  for (const m of models) modelSecretValues(m, values);
  return new SecretRedactor(values);
}
