/** Minimal glob matching for the `files` setting: `**` any folders, `*` and `?` within one path segment. */
import { trimTrailing } from '../core/scan';
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Whether a path (relative to the root, with / separators) matches any pattern; no patterns = everything. */
export function matchesAny(relativePath: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return true;
  const p = relativePath.split('\\').join('/');
  return patterns.some((g) => globToRegExp(g.startsWith('./') ? g.slice(2) : g).test(p));
}

/**
 * The `files` setting as a predicate over absolute paths: a file inside a workspace folder is kept when
 * its path relative to the deepest folder holding it matches a pattern. Files outside every folder
 * (opened on their own) are kept: the patterns scope the folders, not what a person opens explicitly.
 * Undefined when there are no patterns (everything is kept).
 */
export function filesSettingFilter(patterns: readonly string[], folders: readonly string[]): ((file: string) => boolean) | undefined {
  if (patterns.length === 0) return undefined;
  const byDepth = [...folders].map((f) => trimTrailing(f, (c) => c === '/' || c === '\\')).sort((a, b) => b.length - a.length);
  return (file) => {
    const folder = byDepth.find((f) => file.startsWith(f + '/') || file.startsWith(f + '\\'));
    return folder === undefined || matchesAny(file.slice(folder.length + 1), patterns);
  };
}
