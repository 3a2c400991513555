/**
 * What a piece of analysis read from the model, so that after an edit the engine can tell which rules
 * could see a difference and re-run only those (engine/reuse.ts). Recording is dynamic: whatever runs
 * while a `Reads` is current (a rule's check, an extractor, a TLS option read long after the model was
 * built) records into it through the observed config view and the observed model.
 */
import type { DeploymentModel } from './deploymentModel';
import type { EmqxConfigView } from './emqxConfig';

/** Parts of the model that extractors derive from config reads; a rule touching one inherits its reads. */
export type DerivedPart = 'listeners' | 'tls' | 'node';

export class Reads {
  /** get(path): the value at the path, its whole subtree, and whether it exists. */
  readonly values: (readonly string[])[] = [];
  /** childNames(path): the names and order of the object's children. */
  readonly keys: (readonly string[])[] = [];
  /** has(path), anchor(path), insertEdits(path): whether the path and each enclosing block exist. */
  readonly exists: (readonly string[])[] = [];
  /** stringsNamed(names): every string whose key is one of the names. */
  readonly strings: ReadonlySet<string>[] = [];
  /** insertEdits: the main file's layout (indentation, separators, line ends) shapes the inserted text. */
  layout = false;
  /** The parsed files themselves (trees, text, parse problems). */
  files = false;
  /** Problems found while putting the files together (includes, substitutions). */
  problems = false;
  /** Something outside the model (the disk): never reuse. */
  external = false;
  readonly derived = new Set<DerivedPart>();
}

let current: Reads | undefined;

/** Runs `fn` with `reads` recording what it looks at; restores the previous recorder afterwards. */
export function recording<T>(reads: Reads | undefined, fn: () => T): T {
  const saved = current;
  current = reads;
  try {
    return fn();
  } finally {
    current = saved;
  }
}

/**
 * Runs `fn` without recording. For fix builders that read a file's text only at the spans of facts the
 * rule already read, or look a file up by name: positions move with an edit but the text there does not.
 */
export function untracked<T>(fn: () => T): T {
  return recording(undefined, fn);
}

/** Marks the running analysis as depending on something outside the model, such as file modes on disk. */
export function readsOutsideModel(): void {
  if (current) current.external = true;
}

/** Records an insertion at `path` into the main file: which enclosing blocks exist, and the file's layout. */
export function readsInsertAt(path: readonly string[]): void {
  if (!current) return;
  current.exists.push(path);
  current.layout = true;
}

/** Records into the current `Reads`: every path a rule or extractor asks the configuration for. */
export function observedView(view: EmqxConfigView): EmqxConfigView {
  return {
    format: view.format,
    mainFile: view.mainFile,
    get(path) {
      current?.values.push(path);
      return view.get(path);
    },
    has(path) {
      current?.exists.push(path);
      return view.has(path);
    },
    stringsNamed(names, maxDepth) {
      current?.strings.push(names);
      return view.stringsNamed(names, maxDepth);
    },
    childNames(path) {
      current?.keys.push(path);
      return view.childNames(path);
    },
    anchor(path) {
      current?.exists.push(path);
      return view.anchor(path);
    },
    insertEdits(path, value) {
      readsInsertAt(path);
      return view.insertEdits(path, value);
    },
    literal: (value) => view.literal(value),
    // Not a read of the configuration: fixes read a file's text only at the spans of facts they asked for.
    sourceText: view.sourceText && ((file) => view.sourceText!(file)),
  };
}

const MODEL_PARTS: Partial<Record<keyof DeploymentModel, (r: Reads) => void>> = {
  files: (r) => (r.files = true),
  problems: (r) => (r.problems = true),
  listeners: (r) => r.derived.add('listeners'),
  tls: (r) => r.derived.add('tls'),
  node: (r) => r.derived.add('node'),
};

/**
 * The model as one rule sees it: reading `files`, `problems` or a derived part is recorded in `reads`
 * (the config view records its own reads). Other parts come from files an edit of emqx.conf leaves alone.
 */
export function observedModel(model: DeploymentModel, reads: Reads): DeploymentModel {
  return new Proxy(model, {
    get(target, prop, receiver) {
      if (current === reads) MODEL_PARTS[prop as keyof DeploymentModel]?.(reads);
      return Reflect.get(target, prop, receiver);
    },
  });
}
