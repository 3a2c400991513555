/**
 * File modes as model facts: the mode of every file of the deployment, and of the private key files the
 * TLS settings name, read through the file reader when the model is built (the rules never ask the disk).
 */
import * as path from 'node:path';
import type { FileMode, KeyFile, TlsContext } from '../deploymentModel';
import type { FileReader } from '../../parsers/hocon/resolved';

/** Candidates by root, value and config file: every TLS listener of a large file names its key file. */
const candidates = new Map<string, string[]>();

/** Where a key file path points inside the deployment folder (the product never looks at a machine's /etc). */
function keyFileCandidates(root: string, value: string, configFile: string): string[] {
  const key = `${root}\0${value}\0${configFile}`;
  let found = candidates.get(key);
  if (!found) {
    if (candidates.size > 10_000) candidates.clear();
    candidates.set(key, (found = keyFileCandidatesUncached(root, value, configFile)));
  }
  return found;
}

function keyFileCandidatesUncached(root: string, value: string, configFile: string): string[] {
  const p = value.replace(/^file:\/\//, '').replace(/\$\{EMQX_ETC_DIR\}/g, 'etc').replace(/\$\{EMQX_DATA_DIR\}/g, 'data');
  const found = path.isAbsolute(p)
    ? [p, path.join(root, p), path.join(root, p.replace(/^\/etc\/emqx\//, '')), path.join(root, 'etc', p.replace(/^\/etc\/emqx\//, ''))]
    : [path.join(path.dirname(configFile), p), path.join(root, p), path.join(root, p.replace(/^etc\//, ''))];
  return found.filter((c) => c.startsWith(root + path.sep));
}

/** The modes of `files` and the key files of `tls` (each the first candidate on disk). */
export function extractFileModes(root: string, files: readonly { file: string }[], tls: readonly TlsContext[], reader: FileReader): { fileModes: Map<string, FileMode>; keyFiles: KeyFile[] } {
  const fileModes = new Map<string, FileMode>();
  const keyFiles: KeyFile[] = [];
  const mode = reader.mode;
  if (!mode) return { fileModes, keyFiles };
  const look = (file: string): FileMode | undefined => {
    if (fileModes.has(file)) return fileModes.get(file);
    const m = mode.call(reader, file);
    if (m) fileModes.set(file, m);
    return m;
  };
  for (const f of files) look(f.file);
  for (const context of tls) {
    const setting = context.option('keyfile');
    if (!setting?.explicit || typeof setting.value !== 'string') continue;
    const file = keyFileCandidates(root, setting.value, setting.origin.file).find((c) => look(c) !== undefined);
    if (file) keyFiles.push({ owner: context.owner, setting, file });
  }
  return { fileModes, keyFiles };
}
