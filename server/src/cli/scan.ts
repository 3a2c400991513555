/** The scan command: find files, analyze the deployments, print findings, and optionally apply fixes. */
import * as path from 'node:path';
import type { CliOptions } from './args';
import type { Io } from './io';
import type { Settings } from '../core/settings';
import type { Severity } from '../core/problems';
import { discoverFiles, readDecodedFile } from '../workspace/discover';
import type { DecodedBytes } from '../workspace/fileBytes';
import { realRootsOf } from '../workspace/safeWrite';
import { Workspace } from '../workspace/workspace';
import { analyzeHost, filesFilter, textLookup } from '../host/analysis';
import { sandboxedFileReader } from '../host/fileReader';
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
  // The `files` patterns are relative to the current folder, as they are to a workspace folder in the editor.
  const roots = [io.cwd];
  const include = filesFilter(settings, roots);
  // Files are read only inside the scanned folders and the deployment's own EMQX folders (core/sandbox.ts).
  const sandbox = new Sandbox(workspaceRoots(options.paths.map((p) => path.resolve(io.cwd, p))));
  const reader = sandboxedFileReader(sandbox);
  // The bytes behind each text: --fix writes its edits into them.
  const disk = new Map<string, DecodedBytes>();
  let readErrors = found.errors.length;
  for (const file of found.files) {
    if (include && !include(file)) continue;
    const refused = sandbox.refusal(file);
    if (refused !== undefined) {
      if (classifyPath(file)) ws.refuse(file, refused);
      continue;
    }
    const { decoded, error } = readDecodedFile(file);
    if (!decoded) {
      io.err(`mqtt-harden: cannot read ${printableLine(file)}: ${printableLine(error ?? 'cannot be read')}\n`);
      readErrors++;
      continue;
    }
    ws.set(file, decoded.text);
    disk.set(file, decoded);
  }
  if (ws.all().length === 0 && ws.refused().length === 0) {
    io.err(`mqtt-harden: no deployment files found in ${printableLine(options.paths.join(', '))}\n`);
    return 2;
  }
  let result = analyzeHost(ws, settings, roots, { reader });
  let unfixed = 0;
  if (options.fix) {
    const realRoots = realRootsOf(options.paths.map((p) => path.resolve(io.cwd, p)));
    const secrets = workspaceRedactor(result.models);
    const applied = applyFixes({ result, ws, disk, realRoots, dryRun: options.dryRun, conceal: (text) => printable(secrets.conceal(text)) }, io);
    if (options.dryRun) return applied.unchangedFiles > 0 ? 2 : applied.changedFiles > 0 ? 1 : 0;
    if (applied.changedFiles > 0) result = analyzeHost(ws, settings, roots, { reader });
    unfixed = applied.unchangedFiles;
  }
  const shown = result.findings.filter((f) => RANK[f.severity] >= RANK[options.severity]);
  const input = { findings: shown, textOf: textLookup(ws, result.models), cwd: io.cwd, color: options.color };
  io.out(options.format === 'json' ? formatJson(input) : options.format === 'sarif' ? formatSarif(input) : formatText(input));
  if (readErrors > 0 || unfixed > 0) return 2;
  const failing = options.failOn === 'none' ? [] : shown.filter((f) => RANK[f.severity] >= RANK[options.failOn as Severity]);
  return failing.length > 0 ? 1 : 0;
}
