/** Finds deployment files on disk: the files named, and recognised files below the folders named. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyPath, SKIPPED_FOLDERS } from './fileKinds';
import { ANYWHERE, describeFsError, type Sandbox } from '../core/sandbox';

export { describeFsError };

export interface Discovery {
  files: string[];
  /** Paths that could not be read, with a reason a person understands. */
  errors: string[];
  /** Files named explicitly that are not a kind the product reads. */
  skipped: string[];
}

/** Maximum folder depth walked, so a symlink loop or a huge tree cannot hang a scan. */
const MAX_DEPTH = 32;

export function discoverFiles(paths: string[]): Discovery {
  const result: Discovery = { files: [], errors: [], skipped: [] };
  const seen = new Set<string>();
  const add = (file: string) => {
    const abs = path.resolve(file);
    if (!seen.has(abs)) {
      seen.add(abs);
      result.files.push(abs);
    }
  };
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (err) {
      result.errors.push(`${p}: ${describeFsError(err)}`);
      continue;
    }
    if (stat.isDirectory()) walk(path.resolve(p), 0, add, result, new Set());
    else if (stat.isFile()) {
      if (classifyPath(path.resolve(p))) add(p);
      else result.skipped.push(p);
    } else result.errors.push(`${p}: not a regular file or folder`);
  }
  result.files.sort();
  return result;
}

function walk(dir: string, depth: number, add: (f: string) => void, result: Discovery, visited: Set<string>): void {
  if (depth > MAX_DEPTH) return;
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch {
    return;
  }
  if (visited.has(real)) return;
  visited.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    result.errors.push(`${dir}: ${describeFsError(err)}`);
    return;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(e.name)) walk(full, depth + 1, add, result, visited);
    } else if ((e.isFile() || e.isSymbolicLink()) && classifyPath(full)) {
      add(full);
    }
  }
}

/** Largest file read (bytes); configuration files are small, anything bigger is not one. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Reads a deployment file as text, or says why not: `refused` when the read policy does not allow it (a
 * link to a file outside the workspace, a device), `error` when reading failed. Without a sandbox, any
 * regular file outside /proc, /sys and /dev is read.
 */
export function readTextFile(file: string, sandbox: Sandbox = ANYWHERE): { text?: string; error?: string; refused?: string } {
  return sandbox.read(file, MAX_FILE_BYTES);
}
