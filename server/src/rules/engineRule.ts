/**
 * Rules whose findings the engine itself reports after every other rule ran: whether a suppression
 * comment is used depends on the other rules' findings, so no check of the model alone can tell
 * (engine/suppressions.ts). The rule gives them their id, docs page, default severity and severity
 * setting like any other rule; its own check finds nothing.
 */
import type { Severity } from '../core/problems';
import type { Rule } from './types';
import { docsPath } from './types';

export function engineRule(id: string, severity: Severity, title: string, fixable = false): Rule {
  return { id, severity, fixable, docs: { title, path: docsPath(id) }, check() {} };
}
