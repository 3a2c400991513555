/**
 * One model of a whole deployment: every file read, and the facts rules ask about, each with where it was set.
 * Rules ask questions of the deployment, not of a file.
 */
import type { Span } from '../core/text';
import type { ParseProblem } from '../core/problems';
import type { ParsedFile, ParsedVmArgs, ParsedSysctl, ParsedUnit, ParsedLimits } from '../parsers';
import type { EffectiveDirective } from '../parsers/systemd';
import type { EmqxConfigView } from './emqxConfig';
import type { Fact } from './fact';

export type { Fact, Origin } from './fact';
import { isDigit, runStartBefore } from '../core/scan';
import type { ModelEdits } from './edits/modelEdits';
import type { HoconDocument } from '../parsers/hocon/ast';

export type EmqxVersion = '4' | '5.0' | '5' | '6';

/** Where a cookie was set, by which mechanism. */
export type CookieSource = 'emqx.conf' | 'vm.args' | 'env';

export interface CookieFact extends Fact<string> {
  source: CookieSource;
}

export interface NodeFacts {
  name?: Fact<string>;
  cookies: CookieFact[];
  /** Erlang distribution port derived from the node name: 4370 + N (N = trailing integer of the name part). */
  distPort?: number;
  /** gen_rpc port with stateless discovery: 5370 + N. */
  rpcPort?: number;
}

/** An MQTT or dashboard listener, explicit or one of EMQX's implicit defaults. */
export interface Listener {
  kind: 'mqtt' | 'dashboard';
  type: 'tcp' | 'ssl' | 'ws' | 'wss' | 'quic' | 'http' | 'https';
  name: string;
  /** Config path of the listener object (`listeners.tcp.default`, `dashboard.listeners.http`, 4.x `listener.tcp.external`). */
  path: string[];
  /** Whether any setting of the listener is written down (false: EMQX's implicit default listener). */
  explicit: boolean;
  enabled: Fact<boolean>;
  bind: Fact<string | number>;
  address: string;
  port?: number;
  /** Bound to every interface (0.0.0.0, ::, or a bare port). */
  exposed: boolean;
  tls: boolean;
  /** Path of the TLS options object for TLS listeners. */
  tlsPath?: string[];
}

/** A TLS configuration: a listener's ssl_options, the dashboard's https, RPC, or an outgoing client `ssl` block. */
export interface TlsContext {
  role: 'server' | 'client';
  /** What it belongs to, for messages: `listeners.ssl.default`, `dashboard https`, `rpc`, `authentication[0]`... */
  owner: string;
  listener?: Listener;
  enabled: boolean;
  /** The option's explicit setting or EMQX's default for the version; values normalized (versions/ciphers as string[]). */
  option(name: TlsOptionName): Fact<unknown> | undefined;
  /** The config path an option lives at (for inserting it when absent). */
  optionPath(name: TlsOptionName): string[];
  /** The same context reading its options through `view` (the engine gives each rule a recording view). */
  reading(view: EmqxConfigView): TlsContext;
}

/** Mode bits (0o777) and owner of a file on disk. */
export interface FileMode {
  mode: number;
  uid: number;
}

/** A private key file that a TLS setting names, as found on disk inside the deployment folder. */
export interface KeyFile {
  /** The TLS context's owner, for messages. */
  owner: string;
  /** The `keyfile` setting. */
  setting: Fact<unknown>;
  /** The file on disk. */
  file: string;
}

export type TlsOptionName =
  | 'versions' | 'ciphers' | 'verify' | 'fail_if_no_peer_cert' | 'enable_crl_check' | 'secure_renegotiate'
  | 'client_renegotiation' | 'certfile' | 'keyfile' | 'cacertfile' | 'depth'
  | 'ocsp.enable_ocsp_stapling' | 'ocsp.responder_url' | 'ocsp.issuer_pem';

/** A systemd service unit merged with its drop-ins. */
export interface ServiceUnit {
  /** The main unit file, or the first drop-in when the main unit is not in the workspace. */
  file: string;
  /** Unit name, e.g. emqx.service. */
  name: string;
  /** Main unit first, then drop-ins in the order systemd applies them. */
  parts: ParsedUnit[];
  /** Runs EMQX: named emqx*.service, or its ExecStart runs emqx. */
  isEmqx: boolean;
  directive(section: string, key: string): EffectiveDirective | undefined;
}

export interface DeploymentModel {
  /** The folder the deployment was found in. */
  root: string;
  version: EmqxVersion;
  /** Whether the version was pinned by a setting or detected from the files. */
  versionSource: 'setting' | 'detected';
  files: ParsedFile[];
  /** The EMQX configuration as loaded (layers merged), when the deployment has one. */
  emqx?: EmqxConfigView;
  node: NodeFacts;
  /** Every MQTT and dashboard listener, implicit defaults included. */
  listeners: Listener[];
  tls: TlsContext[];
  /** vm.args files (usually one). */
  vmargs: ParsedVmArgs[];
  /** Effective kernel settings by dotted key: sysctl files applied in the order the OS applies them. */
  sysctl: Map<string, Fact<string>>;
  /** The sysctl files in load order (for inserting an absent key: the last one). */
  sysctlFiles: ParsedSysctl[];
  units: ServiceUnit[];
  /** limits.conf and limits.d files. */
  limits: ParsedLimits[];
  /** Problems found while putting files together (includes, substitutions), each in its file. */
  problems: (ParseProblem & { file: string })[];
  /** EMQX_* and other variables from the service unit's Environment= / EnvironmentFile=. */
  environment: Map<string, Fact<string>>;
  /**
   * Modes of the files on disk, read through the file reader when the model was built: every file of the
   * deployment and every key file candidate; a file that is not on disk (unsaved, virtual) has none.
   */
  fileModes: ReadonlyMap<string, FileMode>;
  /** The private key files the TLS settings name, found on disk. */
  keyFiles: KeyFile[];
  /** Fix builders (model/edits). */
  edits: ModelEdits;
  /**
   * HOCON files read only through an include (not among `files`), by path: findings in them are placed by
   * their text, and their secrets are redacted like those of `files`.
   */
  includedDocuments?: ReadonlyMap<string, HoconDocument>;
}

/** N in 4370 + N: the trailing integer of the part of the node name before `@` (ekka's rule), modulo 60000. */
export function nodeOffset(nodeName: string): number {
  const base = nodeName.split('@')[0] ?? '';
  const digits = base.slice(runStartBefore(base, isDigit));
  return digits ? Number(digits) % 60000 : 0;
}
