/** Finds deployment files on disk: the files named, and recognised files below the folders named. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyPath, SKIPPED_FOLDERS } from './fileKinds';

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

/** A filesystem error as a short reason, without a stack trace. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder, not a file';
    case 'ENOTDIR': return 'a part of the path is not a folder';
    case 'ELOOP': return 'too many levels of symbolic links';
    default: return err instanceof Error ? err.message : String(err);
  }
}

/** Largest file read (bytes); configuration files are small, anything bigger is not one. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Reads a deployment file as text, or returns a reason it could not. */
export function readTextFile(file: string): { text?: string; error?: string } {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { error: 'not a regular file' };
    if (stat.size > MAX_FILE_BYTES) return { error: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB; not a configuration file` };
    return { text: fs.readFileSync(file, 'utf8') };
  } catch (err) {
    return { error: describeFsError(err) };
  }
}
