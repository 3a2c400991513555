/**
 * Writing fixed files back: never outside the folders being scanned, never over a file that changed
 * since it was read, and each file replaced atomically (a temporary file in its folder, then rename),
 * keeping its mode and owner. All temporary files are written before the first rename, so a file that
 * cannot be written stops the run before anything changed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describeFsError } from './discover';

/**
 * Whether `real` (a path with every symlink resolved) lies inside one of `realRoots`. The one place the
 * CLI's writes are confined; the include and workspace-symlink sandbox shares the same rule.
 */
export function insideRoots(real: string, realRoots: readonly string[]): boolean {
  return realRoots.some((root) => real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
}

/** A path with every symlink resolved, or undefined when it does not resolve. */
export function realPathOf(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

/** The scanned paths as real folders: a file names its folder. Paths that do not resolve are left out. */
export function realRootsOf(paths: readonly string[]): string[] {
  const roots: string[] = [];
  for (const p of paths) {
    try {
      const real = fs.realpathSync(p);
      roots.push(fs.statSync(real).isDirectory() ? real : path.dirname(real));
    } catch {
      // Unreadable paths were reported by the scan.
    }
  }
  return roots;
}

export interface CheckedTarget {
  file: string;
  /** Where the bytes are written: the file with its symlinks resolved. */
  real: string;
  stat: fs.Stats;
}

/**
 * Whether `file` may be replaced by a fixed version of `before` (the bytes the scan read), or why not.
 * Reads the file again: a file that changed since the scan is not overwritten with the scan's view.
 */
export function checkTarget(file: string, before: Buffer, realRoots: readonly string[]): CheckedTarget | { reason: string } {
  let real: string;
  let stat: fs.Stats;
  let now: Buffer;
  try {
    real = fs.realpathSync(file);
    if (!insideRoots(real, realRoots)) return { reason: `it resolves to ${real}, outside the folders being scanned; mqtt-harden writes only inside them` };
    stat = fs.statSync(real);
    if (!stat.isFile()) return { reason: 'it is not a regular file' };
    // Replacing a file by rename gives it a new inode: its other hard links would keep the old text.
    if (stat.nlink > 1) return { reason: `it has ${stat.nlink} hard links, and replacing it would leave the others unfixed` };
    now = fs.readFileSync(real);
  } catch (err) {
    return { reason: `it cannot be read again (${describeFsError(err)})` };
  }
  if (!now.equals(before)) return { reason: 'it changed on disk since the scan read it; run mqtt-harden again' };
  try {
    fs.accessSync(real, fs.constants.W_OK);
  } catch {
    return { reason: 'it is not writable (permission denied)' };
  }
  try {
    fs.accessSync(path.dirname(real), fs.constants.W_OK | fs.constants.X_OK);
  } catch {
    return { reason: 'its folder is not writable, so it cannot be replaced atomically' };
  }
  return { file, real, stat };
}

export interface StagedWrite {
  target: CheckedTarget;
  temp: string;
}

/**
 * Writes `bytes` to a new temporary file beside the target, with the target's mode and owner, flushed to
 * disk. Throws (after removing the temporary file) when any step fails.
 */
export function stageWrite(target: CheckedTarget, bytes: Buffer): StagedWrite {
  const dir = path.dirname(target.real);
  const temp = path.join(dir, `.${path.basename(target.real)}.mqtt-harden-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeFileSync(fd, bytes);
    fs.fchmodSync(fd, target.stat.mode & 0o7777);
    if (typeof process.getuid === 'function' && (target.stat.uid !== process.getuid() || target.stat.gid !== process.getgid!())) {
      fs.fchownSync(fd, target.stat.uid, target.stat.gid);
    }
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  return { target, temp };
}

/** Moves a staged file over its target (atomic within one file system). */
export function commitWrite(staged: StagedWrite): void {
  fs.renameSync(staged.temp, staged.target.real);
}

export function discardWrite(staged: StagedWrite): void {
  fs.rmSync(staged.temp, { force: true });
}
