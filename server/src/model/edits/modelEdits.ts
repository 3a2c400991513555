/** What a rule may ask the model's edit layer for (index.ts builds it); a file of its own so the model's types need nothing else of the layer. */
import type { FileEdit } from '../../core/text';
import type { Fact } from '../fact';

export interface ModelEdits {
  /**
   * The text of a file of the deployment. Not recorded as a read of the files: fixes read it only at the
   * spans of facts the rule asked for, which an edit elsewhere moves but does not change.
   */
  fileText(file: string): string | undefined;
  /**
   * Replaces an explicit fact's value with the string `value`, keeping the original's quoting style: a value
   * written in double quotes stays quoted; an unquoted one stays unquoted when the new value allows it.
   * Values set through the environment (unit files) are written raw.
   */
  replaceValue(fact: Fact<unknown>, value: string): FileEdit[];
  /**
   * Sets an EMQX setting to `value` (plain JSON: string, number, boolean, string[]): replaces the explicit
   * definition that wins, or inserts the setting into the main config when it is absent (EMQX's default).
   * The value is written in the config format's own syntax.
   */
  setSetting(path: readonly string[], value: unknown): FileEdit[];
  /**
   * Inserts `path = <blockText>` into the main HOCON file, inside the deepest block that already encloses
   * the path. `blockText` is written as HOCON (multi-line blocks are indented to fit).
   */
  insertBlock(path: readonly string[], blockText: string): FileEdit[];
}
