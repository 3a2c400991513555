/** Reads configuration files from disk for the CLI and the language server: regular files only, never devices, with a size cap. */
import * as fs from 'node:fs';
import type { FileReader } from '../parsers/hocon/resolved';

/** Larger files are not configuration; refusing them keeps a stray include of a log or image harmless. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** A FileReader over the local file system (UTF-8; invalid bytes become U+FFFD, which the parser reports). */
export const nodeFileReader: FileReader = {
  read(file: string): string | undefined {
    try {
      const st = fs.statSync(file);
      if (!st.isFile() || st.size > MAX_FILE_BYTES) return undefined;
      const bytes = fs.readFileSync(file);
      if (bytes.length > MAX_FILE_BYTES) return undefined;
      return new TextDecoder('utf-8').decode(bytes);
    } catch {
      return undefined;
    }
  },
  realpath(file: string): string {
    try {
      return fs.realpathSync(file);
    } catch {
      return file;
    }
  },
};
