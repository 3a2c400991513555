/** Reads configuration files from disk for the CLI and the language server, through the read policy (core/sandbox.ts). */
import * as fs from 'node:fs';
import type { FileReader } from '../parsers/hocon/resolved';
import { ANYWHERE, type Sandbox } from '../core/sandbox';

/** Larger files are not configuration; refusing them keeps a stray include of a log or image harmless. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** A FileReader over the local file system that reads only what `sandbox` allows (UTF-8; invalid bytes become U+FFFD, which the parser reports). */
export function sandboxedFileReader(sandbox: Sandbox): FileReader {
  return {
    read(file: string): string | undefined {
      const outcome = sandbox.read(file, MAX_FILE_BYTES);
      return 'text' in outcome ? outcome.text : undefined;
    },
    refusal: (file: string) => sandbox.refusal(file),
    realpath(file: string): string {
      try {
        return fs.realpathSync(file);
      } catch {
        return file;
      }
    },
    mode: fileMode,
  };
}

/** Any regular file of the machine, never a device or kernel file: for callers that have no workspace. */
export const nodeFileReader: FileReader = sandboxedFileReader(ANYWHERE);

/** Mode bits and owner of a regular file on disk. */
function fileMode(file: string): { mode: number; uid: number } | undefined {
  if (process.platform === 'win32') return undefined;
  const now = Date.now();
  const hit = modeCache.get(file);
  if (hit && now - hit.at < MODE_TTL_MS) return hit.value;
  let value: { mode: number; uid: number } | undefined;
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    value = stat?.isFile() ? { mode: stat.mode & 0o777, uid: stat.uid } : undefined;
  } catch {
    value = undefined;
  }
  if (modeCache.size > 10_000) modeCache.clear();
  modeCache.set(file, { at: now, value });
  return value;
}

/**
 * The editor builds the model on every keystroke; file modes change rarely, so a mode read less than a
 * second ago is reused instead of asking the disk again for every key file.
 */
const MODE_TTL_MS = 1000;
const modeCache = new Map<string, { at: number; value: { mode: number; uid: number } | undefined }>();
