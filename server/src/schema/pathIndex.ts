/**
 * Pattern lookup over a key table: dotted patterns with `*` for one name segment. The most specific
 * pattern wins (a literal segment beats `*` at the first place they differ), and paths through a
 * renamed object (`cluster.etcd.ssl.verify`) resolve through its `deprecated.replacedBy` target.
 */
import type { EmqxVersion, KeyInfo } from './types';

interface Entry {
  info: KeyInfo;
  segments: string[];
}

function matches(pattern: string[], path: readonly string[], length = pattern.length): boolean {
  for (let i = 0; i < length; i++) {
    if (pattern[i] !== '*' && pattern[i] !== path[i]) return false;
  }
  return true;
}

/** Negative when `a` is more specific than `b`. */
function specificity(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    const aw = a[i] === '*';
    const bw = b[i] === '*';
    if (aw !== bw) return aw ? 1 : -1;
  }
  return 0;
}

export interface ChildOptions {
  /** Include deprecated aliases (completion leaves them out). */
  includeDeprecated?: boolean;
}

export class KeyIndex {
  private readonly byLength = new Map<number, Entry[]>();
  /** Entries by length, then by last segment (`*` for a wildcard), so a lookup scans only its candidates. */
  private readonly byLengthAndName = new Map<number, Map<string, Entry[]>>();
  private readonly objectAliases: Entry[] = [];

  /** `defaultVersions` apply to entries that carry no `versions` of their own. */
  constructor(keys: readonly KeyInfo[], private readonly defaultVersions: readonly EmqxVersion[]) {
    for (const info of keys) {
      const entry = { info, segments: info.path.split('.') };
      const list = this.byLength.get(entry.segments.length) ?? [];
      list.push(entry);
      this.byLength.set(entry.segments.length, list);
      const byName = this.byLengthAndName.get(entry.segments.length) ?? new Map<string, Entry[]>();
      const last = entry.segments[entry.segments.length - 1];
      const named = byName.get(last) ?? [];
      named.push(entry);
      byName.set(last, named);
      this.byLengthAndName.set(entry.segments.length, byName);
      if (info.deprecated && (info.type === 'object' || info.type === 'array')) this.objectAliases.push(entry);
    }
  }

  /** Whether the entry exists in `version`. */
  exists(info: KeyInfo, version: EmqxVersion): boolean {
    return (info.versions ?? this.defaultVersions).includes(version);
  }

  /** The most specific entry for a concrete path, following renamed objects. */
  lookup(path: readonly string[], version: EmqxVersion, depth = 0): KeyInfo | undefined {
    const direct = this.direct(path, version);
    if (direct || depth > 3) return direct;
    const rewritten = this.throughAlias(path, version);
    return rewritten ? this.lookup(rewritten, version, depth + 1) : undefined;
  }

  /** Direct children of a path (not `*` placeholders), most specific entry per name, in table order. */
  children(path: readonly string[], version: EmqxVersion, options: ChildOptions = {}): KeyInfo[] {
    const own = this.direct(path, version);
    if (own?.deprecated && path.length > 0) {
      const target = this.throughAlias([...path, '\0'], version);
      if (target) return this.children(target.slice(0, -1), version, options);
    }
    const byName = new Map<string, Entry>();
    for (const entry of this.byLength.get(path.length + 1) ?? []) {
      const name = entry.segments[path.length];
      if (name === '*' || !matches(entry.segments, path, path.length)) continue;
      if (!this.exists(entry.info, version)) continue;
      if (entry.info.deprecated && !options.includeDeprecated) continue;
      const seen = byName.get(name);
      if (!seen || specificity(entry.segments, seen.segments) < 0) byName.set(name, entry);
    }
    return [...byName.values()].map((e) => e.info);
  }

  private direct(path: readonly string[], version: EmqxVersion): KeyInfo | undefined {
    let best: Entry | undefined;
    const byName = this.byLengthAndName.get(path.length);
    const candidates = [...(byName?.get(path[path.length - 1]) ?? []), ...(byName?.get('*') ?? [])];
    for (const entry of candidates) {
      if (!matches(entry.segments, path) || !this.exists(entry.info, version)) continue;
      if (!best || specificity(entry.segments, best.segments) < 0) best = entry;
    }
    return best?.info;
  }

  /** Rewrites the longest prefix that names a renamed object into its current name. */
  private throughAlias(path: readonly string[], version: EmqxVersion): string[] | undefined {
    let best: Entry | undefined;
    for (const entry of this.objectAliases) {
      const n = entry.segments.length;
      if (n >= path.length || !matches(entry.segments, path, n) || !this.exists(entry.info, version)) continue;
      if (!best || n > best.segments.length) best = entry;
    }
    if (!best) return undefined;
    const captured = path.filter((_, i) => i < best!.segments.length && best!.segments[i] === '*');
    const target = best.info.deprecated!.replacedBy.split('.').map((s) => (s === '*' ? captured.shift() ?? '*' : s));
    return [...target, ...path.slice(best.segments.length)];
  }
}
