/** Builds a FeatureContext for a virtual deployment; `|` in a file's text marks the cursor. */
import type { FeatureContext } from '../../../server/src/features/context';
import { analyzeWorkspace } from '../../../server/src/engine/engine';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { workspaceOf, readerOf, ROOT } from '../rules/ruleTester';

export function contextAt(files: Record<string, string>, fileWithCursor: string): { ctx: FeatureContext; offset: number; text: string } {
  const raw = files[fileWithCursor];
  const offset = raw.indexOf('|');
  if (offset < 0) throw new Error('no | cursor marker');
  const text = raw.slice(0, offset) + raw.slice(offset + 1);
  const clean = { ...files, [fileWithCursor]: text };
  const ws = workspaceOf(clean);
  const result = analyzeWorkspace(ws, DEFAULT_SETTINGS, readerOf(clean));
  const file = `${ROOT}/${fileWithCursor}`;
  const model = result.models.find((m) => m.files.some((f) => f.file === file));
  const ctx: FeatureContext = {
    file: ws.parse(file)!,
    model,
    models: result.models,
    findings: result.findings.filter((f) => f.file === file),
    docsUri: (id) => `docs:${id}`,
  };
  return { ctx, offset, text };
}
