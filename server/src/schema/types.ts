/**
 * Shapes of the product's knowledge about EMQX configuration keys, kernel parameters, vm.args flags
 * and systemd directives. Data lives beside this file; queries are in index.ts.
 */

/** EMQX release families: '4' = 4.x flat format, '5.0' = 5.0.x, '5' = 5.1..5.x, '6' = 6.x. */
export type EmqxVersion = '4' | '5.0' | '5' | '6';

/** Every version whose configuration is HOCON. */
export const HOCON_VERSIONS: readonly EmqxVersion[] = ['5.0', '5', '6'];

export type ValueType =
  | 'string'
  | 'boolean'
  | 'integer'
  | 'number'
  | 'duration'
  | 'bytesize'
  | 'percent'
  | 'enum'
  | 'array'
  | 'object'
  | 'rate'
  | 'ip_port'
  | 'path'
  | 'secret'
  | 'atom';

export type DefaultValue = string | number | boolean | null | string[];

export interface KeyInfo {
  /** Dotted path pattern; `*` matches one name segment (e.g. listeners.ssl.*.ssl_options.verify). */
  path: string;
  type: ValueType;
  /** Allowed values for `enum`. */
  enum?: string[];
  /** Allowed item values for an `array` of enum-like atoms. */
  itemEnum?: string[];
  /** EMQX default per version; absent = no default / required. */
  defaults?: Partial<Record<EmqxVersion, DefaultValue>>;
  description: string;
  /** One sentence, when a rule concerns this key. */
  securityNote?: string;
  ruleIds?: string[];
  /** Where the key exists (absent = all 5.x/6.x, or 4.x for the 4.x table). */
  versions?: EmqxVersion[];
  /**
   * An old name or place. `alias`: EMQX still reads the old name as the new one, so renaming the key
   * keeps the meaning; without it the old key means something else or is no longer read.
   */
  deprecated?: { replacedBy: string; since?: string; alias?: boolean };
  /** Secrets: never echo the whole value. */
  sensitive?: boolean;
  /** Units accepted in the value, for hover and completion, e.g. ['ms','s','m','h','d'] or ['KB','MB','GB']. */
  units?: string[];
  /** Bare words accepted besides the main type, e.g. ['infinity'] or ['disabled']. */
  specials?: string[];
  /** Inclusive numeric bounds for integer/number values. */
  min?: number;
  max?: number;
  /**
   * For objects (and arrays of objects): the product does not catalogue the children, so an unknown
   * child is not reportable (authentication items, bridges, gateways, plugins...).
   */
  open?: boolean;
}

/** A Linux kernel parameter that matters to an MQTT broker host. */
export interface SysctlKeyInfo {
  /** Dotted name as in sysctl.conf, e.g. `net.core.somaxconn`. */
  key: string;
  description: string;
  /** The tuning guide's value for about one million connections, as written in sysctl.conf. */
  recommended?: string;
  /** `integer-list` = several integers separated by blanks (tcp_rmem, ip_local_port_range). */
  type: 'integer' | 'boolean' | 'integer-list' | 'string';
  /** The kernel's usual default, when it helps to explain a finding. */
  kernelDefault?: string;
  ruleIds: string[];
  /** Other spellings of the same parameter (older kernels). */
  aliases?: string[];
}

/** An emulator or init flag in vm.args (`+P`, `-setcookie`, `-kernel` ...). */
export interface VmArgsFlagInfo {
  flag: string;
  /** What follows the flag, e.g. `<number>` or `<app> <key> <value>`. */
  args: string;
  description: string;
  ruleIds: string[];
  sensitive?: boolean;
}

/** An application parameter given in vm.args as `-<app> <key> <value>`, e.g. `-kernel net_ticktime 60`. */
export interface AppParamInfo {
  app: string;
  key: string;
  args: string;
  description: string;
  ruleIds: string[];
}

export type SystemdSection = 'Unit' | 'Service' | 'Install';

export interface SystemdDirectiveInfo {
  section: SystemdSection;
  key: string;
  description: string;
  /** A value that suits an EMQX service, when there is one. */
  recommended?: string;
  ruleIds: string[];
}

/** An item of /etc/security/limits.conf (`<domain> <type> <item> <value>`). */
export interface LimitsItemInfo {
  item: string;
  description: string;
  recommended?: string;
  ruleIds: string[];
}

/** The outcome of checking a value against its key's schema. */
export interface ValueProblem {
  message: string;
  /** The closest valid value, when one is obvious (for an `emqx/invalid-value` fix). */
  suggestion?: string;
}
