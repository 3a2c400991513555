/**
 * The analysis as a host runs it, the same for the CLI and the language server: the `files` setting
 * applied against the host's root folders (the CLI's current folder, the server's workspace folders),
 * files that are not in the workspace read from disk, and the text of every file a finding can be in.
 */
import type { Settings } from '../core/settings';
import type { DeploymentModel } from '../model/deploymentModel';
import type { Workspace } from '../workspace/workspace';
import { filesSettingFilter } from '../workspace/glob';
import { analyzeWorkspace, type AnalysisCache, type AnalysisResult, type AnalyzeOptions } from '../engine/engine';
import { nodeFileReader } from './fileReader';
import type { FileReader } from '../parsers/hocon/resolved';

/** The files the `files` setting keeps, as a predicate; undefined when it keeps every file. */
export function filesFilter(settings: Settings, roots: readonly string[]): ((file: string) => boolean) | undefined {
  return filesSettingFilter(settings.files, roots);
}

export interface HostAnalysisOptions {
  cache?: AnalysisCache;
  /** Reads what the workspace does not hold (includes, EnvironmentFile= targets); default: any regular file. */
  reader?: FileReader;
  track?: AnalyzeOptions['track'];
}

export function analyzeHost(ws: Workspace, settings: Settings, roots: readonly string[], options: HostAnalysisOptions = {}): AnalysisResult {
  return analyzeWorkspace(ws, settings, options.reader ?? nodeFileReader, options.cache, { include: filesFilter(settings, roots), track: options.track });
}

/**
 * The text of a file as the analysis saw it: the workspace's (open buffers over disk), else the text the
 * model read it with: EnvironmentFile= targets and includes are read through the reader, not held by the
 * workspace, yet findings land in them and positions are computed on them.
 */
export function textLookup(ws: Workspace, models: readonly DeploymentModel[]): (file: string) => string | undefined {
  let modelTexts: Map<string, string> | undefined;
  return (file) => {
    const own = ws.get(file)?.text;
    if (own !== undefined) return own;
    modelTexts ??= new Map(models.flatMap((m) => m.files.map((f) => [f.file, f.text] as const)));
    const read = modelTexts.get(file);
    if (read !== undefined) return read;
    // A file only an include read: its text is the one the resolver parsed.
    for (const m of models) {
      const included = m.emqx?.sourceText?.(file);
      if (included !== undefined) return included;
    }
    return undefined;
  };
}
