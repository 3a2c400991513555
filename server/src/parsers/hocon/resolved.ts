/**
 * The configuration EMQX would load, after includes, merging, substitutions and env overrides,
 * each value remembering where it came from. Contract between the resolver and the model.
 */
import type { Span } from '../../core/text';
import type { ParseProblem } from '../../core/problems';
import type { HoconDocument, HoconField, HoconValue } from './ast';

/** Where a resolved value was set. */
export interface ValueOrigin {
  /** Absolute path of the file (or a pseudo path such as `env:EMQX_NODE__COOKIE`). */
  file: string;
  /** The field whose value set it; undefined for values from the environment layer. */
  field?: HoconField;
  /** The span of the value in `file` (for env values: empty span at 0). */
  span: Span;
  /** The environment variable name when the value came from an EMQX_* override. */
  env?: string;
}

export type Resolved = ResolvedObject | ResolvedArray | ResolvedScalar;

interface ResolvedBase {
  /** The definition that won. */
  origin: ValueOrigin;
  /** Earlier definitions of the same path that this one replaced, oldest first. */
  overridden: ValueOrigin[];
}

export interface ResolvedObject extends ResolvedBase {
  kind: 'object';
  fields: Map<string, Resolved>;
}

export interface ResolvedArray extends ResolvedBase {
  kind: 'array';
  items: Resolved[];
}

export interface ResolvedScalar extends ResolvedBase {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** The CST node the value came from (for a concatenation, the concat node). */
  node?: HoconValue;
}

/** A problem raised while resolving, in the file it belongs to. */
export interface ResolveProblem extends ParseProblem {
  file: string;
}

export interface ResolveResult {
  root: ResolvedObject;
  /** Every document read, entry files and includes, by absolute path. */
  documents: Map<string, HoconDocument>;
  /** hocon/include-missing, hocon/include-cycle, hocon/unresolved-substitution, and parse problems of included files. */
  problems: ResolveProblem[];
  /** No substitution was evaluated: every value is as some field wrote it, under that field's path. */
  settled?: boolean;
  /** How it was resolved: what incremental/reresolve.ts needs to update it after an edit of one block. */
  info?: ResolveInfo;
}

export interface ResolveInfo {
  entries: readonly string[];
  options: ResolveOptions;
  /** A substitution was met: the result was evaluated, not merged only. */
  substitutions: boolean;
  /** The problems that are not a parsed document's (includes, concatenations, substitutions). */
  own: readonly ResolveProblem[];
  included: ReadonlySet<string>;
}

/** How the resolver reads files: the LSP layer serves open editor buffers, the CLI the disk. */
export interface FileReader {
  /** The text of a file, or undefined when it does not exist or is not a readable regular file. */
  read(file: string): string | undefined;
  /** The canonical path of a file (symlinks followed), so include cycles through links are caught. */
  realpath?(file: string): string;
  /** Mode bits (0o777) and owner of a regular file on disk; undefined when it is not one, or modes mean nothing here. */
  mode?(file: string): { mode: number; uid: number } | undefined;
  /**
   * Why the file may not be read (outside the workspace, a device, /proc: core/sandbox.ts), or undefined.
   * A refused include is a `files/read-refused` finding at the include, not a missing file.
   */
  refusal?(file: string): string | undefined;
}

export interface ResolveOptions {
  /** Environment variables; EMQX_* entries become the top layer. */
  env?: Record<string, string | undefined>;
  /** EMQX's data directory: includes are also searched in `<dataDir>/configs`. */
  dataDir?: string;
  /** Already-parsed documents by absolute path (the LSP's open buffers), reused instead of parsing again. */
  documents?: Map<string, HoconDocument>;
}
