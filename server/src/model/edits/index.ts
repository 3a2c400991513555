/**
 * The model's edit layer: the fix builders every rule shares. Each returns edits as data, computed from
 * where a fact was set. Rules reach it as `model.edits`; on the language server's tracked path the engine
 * gives each rule its own (model/observe.ts), which records what an edit's text depends on (the layout
 * of the main file, for insertions) so that no rule has to.
 */
import type { FileEdit } from '../../core/text';
import type { Fact } from '../fact';
import type { EmqxConfigView } from '../emqxConfig';
import type { ParsedFile, ParsedHocon } from '../../parsers';
import { insertValue, isSafeUnquoted } from '../../parsers/hocon';
import { hasSecretPlaceholder, isUnquotedSafeKind } from '../../core/secrets';

export { joinEdits } from './join';
export type { ModelEdits } from './modelEdits';
import type { ModelEdits } from './modelEdits';


/**
 * The edit layer over `files` and `view` (the model's, or a rule's recording view). `onInsert`: told of each insertion, for the rule's
 * record, which an insertion adds the main file's layout to.
 */
export function modelEdits(files: readonly ParsedFile[], view: EmqxConfigView | undefined, onInsert?: (path: readonly string[]) => void): ModelEdits {
  const fileOf = (file: string) => files.find((f) => f.file === file);
  // An included file is not one of the deployment's files, but a value it sets is fixed where it is written.
  const fileText = (file: string) => fileOf(file)?.text ?? view?.sourceText?.(file);
  const replaceValue = (fact: Fact<unknown>, value: string): FileEdit[] => {
    if (!fact.explicit) return [];
    const text = fileText(fact.origin.file);
    if (text === undefined) return [];
    const { start, end } = fact.origin.span;
    const original = text.slice(start, end);
    const parsed = fileOf(fact.origin.file);
    // A file known only through the HOCON view is an included HOCON file.
    const hocon = parsed ? parsed.kind === 'emqx-conf' && parsed.format === 'hocon' : view?.format === 'hocon';
    // Generated secrets are alphanumeric and start with a letter: safe unquoted.
    const safe = hasSecretPlaceholder(value) ? isUnquotedSafeKind(value) : isSafeUnquoted(value);
    const quoted = original.startsWith('"') || (hocon && !fact.origin.env && !safe);
    const newText = quoted ? `"${value.replace(/["\\]/g, '\\$&')}"` : value;
    if (newText === original) return [];
    return [{ file: fact.origin.file, offset: start, length: end - start, newText }];
  };
  return {
    fileText,
    replaceValue,
    setSetting(path, value) {
      if (!view) return [];
      const fact = view.get(path);
      if (!fact) return view.insertEdits(path, value);
      if (typeof value === 'string') return replaceValue(fact, value);
      const literal = fact.origin.env ? (Array.isArray(value) ? `[${value.join(',')}]` : String(value)) : view.literal(value);
      const text = fileText(fact.origin.file);
      if (text === undefined) return [];
      const { start, end } = fact.origin.span;
      if (text.slice(start, end) === literal) return [];
      return [{ file: fact.origin.file, offset: start, length: end - start, newText: literal }];
    },
    insertBlock(path, blockText) {
      onInsert?.(path);
      const main = view && files.find((f): f is ParsedHocon => f.file === view.mainFile && f.kind === 'emqx-conf' && f.format === 'hocon');
      if (!main) return [];
      return insertValue(main.doc, path, blockText).map((e) => ({ ...e, file: main.file }));
    },
  };
}
