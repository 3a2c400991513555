/** Fix builders shared by rules: each returns edits as data, computed from where the fact was set. */
import type { FileEdit } from '../core/text';
import type { DeploymentModel, Fact } from '../model/deploymentModel';

/** The text of a file of the deployment. */
export function fileText(model: DeploymentModel, file: string): string | undefined {
  return model.files.find((f) => f.file === file)?.text;
}

/**
 * Replaces an explicit fact's value with `value`, keeping the original's quoting style: a value written
 * in double quotes stays quoted; an unquoted one stays unquoted when the new value allows it.
 */
export function replaceValue(model: DeploymentModel, fact: Fact<unknown>, value: string): FileEdit[] {
  if (!fact.explicit) return [];
  const text = fileText(model, fact.origin.file);
  if (text === undefined) return [];
  const { start, end } = fact.origin.span;
  const original = text.slice(start, end);
  const quoted = original.startsWith('"') || !/^[A-Za-z][A-Za-z0-9_.@%|-]*$/.test(value);
  const newText = quoted ? JSON.stringify(value) : value;
  if (newText === original) return [];
  return [{ file: fact.origin.file, offset: start, length: end - start, newText }];
}
