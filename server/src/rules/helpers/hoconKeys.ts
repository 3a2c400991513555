/**
 * Walks the HOCON files of a deployment key segment by key segment, giving each segment its full
 * config path (enclosing blocks, path keys, list positions, and the place an included file is
 * included at), so the emqx/* schema rules can point at the exact key or value where it is written.
 */
import * as path from 'node:path';
import type { DeploymentModel } from '../../model/deploymentModel';
import type { ParsedHocon } from '../../parsers';
import type { HoconField, HoconInclude, HoconKeySegment, HoconMember, HoconObject, HoconValue } from '../../parsers/hocon/ast';
import { revisionOf } from '../../parsers/hocon/incremental/revision';
import { emqxKeyInfo, isKnownSection, type EmqxVersion, type KeyInfo } from '../../schema/index';

/** One segment of a key as written, with the config path it names. */
export interface KeySite {
  /** The file's path. */
  file: string;
  /** Full config path up to and including this segment, e.g. ['listeners','ssl','default','ssl_options','verify']. Shared: do not modify. */
  path: readonly string[];
  /** The same path, interned: schema answers about it are computed once per process. */
  node: ConfigPath;
  segment: HoconKeySegment;
  field: HoconField;
  /** True for the key's last segment: the field's value belongs to this path. */
  last: boolean;
}

type Visitor = (field: HoconField, segmentIndex: number, at: ConfigPath) => void;

type IncludeVisitor = (inc: HoconInclude, at: ConfigPath) => void;

function walkObject(obj: HoconObject, prefix: ConfigPath, onSegment: Visitor, onInclude?: IncludeVisitor): void {
  for (const member of obj.members) walkMember(member, prefix, onSegment, onInclude);
}

function walkMember(member: HoconMember, prefix: ConfigPath, onSegment: Visitor, onInclude?: IncludeVisitor): void {
  if (member.type === 'include') {
    onInclude?.(member, prefix);
    return;
  }
  let at = prefix;
  const segments = member.key.segments;
  for (let i = 0; i < segments.length; i++) {
    at = at.child(segments[i].name);
    onSegment(member, i, at);
  }
  walkValue(member.value, at, onSegment, onInclude);
}

function walkValue(value: HoconValue | undefined, at: ConfigPath, onSegment: Visitor, onInclude?: IncludeVisitor): void {
  if (!value) return;
  if (value.type === 'object') walkObject(value, at, onSegment, onInclude);
  else if (value.type === 'array') {
    value.items.forEach((item, i) => {
      if (item.type === 'object') walkObject(item, at.child(String(i)), onSegment, onInclude);
    });
  } else if (value.type === 'concat') value.parts.forEach((part) => walkValue(part, at, onSegment, onInclude));
}

/** Plugin configs (plugins/<name>/priv/config.hocon, data/plugins/...) follow their plugin's own schema. */
function isPluginConfig(file: string): boolean {
  const dirs = file.split(/[\\/]/).slice(0, -1);
  return dirs.includes('plugins') || dirs.includes('priv');
}

/** The EMQX HOCON files of the deployment that hold broker settings. */
export function emqxHoconFiles(model: DeploymentModel): ParsedHocon[] {
  return model.files.filter((f): f is ParsedHocon => f.kind === 'emqx-conf' && f.format === 'hocon' && !isPluginConfig(f.file));
}

/**
 * The config paths each file's root stands for: [] for a file loaded on its own, the enclosing path of
 * every `include` for a file that another file of the deployment includes (`node { include "n.conf" }`).
 */
function rootPrefixes(files: ParsedHocon[], schema: SchemaLookup): Map<string, string[][]> {
  const byFile = new Map(files.map((f) => [f.file, f]));
  const edges = new Map<string, Array<{ target: string; at: string[] }>>();
  const included = new Set<string>();
  for (const f of files) {
    const list: Array<{ target: string; at: string[] }> = [];
    // An include needs the word: most files have none, and this runs on every keystroke.
    if (f.text.includes('include')) walkObject(f.doc.root, schema.root, () => undefined, (inc, at) => {
      const target = path.isAbsolute(inc.target) ? inc.target : path.join(path.dirname(f.file), inc.target);
      if (byFile.has(target) && target !== f.file) {
        list.push({ target, at: [...at.path] });
        included.add(target);
      }
    });
    edges.set(f.file, list);
  }
  const prefixes = new Map<string, string[][]>();
  const add = (file: string, prefix: string[]): boolean => {
    const list = prefixes.get(file) ?? [];
    if (list.some((p) => p.join('\0') === prefix.join('\0'))) return false;
    list.push(prefix);
    prefixes.set(file, list);
    return true;
  };
  const queue: Array<{ file: string; prefix: string[]; depth: number }> = [];
  for (const f of files) if (!included.has(f.file)) queue.push({ file: f.file, prefix: [], depth: 0 });
  while (queue.length) {
    const { file, prefix, depth } = queue.shift()!;
    if (!add(file, prefix) || depth > 20) continue;
    for (const e of edges.get(file) ?? []) queue.push({ file: e.target, prefix: [...prefix, ...e.at], depth: depth + 1 });
  }
  // Files reachable only through an include cycle: read them as stand-alone.
  for (const f of files) if (!prefixes.has(f.file)) prefixes.set(f.file, [[]]);
  return prefixes;
}

/** The key sites of one top-level member of a file, read under one include prefix. */
interface SiteGroup {
  prefix: ConfigPath;
  revision: number;
  sites: KeySite[];
}

/**
 * Groups by member: the incremental parser keeps unchanged members (and bumps the revision of those it
 * changed inside), so a keystroke walks one member again, not the whole file.
 */
const groupsByMember = new WeakMap<HoconMember, SiteGroup[]>();

/**
 * The walk is shared by the emqx/* rules that run over the same model. Keyed by the model's file list:
 * each rule sees the model through its own recording copy (model/observe.ts), the list is the same.
 */
const groupsByFiles = new WeakMap<readonly unknown[], KeySite[][]>();

/**
 * Every key segment written in the deployment's EMQX HOCON files, with its full config path, in groups:
 * one per top-level member and include prefix. A group is the same array from one analysis to the next
 * while its member is unchanged, so rules can keep per-group answers (see pickSites).
 */
export function keySiteGroups(model: DeploymentModel): KeySite[][] {
  let groups = groupsByFiles.get(model.files);
  if (!groups) {
    groups = collectGroups(model);
    groupsByFiles.set(model.files, groups);
  }
  return groups;
}

/** Every key site, in file order. */
export function keySites(model: DeploymentModel): KeySite[] {
  return keySiteGroups(model).flat();
}

/**
 * The sites of every group that `keep` accepts, computed once per group: `memo` is the calling rule's
 * own, and `keep` must depend on nothing but the site (its path, the schema, the tree under it).
 */
export function pickSites(model: DeploymentModel, memo: WeakMap<KeySite[], KeySite[]>, keep: (site: KeySite) => boolean): KeySite[] {
  const out: KeySite[] = [];
  for (const group of keySiteGroups(model)) {
    let picked = memo.get(group);
    if (!picked) memo.set(group, (picked = group.filter(keep)));
    for (const site of picked) out.push(site);
  }
  return out;
}

function collectGroups(model: DeploymentModel): KeySite[][] {
  const files = emqxHoconFiles(model);
  const schema = SchemaLookup.for(model.version);
  const prefixes = rootPrefixes(files, schema);
  const groups: KeySite[][] = [];
  for (const file of files) {
    for (const prefix of prefixes.get(file.file) ?? [[]]) {
      const at = schema.node(prefix);
      for (const member of file.doc.root.members) groups.push(memberSites(file.file, member, at));
    }
  }
  return groups;
}

function memberSites(file: string, member: HoconMember, prefix: ConfigPath): KeySite[] {
  const revision = revisionOf(member);
  let cached = groupsByMember.get(member);
  const hit = cached?.find((g) => g.prefix === prefix);
  if (hit && hit.revision === revision) return hit.sites;
  const sites: KeySite[] = [];
  walkMember(member, prefix, (field, i, node) => {
    sites.push({ file, path: node.path, node, segment: field.key.segments[i], field, last: i === field.key.segments.length - 1 });
  });
  if (!cached) groupsByMember.set(member, (cached = []));
  if (hit) {
    hit.revision = revision;
    hit.sites = sites;
  } else cached.push({ prefix, revision, sites });
  return sites;
}

/** A path as messages show it: `listeners.ssl.default.ssl_options.verify`. */
export function dotted(keyPath: readonly string[]): string {
  return keyPath.join('.');
}

/** The text that renames a key segment, quoted when the original was. */
export function segmentText(segment: HoconKeySegment, name: string): string {
  return segment.quoted ? JSON.stringify(name) : name;
}

/**
 * A config path interned in a trie: a config repeats the same paths and parents many times, and each
 * keystroke walks them all again, so each path's schema answers are computed once and kept on its node.
 */
export class ConfigPath {
  private children: Map<string, ConfigPath> | undefined;
  private infoKnown = false;
  private infoValue: KeyInfo | undefined;
  private sectionValue: boolean | undefined;

  constructor(
    readonly path: readonly string[],
    readonly parent: ConfigPath | undefined,
    private readonly lookup: SchemaLookup,
  ) {}

  child(name: string): ConfigPath {
    this.children ??= new Map();
    let node = this.children.get(name);
    if (!node) {
      node = new ConfigPath([...this.path, name], this, this.lookup);
      this.children.set(name, node);
      this.lookup.size++;
    }
    return node;
  }

  /** What EMQX knows about this key, or undefined. */
  get info(): KeyInfo | undefined {
    if (!this.infoKnown) {
      this.infoValue = emqxKeyInfo(this.path, this.lookup.version);
      this.infoKnown = true;
    }
    return this.infoValue;
  }

  /** Whether the product knows every key of the object at this path (see isKnownSection). */
  get knownSection(): boolean {
    return (this.sectionValue ??= isKnownSection(this.path, this.lookup.version));
  }
}

/** Schema lookups of one EMQX version, over interned config paths. */
export class SchemaLookup {
  readonly root: ConfigPath;
  /** Interned paths so far. */
  size = 0;
  private static readonly shared = new Map<EmqxVersion, SchemaLookup>();

  constructor(readonly version: EmqxVersion) {
    this.root = new ConfigPath([], undefined, this);
  }

  /**
   * One lookup per version for the life of the process: the knowledge tables never change, so answers
   * carry over from one analysis (one keystroke) to the next. Bounded so a stream of generated key names
   * cannot grow it without end (sites of earlier analyses keep their own nodes).
   */
  static for(version: EmqxVersion): SchemaLookup {
    let lookup = SchemaLookup.shared.get(version);
    if (!lookup || lookup.size > 50_000) SchemaLookup.shared.set(version, (lookup = new SchemaLookup(version)));
    return lookup;
  }

  node(keyPath: readonly string[]): ConfigPath {
    let node = this.root;
    for (const name of keyPath) node = node.child(name);
    return node;
  }

  info(keyPath: readonly string[]): KeyInfo | undefined {
    return this.node(keyPath).info;
  }

  knownSection(keyPath: readonly string[]): boolean {
    return this.node(keyPath).knownSection;
  }
}
