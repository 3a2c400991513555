/**
 * A format-independent view of EMQX's loaded configuration: the rules ask for a path and get the
 * value with its origin, whether it came from 5.x/6.x HOCON layers, 4.x flat keys or the environment.
 */
import type { FileEdit } from '../core/text';
import type { Fact, Origin } from './fact';

export interface EmqxConfigView {
  format: 'hocon' | 'emqx4';
  /** The highest-precedence config file of the deployment: where settings that are absent get inserted. */
  mainFile: string;
  /** The explicit setting at a path (object values come back as plain JSON), or undefined when absent. */
  get(path: readonly string[]): Fact<unknown> | undefined;
  /** Whether anything is set at a path: cheaper than get, and tells the engine only existence was read. */
  has(path: readonly string[]): boolean;
  /**
   * Paths of the explicit string values whose own key is one of `names`, anywhere in the configuration
   * (list items included, at most `maxDepth` levels deep), without converting the configuration to data.
   */
  stringsNamed(names: ReadonlySet<string>, maxDepth: number): string[][];
  /** Names of the explicit children of an object at a path (empty when absent or not an object). */
  childNames(path: readonly string[]): string[];
  /**
   * Where to report a finding about an absent setting at `path`: the key of the deepest enclosing block
   * that exists, else the first line of the main file.
   */
  anchor(path: readonly string[]): Origin;
  /** Edits that add an absent setting to the main file at the right place (enclosing blocks created as needed). */
  insertEdits(path: readonly string[], value: unknown): FileEdit[];
  /** A value written as this format writes it (HOCON literal, or 4.x flat text). */
  literal(value: unknown): string;
  /** The text of a file the configuration was read from, included files too (fixes edit where a value is set). */
  sourceText?(file: string): string | undefined;
  /** Every file the configuration was read from, included files too. */
  sourceFiles?(): Iterable<string>;
}

/** The explicit value at a path if it is a string, number or boolean; undefined otherwise. */
export function scalar(view: EmqxConfigView | undefined, path: readonly string[]): Fact<string | number | boolean> | undefined {
  const fact = view?.get(path);
  if (!fact) return undefined;
  const v = fact.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? (fact as Fact<string | number | boolean>) : undefined;
}

/** The explicit setting, or EMQX's default reported at the anchor of the path. */
export function settingOrDefault<T>(view: EmqxConfigView, path: readonly string[], defaultValue: T): Fact<T | unknown> {
  return view.get(path) ?? { value: defaultValue, explicit: false, origin: view.anchor(path), overridden: [] };
}
