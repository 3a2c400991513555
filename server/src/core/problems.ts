import type { Span, TextEdit } from './text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/**
 * Every problem code a parser or the resolver reports: `<format>/<what is wrong>`, the parsers' own
 * closed vocabulary (a new code does not compile until it is listed here). The rule catalogue reports
 * each under the same id (rules/problemRule.ts, checked by test/unit/rules/meta.test.ts), so the code a
 * parser test asserts is the id a user suppresses or switches off; `internal/rule-error` is a parser
 * that crashed.
 */
export const PROBLEM_CODES = [
  'hocon/syntax', 'hocon/emqx-dialect', 'hocon/include-missing', 'hocon/include-cycle', 'hocon/include-budget', 'hocon/unresolved-substitution', 'hocon/substitution-budget', 'files/read-refused',
  'emqx4/syntax', 'vmargs/syntax', 'sysctl/syntax', 'systemd/syntax', 'limits/syntax', 'envfile/syntax', 'internal/rule-error',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/**
 * A problem found by a parser or resolver, in the file it was parsed from. The engine turns it into a
 * finding by its code, never by matching on message text.
 */
export interface ParseProblem extends Span {
  code: ProblemCode;
  message: string;
  /** Overrides the rule's default severity (e.g. a missing `required()` include is an error). */
  severity?: Severity;
  /** An obvious repair, as edits to the same text (e.g. quote an unquoted value). */
  fix?: { title: string; edits: TextEdit[] };
}
