/**
 * The set of deployment files the engine knows, with their current text, and a parse cache keyed by
 * text so a change re-parses only the file that changed.
 */
import * as path from 'node:path';
import type { FileKind } from '../parsers/fileKind';
import { classifyPath } from './fileKinds';
import { parseFile, type ParsedFile } from '../parsers';
import { parseAgain, type KeptParse } from '../parsers/reparse';

export interface SourceFile {
  file: string;
  kind: FileKind;
  text: string;
}

export interface WorkspaceOptions {
  /**
   * Re-parse an edited file from its previous parse where possible (the language server's keystroke
   * path). The previous ParsedFile of that file is then invalidated: its HOCON nodes, problems and comments
   * are moved to the new text's offsets in place (hocon/incremental/reparse.ts). The CLI parses each text afresh.
   */
  incremental?: boolean;
}

export class Workspace {
  private readonly sources = new Map<string, SourceFile>();
  private readonly parsed = new Map<string, KeptParse>();
  /** Files of the workspace the read policy refused (core/sandbox.ts), with the reason: findings, not sources. */
  private readonly refusals = new Map<string, string>();

  constructor(private readonly options: WorkspaceOptions = {}) {}

  /** Adds or replaces a file; `kind` defaults to what its path says. Returns false when the path is not a deployment file. */
  set(file: string, text: string, kind: FileKind | undefined = classifyPath(file)): boolean {
    if (!kind) return false;
    this.refusals.delete(file);
    this.sources.set(file, { file, kind, text });
    return true;
  }

  delete(file: string): boolean {
    this.parsed.delete(file);
    const refused = this.refusals.delete(file);
    return this.sources.delete(file) || refused;
  }

  /** Records a workspace file that is not read (a link to outside the workspace, a device) and why. */
  refuse(file: string, reason: string): void {
    this.parsed.delete(file);
    this.sources.delete(file);
    this.refusals.set(file, reason);
  }

  /** The refused files, in a stable order. */
  refused(): { file: string; reason: string }[] {
    return [...this.refusals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, reason]) => ({ file, reason }));
  }

  has(file: string): boolean {
    return this.sources.has(file);
  }

  get(file: string): SourceFile | undefined {
    return this.sources.get(file);
  }

  /** Every known file, in a stable order. */
  all(): SourceFile[] {
    return [...this.sources.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  /** The parse of a file, reused while its text is unchanged. */
  parse(file: string): ParsedFile | undefined {
    const source = this.sources.get(file);
    if (!source) return undefined;
    const cached = this.parsed.get(file);
    if (cached && cached.text === source.text) return cached.parsed;
    const kept = this.options.incremental
      ? parseAgain(cached, source.file, source.text, source.kind)
      : { text: source.text, parsed: parseFile(source.file, source.text, source.kind) };
    this.parsed.set(file, kept);
    return kept.parsed;
  }

  /** Files that form one deployment each (see groupDeployments). */
  deployments(): SourceFile[][] {
    return groupDeployments(this.all());
  }
}

const MAIN_CONFIG_NAMES = new Set(['emqx.conf', 'base.hocon', 'cluster.hocon']);

/**
 * Groups files into deployments: every folder holding an EMQX main config (emqx.conf, base.hocon,
 * cluster.hocon — or the parent of an etc/ folder holding one) roots a deployment; every other file
 * joins the deepest root above it. Files under no root form one deployment together.
 */
export function groupDeployments(files: SourceFile[]): SourceFile[][] {
  const roots = new Set<string>();
  for (const f of files) {
    if (f.kind === 'emqx-conf' && MAIN_CONFIG_NAMES.has(path.basename(f.file))) roots.add(deploymentRootOf(f.file));
  }
  const groups = new Map<string, SourceFile[]>();
  const orphans: SourceFile[] = [];
  for (const f of files) {
    const root = deepestRootAbove(f.file, roots);
    if (root === undefined) orphans.push(f);
    else (groups.get(root) ?? groups.set(root, []).get(root)!).push(f);
  }
  const result = [...groups.values()];
  if (orphans.length) result.push(orphans);
  return result;
}

/**
 * The deepest of `roots` that is `file` itself or a folder above it. Walks up from the file instead of
 * testing every root against every file, which made grouping quadratic in the number of deployments.
 */
function deepestRootAbove(file: string, roots: Set<string>): string | undefined {
  for (let dir = file; ; ) {
    if (roots.has(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The folder a main config roots: its own folder, or the parent of etc/ (and of data/configs/). */
export function deploymentRootOf(configFile: string): string {
  let dir = path.dirname(configFile);
  const base = path.basename(dir);
  if (base === 'configs' && path.basename(path.dirname(dir)) === 'data') dir = path.dirname(path.dirname(dir));
  else if (base === 'etc') dir = path.dirname(dir);
  return dir;
}
