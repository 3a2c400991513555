import { trimTrailing } from '../core/scan';

/**
 * Minimal glob matching for the `files` setting: `**` any folders, `*` and `?` within one path segment.
 * Compiled to a small automaton run over the path once, keeping the set of states it can be in: the
 * regex this replaced (an optional "any folders" group per double-star segment) backtracked exponentially
 * in their number (18 took a minute).
 */
export interface GlobMatcher {
  test(path: string): boolean;
}

interface GlobState {
  /** States reached without consuming a character. */
  eps: number[];
  /** States reached by consuming a character that passes the test. */
  edges: Array<{ test: (c: string) => boolean; to: number }>;
}

const anyChar = () => true;
const notSlash = (c: string) => c !== '/';

export function compileGlob(glob: string): GlobMatcher {
  const states: GlobState[] = [{ eps: [], edges: [] }];
  const add = () => states.push({ eps: [], edges: [] }) - 1;
  let at = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    const next = add();
    if (c === '*' && glob[i + 1] === '*') {
      if (glob[i + 2] === '/') {
        // `**/`: nothing, or any text that ends with a `/`.
        const inside = add();
        states[at].eps.push(next, inside);
        states[inside].edges.push({ test: anyChar, to: inside }, { test: (x) => x === '/', to: next });
        i += 2;
      } else {
        states[at].edges.push({ test: anyChar, to: at });
        states[at].eps.push(next);
        i += 1;
      }
    } else if (c === '*') {
      states[at].edges.push({ test: notSlash, to: at });
      states[at].eps.push(next);
    } else if (c === '?') states[at].edges.push({ test: notSlash, to: next });
    else states[at].edges.push({ test: (x) => x === c, to: next });
    at = next;
  }
  const accept = at;
  const closure = (set: Set<number>) => {
    const stack = [...set];
    while (stack.length) for (const e of states[stack.pop()!].eps) if (!set.has(e)) (set.add(e), stack.push(e));
    return set;
  };
  return {
    test(path: string): boolean {
      let current = closure(new Set([0]));
      for (const ch of path) {
        const next = new Set<number>();
        for (const s of current) for (const e of states[s].edges) if (e.test(ch)) next.add(e.to);
        if (next.size === 0) return false;
        current = closure(next);
      }
      return current.has(accept);
    },
  };
}

const compiled = new Map<string, GlobMatcher>();

function matcherFor(glob: string): GlobMatcher {
  let m = compiled.get(glob);
  if (!m) {
    if (compiled.size >= 256) compiled.clear();
    compiled.set(glob, (m = compileGlob(glob)));
  }
  return m;
}

/** Whether a path (relative to the root, with / separators) matches any pattern; no patterns = everything. */
export function matchesAny(relativePath: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return true;
  const p = relativePath.split('\\').join('/');
  return patterns.some((g) => matcherFor(g.startsWith('./') ? g.slice(2) : g).test(p));
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
