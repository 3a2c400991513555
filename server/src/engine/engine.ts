/**
 * The whole pipeline for a workspace: parse each file (cached) -> one model per deployment -> rules -> findings.
 * Shared by the CLI and the language server.
 */
import * as path from 'node:path';
import type { Workspace } from '../workspace/workspace';
import { deploymentRootOf } from '../workspace/workspace';
import type { FileReader } from '../parsers/hocon/resolved';
import type { ParsedFile } from '../parsers';
import type { DeploymentModel } from '../model/deploymentModel';
import type { Finding } from '../rules/types';
import { buildModel } from '../model/build';
import { analyzeModel } from './analyze';
import type { Settings } from './settings';
import { applySuppressions } from './suppressions';
import { widenEmptySpan } from '../core/text';

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
  } as FileReader;
}

export function analyzeWorkspace(ws: Workspace, settings: Settings, reader: FileReader): AnalysisResult {
  const models: DeploymentModel[] = [];
  const findings: Finding[] = [];
  const combined = workspaceReader(ws, reader);
  for (const group of ws.deployments()) {
    const files = group.map((s) => ws.parse(s.file)).filter((p): p is ParsedFile => !!p);
    if (files.length === 0) continue;
    const model = buildModel({ root: rootOf(group.map((g) => g.file)), files, settings, reader: combined });
    models.push(model);
    const texts = new Map(files.map((f) => [f.file, f.text]));
    for (const f of applyLevels(applySuppressions(analyzeModel(model, settings), model), settings)) {
      findings.push({ ...f, span: widenEmptySpan(texts.get(f.file) ?? '', f.span) });
    }
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId)));
  return { models, findings };
}

function rootOf(files: string[]): string {
  const main = files.find((f) => path.basename(f) === 'emqx.conf');
  if (main) return deploymentRootOf(main);
  let common = path.dirname(files[0]);
  for (const f of files) while (!f.startsWith(common + path.sep) && common !== path.dirname(common)) common = path.dirname(common);
  return common;
}
