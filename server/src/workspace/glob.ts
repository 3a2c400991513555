/** Minimal glob matching for the `files` setting: `**` any folders, `*` and `?` within one path segment. */
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
