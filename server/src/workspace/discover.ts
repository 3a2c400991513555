/** Finds deployment files on disk: the files named, and recognised files below the folders named. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyPath, SKIPPED_FOLDERS } from './fileKinds';
import { decodeBytes, type DecodedBytes } from './fileBytes';
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
  } catch (err) {
    result.errors.push(`${dir}: ${describeFsError(err)}`);
    return;
  }
  if (visited.has(real)) return;
  visited.add(real);
  let entries: fs.Dirent<Buffer>[];
  try {
    // Names as bytes: a name that is not UTF-8 would otherwise be decoded lossily into a path that does not exist.
    entries = fs.readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (err) {
    result.errors.push(`${dir}: ${describeFsError(err)}`);
    return;
  }
  for (const e of entries) {
    const name = e.name.toString('utf8');
    const isDir = e.isDirectory();
    if (!Buffer.from(name, 'utf8').equals(e.name)) {
      // Only what the walk would have read is worth a word: folders, and files of a kind it reads.
      if ((isDir && !SKIPPED_FOLDERS.has(name)) || classifyPath(path.join(dir, name))) {
        result.errors.push(`${path.join(dir, escapeNameBytes(e.name))}: its name is not valid UTF-8, so mqtt-harden cannot open it; rename it to scan it`);
      }
      continue;
    }
    const full = path.join(dir, name);
    if (isDir) {
      if (!SKIPPED_FOLDERS.has(name)) walk(full, depth + 1, add, result, visited);
    } else if ((e.isFile() || e.isSymbolicLink()) && classifyPath(full)) {
      add(full);
    }
  }
}

/** A file name for a message: printable ASCII as is, every other byte as `\xNN`. */
function escapeNameBytes(name: Buffer): string {
  let out = '';
  for (const b of name) out += b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  return out;
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

/** Reads a deployment file's bytes and their text (fixes are written back into the bytes), or a reason it could not. */
export function readDecodedFile(file: string): { decoded?: DecodedBytes; error?: string } {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { error: 'not a regular file' };
    if (stat.size > MAX_FILE_BYTES) return { error: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB; not a configuration file` };
    return { decoded: decodeBytes(fs.readFileSync(file)) };
  } catch (err) {
    return { error: describeFsError(err) };
  }
}
