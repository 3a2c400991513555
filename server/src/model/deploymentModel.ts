/**
 * One model of a whole deployment: every file read, and the facts rules ask about, each with where it was set.
 * Rules ask questions of the deployment, not of a file.
 */
import type { Span } from '../core/text';
import type { ParseProblem } from '../core/problems';
import type { ParsedFile } from '../parsers';
import type { EmqxConfigView } from './emqxConfig';

export type EmqxVersion = '4' | '5.0' | '5' | '6';

/** Where a fact was set, or for a default, the place a finding about it is shown and a fix inserts near. */
export interface Origin {
  file: string;
  span: Span;
  /** The span of the key or flag that names the setting, for diagnostics on the whole setting. */
  keySpan?: Span;
  /** Set when the value came from an EMQX_* environment variable. */
  env?: string;
}

/** A value together with where it came from. */
export interface Fact<T> {
  value: T;
  /** True when a file or the environment sets it; false when it is EMQX's default for the version. */
  explicit: boolean;
  origin: Origin;
  /** Earlier definitions that this one replaced, oldest first. */
  overridden: Origin[];
}

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
  /** Problems found while putting files together (includes, substitutions), each in its file. */
  problems: (ParseProblem & { file: string })[];
  /** EMQX_* and other variables from the service unit's Environment= / EnvironmentFile=. */
  environment: Map<string, Fact<string>>;
}

/** N in 4370 + N: the trailing integer of the part of the node name before `@` (ekka's rule), modulo 60000. */
export function nodeOffset(nodeName: string): number {
  const base = nodeName.split('@')[0] ?? '';
  const m = /(\d+)$/.exec(base);
  return m ? Number(m[1]) % 60000 : 0;
}
