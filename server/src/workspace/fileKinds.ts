/**
 * Which deployment files the product reads, recognised by path alone (never by guessing at every *.conf):
 * an unrelated nginx.conf is left alone.
 */
import type { FileKind } from '../parsers/fileKind';

const SEP = /[\\/]/;

/** Files in EMQX's etc/ that hold Erlang terms, not HOCON. */
const ERLANG_TERM_FILES = new Set(['acl.conf', 'ssl_dist.conf']);

/** The kind of a file by its path, or undefined when the product does not handle it. */
export function classifyPath(filePath: string): FileKind | undefined {
  const parts = filePath.split(SEP).filter(Boolean);
  const name = (parts[parts.length - 1] ?? '').toLowerCase();
  const parent = (parts[parts.length - 2] ?? '').toLowerCase();
  const dirs = parts.slice(0, -1).map((p) => p.toLowerCase());

  // Drop-ins first: emqx.service.d/emqx-limits.conf is a unit fragment, not an EMQX config.
  if (parent.endsWith('.service.d') && name.endsWith('.conf')) return 'systemd';
  if (parent === 'sysctl.d' && name.endsWith('.conf')) return 'sysctl';
  if (parent === 'limits.d' && name.endsWith('.conf')) return 'limits';
  if (ERLANG_TERM_FILES.has(name)) return undefined;
  if (name.endsWith('.hocon')) return 'emqx-conf';
  if (name === 'emqx.conf' || /^emqx[\w.-]*\.conf$/.test(name)) return 'emqx-conf';
  if (name === 'vm.args' || /^vm\.[\w-]+\.args$/.test(name) || /^vm\.args\.[\w-]+$/.test(name)) return 'vmargs';
  if (name === 'sysctl.conf' || (parent === 'sysctl.d' && name.endsWith('.conf'))) return 'sysctl';
  if (name === 'limits.conf' || (parent === 'limits.d' && name.endsWith('.conf'))) return 'limits';
  if (name.endsWith('.service')) return 'systemd';
  // Other *.conf files are EMQX config only inside an EMQX config folder (etc/ of an emqx tree, or a folder named emqx).
  if (name.endsWith('.conf') && isEmqxConfigFolder(dirs)) return 'emqx-conf';
  return undefined;
}

function isEmqxConfigFolder(dirs: string[]): boolean {
  const last = dirs[dirs.length - 1];
  const secondLast = dirs[dirs.length - 2];
  if (last === 'emqx') return true;
  if (last === 'etc' && secondLast === 'emqx') return true;
  if (last === 'configs' && secondLast === 'data') return dirs.includes('emqx');
  return false;
}

/** Folders a workspace scan never descends into. */
export const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test', 'test-results']);
