/** Fix builders shared by rules: each returns edits as data, computed from where the fact was set. */
import type { FileEdit } from '../core/text';
import type { DeploymentModel, Fact } from '../model/deploymentModel';
import { isSafeUnquoted } from '../parsers/hocon';
import { hasSecretPlaceholder, isUnquotedSafeKind } from '../core/secrets';
import { untracked } from '../model/observe';

/**
 * The text of a file of the deployment. Not recorded as a read of the files: fixes read it only at the
 * spans of facts the rule asked for, which an edit elsewhere moves but does not change.
 */
export function fileText(model: DeploymentModel, file: string): string | undefined {
  // An included file is not one of the deployment's files, but a value it sets is fixed where it is written.
  return untracked(() => model.files.find((f) => f.file === file)?.text ?? model.emqx?.sourceText?.(file));
}

/**
 * Replaces an explicit fact's value with the string `value`, keeping the original's quoting style: a value
 * written in double quotes stays quoted; an unquoted one stays unquoted when the new value allows it.
 * Values set through the environment (unit files) are written raw.
 */
export function replaceValue(model: DeploymentModel, fact: Fact<unknown>, value: string): FileEdit[] {
  if (!fact.explicit) return [];
  const text = fileText(model, fact.origin.file);
  if (text === undefined) return [];
  const { start, end } = fact.origin.span;
  const original = text.slice(start, end);
  const parsed = untracked(() => model.files.find((f) => f.file === fact.origin.file));
  // A file known only through the HOCON view is an included HOCON file.
  const hocon = parsed ? parsed.kind === 'emqx-conf' && parsed.format === 'hocon' : model.emqx?.format === 'hocon';
  // Generated secrets are alphanumeric and start with a letter: safe unquoted.
  const safe = hasSecretPlaceholder(value) ? isUnquotedSafeKind(value) : isSafeUnquoted(value);
  const quoted = original.startsWith('"') || (hocon && !fact.origin.env && !safe);
  const newText = quoted ? `"${value.replace(/["\\]/g, '\\$&')}"` : value;
  if (newText === original) return [];
  return [{ file: fact.origin.file, offset: start, length: end - start, newText }];
}

/**
 * Sets an EMQX setting to `value` (plain JSON: string, number, boolean, string[]): replaces the explicit
 * definition that wins, or inserts the setting into the main config when it is absent (EMQX's default).
 * The value is written in the config format's own syntax.
 */
export function setEmqxSetting(model: DeploymentModel, path: readonly string[], value: unknown): FileEdit[] {
  const view = model.emqx;
  if (!view) return [];
  const fact = view.get(path);
  if (!fact) return view.insertEdits(path, value);
  if (typeof value === 'string') return replaceValue(model, fact, value);
  const literal = fact.origin.env ? (Array.isArray(value) ? `[${value.join(',')}]` : String(value)) : view.literal(value);
  const text = fileText(model, fact.origin.file);
  if (text === undefined) return [];
  const { start, end } = fact.origin.span;
  if (text.slice(start, end) === literal) return [];
  return [{ file: fact.origin.file, offset: start, length: end - start, newText: literal }];
}

/**
 * One fix's edits for several settings, each computed from the same text (as setEmqxSetting computes them):
 * insertions at one offset become one edit, in their order, without the empty line that two inserted runs of
 * lines would leave between them (`{}` gets `\n  a = 1\n` and `\n  b = 2\n`: `\n  a = 1\n  b = 2\n`).
 */
export function joinEdits(edits: readonly FileEdit[]): FileEdit[] {
  const out: FileEdit[] = [];
  for (const e of edits) {
    const i = e.length === 0 ? out.findIndex((o) => o.length === 0 && o.file === e.file && o.offset === e.offset) : -1;
    if (i < 0) {
      out.push(e);
      continue;
    }
    const prev = out[i].newText;
    const head = /^[\r\n]/.test(e.newText) ? prev.replace(/(?:\r\n|\n|\r)[ \t]*$/, '') : prev;
    out[i] = { ...out[i], newText: head + e.newText };
  }
  return out;
}
