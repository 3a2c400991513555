/** A value with where it was set: what every part of the model is made of (emqxConfig.ts and deploymentModel.ts). */
import type { Span } from '../core/text';

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
