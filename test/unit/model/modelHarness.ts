/**
 * Loads a whole deployment folder the way the CLI does (discovery, then the disk as include reader) and
 * describes model origins as `relative/path:line` so expectations read like the fixture files.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { discoverFiles, readTextFile } from '../../../server/src/workspace/discover';
import { Workspace } from '../../../server/src/workspace/workspace';
import { analyzeWorkspace } from '../../../server/src/engine/engine';
import { DEFAULT_SETTINGS, type Settings } from '../../../server/src/core/settings';
import { nodeFileReader } from '../../../server/src/host/fileReader';
import type { DeploymentModel, Origin } from '../../../server/src/model/deploymentModel';

export interface LoadedDeployment {
  model: DeploymentModel;
  /** `file:line` (relative to the folder loaded) of an origin's value. */
  where(origin: Origin | undefined): string;
  /** The exact text an origin's span covers. */
  text(origin: Origin | undefined): string;
}

/** Analyzes every deployment file below `folder`; the folder must hold exactly one deployment. */
export function loadDeployment(folder: string, settings: Partial<Settings> = {}): LoadedDeployment {
  const found = discoverFiles([folder]);
  assert.deepEqual(found.errors, []);
  const ws = new Workspace();
  for (const file of found.files) ws.set(file, readTextFile(file).text!);
  const result = analyzeWorkspace(ws, { ...DEFAULT_SETTINGS, rules: {}, files: [], ...settings }, nodeFileReader);
  assert.equal(result.models.length, 1, `one deployment in ${folder}`);
  return describe(result.models[0], folder);
}

/** Analyzes virtual files (absolute path -> text); they must form one deployment. */
export function modelOf(files: Record<string, string>, settings: Partial<Settings> = {}): LoadedDeployment {
  const ws = new Workspace();
  for (const [file, text] of Object.entries(files)) assert.ok(ws.set(file, text), file);
  const result = analyzeWorkspace(ws, { ...DEFAULT_SETTINGS, rules: {}, files: [], ...settings }, { read: (f) => files[f] });
  assert.equal(result.models.length, 1);
  return describe(result.models[0], result.models[0].root);
}

function describe(model: DeploymentModel, folder: string): LoadedDeployment {
  const textOf = (file: string) => model.files.find((f) => f.file === file)?.text;
  return {
    model,
    where(origin) {
      if (!origin) return '(none)';
      const text = textOf(origin.file);
      assert.ok(text !== undefined, `origin in a file of the model: ${origin.file}`);
      const line = text.slice(0, origin.span.start).split(/\r\n|\r|\n/).length;
      return `${path.relative(folder, origin.file).split(path.sep).join('/')}:${line}`;
    },
    text(origin) {
      if (!origin) return '(none)';
      return (textOf(origin.file) ?? '').slice(origin.span.start, origin.span.end);
    },
  };
}
