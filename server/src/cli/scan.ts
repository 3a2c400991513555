/** The scan command: find files, analyze the deployments, print findings, and optionally apply fixes. */
import * as path from 'node:path';
import type { CliOptions } from './args';
import type { Io } from './main';
import type { Settings } from '../engine/settings';
import type { Severity } from '../core/problems';
import { discoverFiles, readTextFile } from '../workspace/discover';
import { matchesAny } from '../workspace/glob';
import { Workspace } from '../workspace/workspace';
import { analyzeWorkspace } from '../engine/engine';
import { sandboxedFileReader } from '../parsers/hocon/fsReader';
import { Sandbox, workspaceRoots } from '../core/sandbox';
import { classifyPath } from '../workspace/fileKinds';
import { formatText } from './format/text';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { applyFixes } from './fix';
import { workspaceRedactor } from '../model/secretValues';
import { printable, printableLine } from '../core/printable';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

export function scan(options: CliOptions, settings: Settings, io: Io): number {
  const found = discoverFiles(options.paths.map((p) => path.resolve(io.cwd, p)));
  for (const e of found.errors) io.err(`mqtt-harden: cannot read ${printableLine(e)}\n`);
  for (const s of found.skipped) io.err(`mqtt-harden: skipping ${printableLine(s)}: not a file kind mqtt-harden reads (emqx.conf, *.hocon, vm.args, sysctl, systemd units, limits.conf)\n`);
  const ws = new Workspace();
  const sandbox = new Sandbox(workspaceRoots(options.paths.map((p) => path.resolve(io.cwd, p))));
  const reader = sandboxedFileReader(sandbox);
  let readErrors = found.errors.length;
  for (const file of found.files) {
    if (!matchesAny(path.relative(io.cwd, file), settings.files)) continue;
    const { text, error, refused } = readTextFile(file, sandbox);
    if (refused !== undefined) {
      if (classifyPath(file)) ws.refuse(file, refused);
      continue;
    }
    if (error !== undefined) {
      io.err(`mqtt-harden: cannot read ${printableLine(file)}: ${printableLine(error)}\n`);
      readErrors++;
      continue;
    }
    ws.set(file, text!);
  }
  if (ws.all().length === 0 && ws.refused().length === 0) {
    io.err(`mqtt-harden: no deployment files found in ${printableLine(options.paths.join(', '))}\n`);
    return 2;
  }
  let result = analyzeWorkspace(ws, settings, reader);
  if (options.fix) {
    const secrets = workspaceRedactor(result.models);
    const applied = applyFixes(result.findings, ws, options.dryRun, io, (text) => printable(secrets.conceal(text)));
    if (applied.error) return 2;
    if (!options.dryRun && applied.changedFiles > 0) result = analyzeWorkspace(ws, settings, reader);
    if (options.dryRun) return applied.changedFiles > 0 ? 1 : 0;
  }
  const shown = result.findings.filter((f) => RANK[f.severity] >= RANK[options.severity]);
  const texts = new Map(ws.all().map((s) => [s.file, s.text]));
  for (const m of result.models) {
    for (const f of m.files) texts.set(f.file, f.text);
    // Findings in a file only an include read are placed by that file's text, not at 1:1.
    for (const [file, doc] of m.includedDocuments ?? []) if (!texts.has(file)) texts.set(file, doc.text);
  }
  const input = { findings: shown, texts, cwd: io.cwd, color: options.color };
  io.out(options.format === 'json' ? formatJson(input) : options.format === 'sarif' ? formatSarif(input) : formatText(input));
  if (readErrors > 0) return 2;
  const failing = options.failOn === 'none' ? [] : shown.filter((f) => RANK[f.severity] >= RANK[options.failOn as Severity]);
  return failing.length > 0 ? 1 : 0;
}
