/**
 * Which files the product may read: configuration is read only from inside the workspace and EMQX's own
 * folders of the deployment (`etc/`, `data/configs/`), and only regular files, never a device, a FIFO, a
 * socket or a kernel file under /proc, /sys or /dev. Includes, EnvironmentFile= targets and workspace files
 * that are links all go through here, so an `include "/etc/shadow"` or a `vm.args` linked to it is a
 * finding (the refusal's reason) and never a read. The file readers of the CLI and the language server
 * call this module; it holds the policy, they hold the caching.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Settings files (.mqtt-harden.json) are a few lines; anything larger is not one. */
export const MAX_SETTINGS_BYTES = 1024 * 1024;

/** Kernel file systems: their files report a size of 0 or lie about it, and some never end (/proc/self/pagemap). */
const KERNEL_FOLDERS = ['/proc', '/sys', '/dev'];

/** The message of a `files/read-refused` finding: `what` (the include "x", This file) and the policy's reason. */
export function refusedMessage(what: string, reason: string): string {
  return `${what} is not read: ${reason}. mqtt-harden reads only the workspace and EMQX's own etc/ and data/configs/ folders, so what it sets is not checked.`;
}

export type ReadOutcome = { text: string } | { refused: string } | { error: string };

/** A file-system error as a short reason, without a stack trace. */
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

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function isInside(file: string, folder: string): boolean {
  if (folder === path.parse(folder).root) return file.startsWith(folder);
  return file === folder || file.startsWith(folder + path.sep);
}

/**
 * EMQX's own folders for a folder of the workspace: a folder named `etc` (or `data/configs`) belongs to a
 * deployment whose `etc/` and `data/configs/` EMQX reads configuration from, so both are allowed.
 */
function emqxFoldersOf(folder: string): string[] {
  const base = path.basename(folder);
  const parent = path.dirname(folder);
  let deployment: string | undefined;
  if (base === 'etc') deployment = parent;
  else if (base === 'configs' && path.basename(parent) === 'data') deployment = path.dirname(parent);
  return deployment ? [path.join(deployment, 'etc'), path.join(deployment, 'data', 'configs')] : [];
}

export class Sandbox {
  /** Real paths of the folders files may be read from. */
  readonly folders: string[];

  /**
   * @param roots the workspace: folders scanned (or the folder of a file named), the editor's workspace
   *   folders. Links among them are followed once, here.
   */
  constructor(roots: readonly string[]) {
    const folders = new Set<string>();
    for (const r of roots) {
      const real = realOrSelf(r);
      for (const f of [real, ...emqxFoldersOf(real), ...emqxFoldersOf(path.resolve(r))]) folders.add(realOrSelf(f));
    }
    this.folders = [...folders];
  }

  /** Why `file` may not be read, or undefined when it may (a missing file may: reading it then fails). */
  refusal(file: string): string | undefined {
    return this.check(file).refused;
  }

  /** The policy's verdict, and the real path it judged: the read opens exactly that path. */
  private check(file: string): { refused?: string; real?: string; error?: string } {
    const abs = path.resolve(file);
    const kernel = (p: string) => KERNEL_FOLDERS.some((k) => isInside(p, k));
    if (kernel(abs)) return { refused: `${abs} is a kernel or device file, not configuration` };
    let real: string;
    try {
      real = fs.realpathSync(abs);
    } catch (err) {
      return { error: describeFsError(err) };
    }
    let link = false;
    try {
      link = fs.lstatSync(abs).isSymbolicLink();
    } catch {
      link = false;
    }
    if (kernel(real)) return { refused: `${abs} ${link ? `is a symbolic link to ${real}, ` : 'is '}a kernel or device file, not configuration` };
    if (!this.folders.some((f) => isInside(real, f))) {
      return { refused: link ? `${abs} is a symbolic link to ${real}, outside the workspace` : `${abs} is outside the workspace and EMQX's own folders of the deployment` };
    }
    try {
      const st = fs.statSync(real);
      // A folder is not refused: reading it fails with "is a folder", the caller's message.
      if (!st.isDirectory() && !st.isFile()) return { refused: `${abs} is not a regular file (a device, FIFO or socket)` };
    } catch (err) {
      return { error: describeFsError(err) };
    }
    return { real };
  }

  /**
   * Reads a file the policy allows, at most `maxBytes`: opened without following a last link and without
   * blocking (a FIFO swapped in after the check), then checked again on the open descriptor.
   */
  read(file: string, maxBytes: number): ReadOutcome {
    const { refused, real, error } = this.check(file);
    if (refused) return { refused };
    return real === undefined ? { error: error ?? 'cannot be read' } : readReal(real, file, maxBytes);
  }
}

/** Reads a regular file of at most `maxBytes` as UTF-8 (invalid bytes become U+FFFD, which the parsers report). */
export function readRegularFile(file: string, maxBytes: number): ReadOutcome {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch (err) {
    return { error: describeFsError(err) };
  }
  return readReal(real, file, maxBytes);
}

/** Reads `real` (a path with no link left in it, as judged); `file` names it in messages. */
function readReal(real: string, file: string, maxBytes: number): ReadOutcome {
  let fd: number | undefined;
  try {
    const flags = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);
    fd = fs.openSync(real, flags);
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) return { error: 'is a folder, not a file' };
    if (!st.isFile()) return { refused: `${path.resolve(file)} is not a regular file (a device, FIFO or socket)` };
    if (st.size > maxBytes) return { error: tooLarge(maxBytes) };
    // The size is a hint (a file may grow while read): read in chunks and stop one byte past the cap.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(st.size - total, 0) + 1, maxBytes + 1 - total, 1 << 20) || 1);
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) return { error: tooLarge(maxBytes) };
    }
    return { text: new TextDecoder('utf-8').decode(Buffer.concat(chunks, total)) };
  } catch (err) {
    return { error: describeFsError(err) };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function tooLarge(maxBytes: number): string {
  return `larger than ${Math.round(maxBytes / 1024 / 1024)} MiB; not a configuration file`;
}

/** The folders a scan of `paths` may read from: each folder named, and the folder of each file named. */
export function workspaceRoots(paths: readonly string[]): string[] {
  return paths.map((p) => {
    try {
      return fs.statSync(p).isDirectory() ? path.resolve(p) : path.dirname(path.resolve(p));
    } catch {
      return path.dirname(path.resolve(p));
    }
  });
}

/** The whole machine except kernel files and devices: for callers that have no workspace (tests, library use). */
export const ANYWHERE = new Sandbox([path.parse(process.cwd()).root]);
