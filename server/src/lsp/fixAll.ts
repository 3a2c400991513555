/**
 * The edits of the editor's "fix all" (one file, on save or from the Source Action menu) and of the
 * workspace command: the engine's safe-fix selection with one cookie per cluster, so fix-all run in
 * emqx.conf and then in vm.args writes the cookie already chosen instead of a second one.
 */
import type { AnalysisResult } from '../engine/engine';
import type { FileEdit } from '../core/text';
import { ClusterSecrets } from '../engine/clusterSecrets';
import { selectSafeEdits } from '../engine/safeFixes';

/** The safe edits of `file`'s findings in that file. */
export function fileFixAllEdits(result: AnalysisResult, file: string): FileEdit[] {
  const mine = result.findings.filter((f) => f.file === file);
  return selectSafeEdits(mine, new ClusterSecrets(result.models)).get(file) ?? [];
}

/** Every safe edit of the workspace in a file `writable` accepts (open documents and files inside the workspace folders). */
export function workspaceFixAllEdits(result: AnalysisResult, writable: (file: string) => boolean): { edits: FileEdit[]; outside: string[] } {
  const edits: FileEdit[] = [];
  const outside: string[] = [];
  for (const [file, fileEdits] of selectSafeEdits(result.findings, new ClusterSecrets(result.models))) {
    if (writable(file)) edits.push(...fileEdits);
    else outside.push(file);
  }
  return { edits, outside };
}
