import type { Span, TextEdit } from './text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/**
 * A problem found by a parser or resolver, in the file it was parsed from.
 * `code` is the rule id it is reported under (`hocon/syntax`, `hocon/emqx-dialect`, `vmargs/syntax`...),
 * so the engine turns it into a finding without matching on message text.
 */
export interface ParseProblem extends Span {
  code: string;
  message: string;
  /** Overrides the rule's default severity (e.g. a missing `required()` include is an error). */
  severity?: Severity;
  /** An obvious repair, as edits to the same text (e.g. quote an unquoted value). */
  fix?: { title: string; edits: TextEdit[] };
}
