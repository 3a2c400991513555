/**
 * What a piece of analysis read from the model, so that after an edit the engine can tell which rules
 * could see a difference and re-run only those (engine/reuse.ts). Recording is explicit: a rule runs on
 * `observedModel(model, reads)`, whose config view, derived parts, file modes and edit layer record into
 * that rule's `reads`; an extractor runs on `recordingView(view, reads)`. Nothing is recorded behind a
 * reader's back, so whatever a rule can reach through its model is tracked without the rule's help.
 */
import type { DeploymentModel, TlsContext } from './deploymentModel';
import type { EmqxConfigView } from './emqxConfig';
import { modelEdits } from './edits';

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
  /** File modes on disk (model.fileModes, model.keyFiles), read when the model was built. */
  modes = false;
  /** Something nothing else here covers (a rule that crashed): never reuse. */
  external = false;
  readonly derived = new Set<DerivedPart>();
}

/** Records an insertion at `path` into the main file: which enclosing blocks exist, and the file's layout. */
export function recordInsertAt(reads: Reads, path: readonly string[]): void {
  reads.exists.push(path);
  reads.layout = true;
}

/** `view`, recording into `reads` every path asked for. */
export function recordingView(view: EmqxConfigView, reads: Reads): EmqxConfigView {
  return {
    format: view.format,
    mainFile: view.mainFile,
    get(path) {
      reads.values.push(path);
      return view.get(path);
    },
    has(path) {
      reads.exists.push(path);
      return view.has(path);
    },
    stringsNamed(names, maxDepth) {
      reads.strings.push(names);
      return view.stringsNamed(names, maxDepth);
    },
    childNames(path) {
      reads.keys.push(path);
      return view.childNames(path);
    },
    anchor(path) {
      reads.exists.push(path);
      return view.anchor(path);
    },
    insertEdits(path, value) {
      recordInsertAt(reads, path);
      return view.insertEdits(path, value);
    },
    literal: (value) => view.literal(value),
    // Not a read of the configuration: fixes read a file's text only at the spans of facts they asked for.
    sourceText: view.sourceText && ((file) => view.sourceText!(file)),
  };
}

/**
 * The model as one rule sees it, recording into `reads`: the config view records its paths; reading
 * `files`, `problems`, a derived part or the file modes is recorded as such; TLS contexts read their
 * options through the recording view; the edit layer reads the files' text without recording them (fixes
 * read text only at the spans of facts the rule asked for) and records the layout an insertion depends on.
 * The other parts come from files an edit of emqx.conf leaves alone.
 */
export function observedModel(model: DeploymentModel, reads: Reads): DeploymentModel {
  const emqx = model.emqx && recordingView(model.emqx, reads);
  let tls: TlsContext[] | undefined;
  const part = <K extends keyof DeploymentModel>(name: K, record: () => void): PropertyDescriptor => ({
    enumerable: true,
    get() {
      record();
      return model[name];
    },
  });
  return Object.defineProperties({ ...model, emqx, edits: modelEdits(model.files, emqx, (path) => recordInsertAt(reads, path)) }, {
    files: part('files', () => (reads.files = true)),
    problems: part('problems', () => (reads.problems = true)),
    listeners: part('listeners', () => reads.derived.add('listeners')),
    node: part('node', () => reads.derived.add('node')),
    fileModes: part('fileModes', () => (reads.modes = true)),
    keyFiles: part('keyFiles', () => {
      reads.modes = true;
      reads.derived.add('tls');
    }),
    tls: {
      enumerable: true,
      get() {
        reads.derived.add('tls');
        return (tls ??= emqx ? model.tls.map((c) => c.reading(emqx)) : model.tls);
      },
    },
  });
}
