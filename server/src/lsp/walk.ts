/**
 * Finds the deployment files under the editor's workspace folders without holding up the server. The CLI's
 * walk (workspace/discover.ts) is synchronous: for a folder of `/` it read the whole disk for a minute while
 * no request was answered. This one reads folders asynchronously (each step gives the event loop back),
 * breadth first (a deployment's files sit near the top), and stops at a budget of directory entries and of
 * files found, telling the user where it stopped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyPath, SKIPPED_FOLDERS } from '../workspace/fileKinds';
import { describeFsError, readTextFile } from '../workspace/discover';

export interface WalkBudget {
  /** Directory entries looked at, over all folders of one walk. */
  maxEntries: number;
  /** Deployment files taken. */
  maxFiles: number;
}

export const DEFAULT_WALK_BUDGET: WalkBudget = { maxEntries: 100_000, maxFiles: 2_000 };
/** Folder depth walked, as in the CLI's walk: a symlink loop or a deep tree cannot go on for ever. */
const MAX_DEPTH = 32;
/** Kernel views, not folders of files: nothing to analyse there, and reading them can hang or leak. */
const PSEUDO_FILESYSTEMS = new Set(['/proc', '/sys', '/dev']);
/** Files read between two yields to the event loop. */
const READ_BATCH = 50;

export interface WalkResult {
  files: string[];
  /** Why the walk ended early, in words for the user; undefined when it saw everything. */
  stopped?: string;
  /** Folders that could not be read. */
  errors: string[];
}

/** The budget, with `maxWalkEntries` / `maxWalkFiles` from the client's initializationOptions when valid. */
export function walkBudgetFrom(initializationOptions: unknown): WalkBudget {
  const o = (initializationOptions ?? {}) as Record<string, unknown>;
  const pick = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : fallback);
  return { maxEntries: pick(o.maxWalkEntries, DEFAULT_WALK_BUDGET.maxEntries), maxFiles: pick(o.maxWalkFiles, DEFAULT_WALK_BUDGET.maxFiles) };
}

/** Deployment files under `folders`, found asynchronously within `budget`; `cancelled` is asked between steps. */
export async function walkFolders(folders: string[], budget: WalkBudget, cancelled: () => boolean = () => false): Promise<WalkResult> {
  const result: WalkResult = { files: [], errors: [] };
  const seen = new Set<string>();
  const visited = new Set<string>();
  let entries = 0;
  for (const folder of folders) {
    const queue: Array<{ dir: string; depth: number }> = [{ dir: path.resolve(folder), depth: 0 }];
    for (let next = queue.shift(); next; next = queue.shift()) {
      if (cancelled()) return result;
      const { dir, depth } = next;
      let handle: fs.Dir;
      try {
        const real = await fs.promises.realpath(dir);
        if (visited.has(real) || PSEUDO_FILESYSTEMS.has(real)) continue;
        visited.add(real);
        handle = await fs.promises.opendir(dir);
      } catch (err) {
        result.errors.push(`${dir}: ${describeFsError(err)}`);
        continue;
      }
      try {
        for await (const e of handle) {
          if (++entries > budget.maxEntries) {
            result.stopped = `looked at ${budget.maxEntries.toLocaleString('en-US')} entries under ${folder} and stopped there`;
            return result;
          }
          const full = path.join(dir, e.name);
          if (e.isDirectory()) {
            if (!SKIPPED_FOLDERS.has(e.name) && depth < MAX_DEPTH) queue.push({ dir: full, depth: depth + 1 });
          } else if ((e.isFile() || e.isSymbolicLink()) && classifyPath(full) && !seen.has(full)) {
            seen.add(full);
            result.files.push(full);
            if (result.files.length >= budget.maxFiles) {
              result.stopped = `found ${budget.maxFiles.toLocaleString('en-US')} deployment files under ${folder} and stopped there`;
              return result;
            }
          }
        }
      } catch (err) {
        result.errors.push(`${dir}: ${describeFsError(err)}`);
      } finally {
        // for-await closes the handle when it runs to the end; an early return or a throw leaves it open.
        await handle.close().catch(() => undefined);
      }
    }
  }
  return result;
}

/** Whether `file` is `folder` or below it (`/` holds everything). */
export function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

export interface LoadHost {
  budget: WalkBudget;
  /** Whether a file's text comes from elsewhere (an open editor buffer), so the disk is not read for it. */
  skip(file: string): boolean;
  add(file: string, text: string): void;
  /** Tells the user (window/showMessage) that the walk stopped early. */
  warn(message: string): void;
  /** Goes to the server's log only. */
  log(message: string): void;
  cancelled?(): boolean;
}

/** Walks `folders` and reads every deployment file found into the host, yielding between batches. */
export async function loadFolderFiles(folders: string[], host: LoadHost): Promise<void> {
  if (folders.length === 0) return;
  const found = await walkFolders(folders, host.budget, host.cancelled);
  for (const e of found.errors.slice(0, 20)) host.log(`could not read ${e}`);
  if (found.errors.length > 20) host.log(`could not read ${found.errors.length - 20} more folders`);
  if (found.stopped) {
    host.warn(`mqtt-harden ${found.stopped}: deployment files further in are not analysed. Open the folder that holds the deployment instead.`);
  }
  for (const [i, file] of found.files.entries()) {
    if (host.cancelled?.()) return;
    if (i > 0 && i % READ_BATCH === 0) await new Promise((r) => setImmediate(r));
    if (host.skip(file)) continue;
    const { text } = readTextFile(file);
    if (text !== undefined) host.add(file, text);
  }
}
