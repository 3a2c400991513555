/**
 * Merging a unit with its drop-ins into the directives systemd would use: list-type directives
 * accumulate across files, an empty assignment (`Key=`) clears what came before, and any other
 * directive takes its last assignment.
 */
import { orderFragments, splitPath } from '../common/loadOrder';
import type { UnitDocument, UnitEntry } from './parse';

/** One assignment and the file it is in. */
export interface DirectiveSource {
  file: string;
  entry: UnitEntry;
}

export interface EffectiveDirective {
  section: string;
  key: string;
  /** True for directives whose assignments accumulate (see `isListDirective`). */
  list: boolean;
  /**
   * The assignments that make up the effective value: for a list directive those after the last
   * `Key=` reset, in order; otherwise the last assignment alone (its value empty after a reset).
   */
  effective: DirectiveSource[];
  /** The effective values, without empty (reset) ones. */
  values: string[];
  /** Every assignment of the directive in every file, in application order, resets included. */
  all: DirectiveSource[];
}

export interface MergedUnit {
  /** Section name -> directive key -> effective directive. */
  sections: Map<string, Map<string, EffectiveDirective>>;
}

const LIST_DIRECTIVES = new Set([
  'Environment', 'EnvironmentFile', 'PassEnvironment', 'UnsetEnvironment',
  'ExecStart', 'ExecStartPre', 'ExecStartPost', 'ExecCondition', 'ExecReload', 'ExecStop', 'ExecStopPost',
  'After', 'Before', 'Wants', 'Requires', 'Requisite', 'BindsTo', 'PartOf', 'Upholds', 'Conflicts',
  'OnFailure', 'OnSuccess', 'WantedBy', 'RequiredBy', 'UpheldBy', 'Also', 'Alias', 'Documentation',
  'RequiresMountsFor', 'WantsMountsFor',
  'ReadWritePaths', 'ReadOnlyPaths', 'InaccessiblePaths', 'ExecPaths', 'NoExecPaths', 'BindPaths',
  'BindReadOnlyPaths', 'TemporaryFileSystem', 'SupplementaryGroups', 'DeviceAllow',
  'LoadCredential', 'LoadCredentialEncrypted', 'SetCredential', 'SetCredentialEncrypted', 'ImportCredential',
  'SystemCallFilter', 'SystemCallArchitectures', 'RestrictAddressFamilies', 'RestrictFileSystems',
  'CapabilityBoundingSet', 'AmbientCapabilities', 'IPAddressAllow', 'IPAddressDeny', 'SocketBindAllow',
  'SocketBindDeny', 'ListenStream', 'ListenDatagram', 'Sockets', 'ConfigurationDirectory', 'StateDirectory',
  'RuntimeDirectory', 'CacheDirectory', 'LogsDirectory',
]);

/** True when a directive's assignments accumulate (all `Condition*`/`Assert*` do too). */
export function isListDirective(key: string): boolean {
  return LIST_DIRECTIVES.has(key) || key.startsWith('Condition') || key.startsWith('Assert');
}

/**
 * Merges a main unit and its drop-ins, given in application order (main unit first, then drop-ins as
 * `dropInOrder` sorts them).
 */
export function mergeUnit(units: { file: string; doc: UnitDocument }[]): MergedUnit {
  const sections = new Map<string, Map<string, EffectiveDirective>>();
  for (const { file, doc } of units) {
    for (const section of doc.sections) {
      let directives = sections.get(section.name);
      if (!directives) sections.set(section.name, (directives = new Map()));
      for (const entry of section.entries) {
        let d = directives.get(entry.key);
        if (!d) directives.set(entry.key, (d = { section: section.name, key: entry.key, list: isListDirective(entry.key), effective: [], values: [], all: [] }));
        const source = { file, entry };
        d.all.push(source);
        if (!d.list || entry.value === '') d.effective = entry.value === '' && d.list ? [] : [source];
        else d.effective.push(source);
        d.values = d.effective.map((s) => s.entry.value).filter((v) => v !== '');
      }
    }
  }
  return { sections };
}

/** The effective directive for `section`/`key`, if any file assigns it. */
export function getDirective(merged: MergedUnit, section: string, key: string): EffectiveDirective | undefined {
  return merged.sections.get(section)?.get(key);
}

/** Unit directories, highest priority first; a drop-in's priority is that of its `*.d` folder's parent. */
export const UNIT_DIRS = ['/etc/systemd/system', '/run/systemd/system', '/usr/local/lib/systemd/system', '/usr/lib/systemd/system', '/lib/systemd/system'];

/**
 * Orders unit files for `mergeUnit`: files outside a `*.d` folder (main units) first, in the order given;
 * then the drop-ins (`*.conf` in a `*.d` folder) by file name, where a name in a higher-priority unit
 * directory (`/etc` over `/run` over `/usr/lib`...) masks the same name elsewhere. Folders of a project
 * count as `/etc/systemd/system`. Other files in a `*.d` folder are not read by systemd and are dropped.
 */
export function dropInOrder(paths: string[]): string[] {
  const main: string[] = [];
  const dropIns: string[] = [];
  for (const p of paths) {
    const { dir, base } = splitPath(p);
    if (!/\.d$/.test(dir)) main.push(p);
    else if (base.endsWith('.conf')) dropIns.push(p);
  }
  // Rank by the folder that holds the `*.d` folder: pass that folder as if it held the file.
  const byParent = new Map<string, string>();
  const keyed = dropIns.map((p) => {
    const { dir, base } = splitPath(p);
    const parent = splitPath(dir).dir;
    const key = `${parent}/${base}`;
    if (!byParent.has(key)) byParent.set(key, p);
    return key;
  });
  return [...main, ...orderFragments(keyed, UNIT_DIRS).map((k) => byParent.get(k)!)];
}
