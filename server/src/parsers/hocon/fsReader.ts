/** Reads configuration files from disk for the CLI and the language server, through the read policy (core/sandbox.ts). */
import * as fs from 'node:fs';
import type { FileReader } from './resolved';
import { ANYWHERE, type Sandbox } from '../../core/sandbox';

/** Larger files are not configuration; refusing them keeps a stray include of a log or image harmless. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** A FileReader over the local file system that reads only what `sandbox` allows (UTF-8; invalid bytes become U+FFFD). */
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
  };
}

/** Any regular file of the machine, never a device or kernel file: for callers that have no workspace. */
export const nodeFileReader: FileReader = sandboxedFileReader(ANYWHERE);
