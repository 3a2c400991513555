/**
 * The whole pipeline for a workspace: parse each file (cached) -> one model per deployment -> rules -> findings.
 * Shared by the CLI and the language server.
 */
import * as path from 'node:path';
import type { Workspace } from '../workspace/workspace';
import { deploymentRootOf, groupDeployments } from '../workspace/workspace';
import type { FileReader } from '../parsers/hocon/resolved';
import type { ParsedFile } from '../parsers';
import type { DeploymentModel } from '../model/deploymentModel';
import type { Finding } from '../rules/types';
import { buildModel, type ModelTrace } from '../model/build';
import { analyzeModel, analyzeModelTracked, errorText, INTERNAL_ERROR_ID } from './analyze';
import { reuseFor, type RuleResults } from './reuse';
import type { Settings } from '../core/settings';
import { applySuppressions } from './suppressions';
import { widenEmptySpan } from '../core/text';
import { refusedMessage } from '../core/sandbox';
import { printable } from '../core/printable';
import type { SecretRedactor } from '../core/secrets';
import { secretRedactor } from '../model/secretValues';

const READ_REFUSED_ID = 'files/read-refused';

/** Severity settings for findings that come from outside the rules (suppression hints). */
function applyLevels(findings: Finding[], settings: Settings): Finding[] {
  return findings.filter((f) => settings.rules[f.ruleId] !== 'off').map((f) => {
    const level = settings.rules[f.ruleId];
    return level && level !== 'off' ? { ...f, severity: level } : f;
  });
}

export interface AnalysisResult {
  models: DeploymentModel[];
  /** Findings after settings and suppressions, sorted by file and offset. */
  findings: Finding[];
}

/** Serves workspace files first, then the reader (so unsaved editor text wins over the disk). */
export function workspaceReader(ws: Workspace, fallback: FileReader): FileReader {
  return {
    read: (file) => ws.get(file)?.text ?? fallback.read(file),
    realpath: fallback.realpath ? (file: string) => fallback.realpath!(file) : undefined,
    mode: fallback.mode ? (file: string) => fallback.mode!(file) : undefined,
    refusal: fallback.refusal ? (file: string) => (ws.has(file) ? undefined : fallback.refusal!(file)) : undefined,
  } as FileReader;
}

interface CachedAnalysis {
  files: ParsedFile[];
  settings: Settings;
  /** Served again only while every file is the same parse; an edit's re-parse invalidates it (reuse.ts reads `trace`). */
  model: DeploymentModel;
  findings: Finding[];
  /** What building the model saw, and what each rule read and found, when the cache keeps them (the language server's does). */
  trace?: ModelTrace;
  results?: RuleResults;
}

/**
 * Remembers each deployment's analysis so that an edit re-runs only the deployment it touches: a group is
 * reused while every one of its parsed files is the same object (the workspace re-parses only changed text)
 * and the settings are the same. With `rules: true`, an edit of one HOCON file re-runs only the rules that
 * read what it changed (reuse.ts).
 */
export class AnalysisCache {
  private readonly groups = new Map<string, CachedAnalysis>();

  constructor(readonly options: { rules?: boolean } = {}) {}

  get(key: string, files: ParsedFile[], settings: Settings) {
    const hit = this.groups.get(key);
    if (!hit || hit.settings !== settings || hit.files.length !== files.length || hit.files.some((f, i) => f !== files[i])) return undefined;
    return hit;
  }

  /** The last analysis of the group, whatever changed since. */
  previous(key: string): CachedAnalysis | undefined {
    return this.groups.get(key);
  }

  set(key: string, entry: CachedAnalysis, liveKeys: Set<string>): void {
    this.groups.set(key, entry);
    for (const k of this.groups.keys()) if (!liveKeys.has(k)) this.groups.delete(k);
  }
}

export interface AnalyzeOptions {
  /**
   * Which files take part (the `files` setting): other workspace files form no deployment, and no file
   * it rejects gets findings, even one that an include or EnvironmentFile= of a kept file reads.
   */
  include?: (file: string) => boolean;
  /**
   * Which deployments keep what their rules read, so that their next edit re-runs only some rules (with
   * a cache made with `rules: true`); default all. The language server keeps it for open files only:
   * it costs memory in every deployment it is kept for.
   */
  track?: (files: string[]) => boolean;
}

export function analyzeWorkspace(ws: Workspace, settings: Settings, reader: FileReader, cache?: AnalysisCache, options: AnalyzeOptions = {}): AnalysisResult {
  const models: DeploymentModel[] = [];
  const findings: Finding[] = [];
  const combined = workspaceReader(ws, reader);
  const { include } = options;
  const groups = include ? groupDeployments(ws.all().filter((s) => include(s.file))) : ws.deployments();
  const liveKeys = new Set(groups.map((g) => g.map((s) => s.file).join('\n')));
  for (const group of groups) {
    const files = group.map((s) => ws.parse(s.file)).filter((p): p is ParsedFile => !!p);
    if (files.length === 0) continue;
    const key = group.map((s) => s.file).join('\n');
    const hit = cache?.get(key, files, settings);
    if (hit) {
      models.push(hit.model);
      for (const f of hit.findings) findings.push(f);
      continue;
    }
    let analysed: AnalysedGroup;
    try {
      analysed = analyzeGroup(group.map((g) => g.file), files, settings, combined, cache, key, options);
    } catch (err) {
      // Rules are contained one by one (analyze.ts); this is the rest of the pipeline (model, resolver,
      // suppressions) failing on one deployment: it gets one finding, and the other deployments go on.
      for (const f of applyLevels([deploymentFailure(files, err)], settings)) findings.push(f);
      continue;
    }
    models.push(analysed.model);
    // A loop, not push(...): a deployment can have more findings than a call can take arguments.
    for (const f of analysed.findings) findings.push(f);
    cache?.set(key, { files, settings, ...analysed }, liveKeys);
  }
  for (const f of refusedFileFindings(ws, settings)) findings.push(f);
  // A finding can land in a file read only through an include or EnvironmentFile=: the filter covers those too.
  const shown = include ? findings.filter((f) => include(f.file)) : findings;
  shown.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId)));
  return { models, findings: shown };
}

/** One deployment analysed: its model, findings, and what the next edit re-uses. */
interface AnalysedGroup {
  model: DeploymentModel;
  findings: Finding[];
  trace?: ModelTrace;
  results?: RuleResults;
}

function analyzeGroup(paths: string[], files: ParsedFile[], settings: Settings, reader: FileReader, cache: AnalysisCache | undefined, key: string, options: AnalyzeOptions): AnalysedGroup {
  const tracked = !!cache?.options.rules && (options.track?.(files.map((f) => f.file)) ?? true);
  const last = tracked ? cache?.previous(key) : undefined;
  const { model, trace } = buildModel({ root: rootOf(paths), files, settings, reader, trace: tracked, previous: last?.trace });
  const texts = new Map(model.files.map((f) => [f.file, f.text]));
  let raw: Finding[];
  let results: RuleResults | undefined;
  if (tracked) ({ findings: raw, results } = analyzeModelTracked(model, settings, reuseFor(last, files, settings, trace)));
  else raw = analyzeModel(model, settings);
  const conceal = secretRedactor(model);
  const findings = applyLevels(applySuppressions(raw, model), settings).map((f) => presentable({ ...f, span: widenEmptySpan(texts.get(f.file) ?? '', f.span) }, conceal));
  return { model, findings, trace, results };
}

/** The finding for a deployment whose analysis failed outside any one rule, on its main file. */
function deploymentFailure(files: ParsedFile[], err: unknown): Finding {
  const main = files.find((f) => path.basename(f.file) === 'emqx.conf') ?? files[0];
  return {
    ruleId: INTERNAL_ERROR_ID,
    severity: 'error',
    message: `The analysis of this deployment failed (${errorText(err)}); no rule could check its files. The other deployments were analysed. Please report this.`,
    file: main.file,
    span: widenEmptySpan(main.text, { start: 0, end: 0 }),
    fixes: [],
  };
}

/**
 * What every finding's text passes through before anyone sees it: secret values of the deployment
 * redacted (core/secrets.ts), control characters shown escaped (core/printable.ts). Edits are left as
 * they are: they must apply to the file, and fixes of secrets carry placeholders or quotes only.
 */
function presentable(f: Finding, conceal: SecretRedactor): Finding {
  const clean = (text: string) => printable(conceal.conceal(text));
  const message = clean(f.message);
  const fixes = f.fixes.map((x) => {
    const title = clean(x.title);
    return title === x.title ? x : { ...x, title };
  });
  const related = f.related?.map((r) => {
    const text = clean(r.message);
    return text === r.message ? r : { ...r, message: text };
  });
  if (message === f.message && fixes.every((x, i) => x === f.fixes[i]) && (related ?? []).every((r, i) => r === f.related![i])) return f;
  return { ...f, message, fixes, ...(related ? { related } : {}) };
}

/** A workspace file the read policy refused is a finding at its start: its text was never read. */
function refusedFileFindings(ws: Workspace, settings: Settings): Finding[] {
  const findings = ws.refused().map(({ file, reason }): Finding => ({
    ruleId: READ_REFUSED_ID, severity: 'warning', file, span: { start: 0, end: 0 }, fixes: [],
    message: printable(refusedMessage('This file', reason)),
  }));
  return applyLevels(findings, settings);
}

function rootOf(files: string[]): string {
  const main = files.find((f) => path.basename(f) === 'emqx.conf');
  if (main) return deploymentRootOf(main);
  let common = path.dirname(files[0]);
  for (const f of files) while (!f.startsWith(common + path.sep) && common !== path.dirname(common)) common = path.dirname(common);
  return common;
}
