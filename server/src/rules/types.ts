/**
 * The rule module shape (ESLint's meta + hadolint's one-file rules). One id end to end:
 * rule id = file name under server/src/rules/ = diagnostic code = docs page = suppression token = test file.
 */
import type { FileEdit, Span } from '../core/text';
import type { Severity } from '../core/problems';
import type { DeploymentModel } from '../model/deploymentModel';
import type { Settings } from '../core/settings';

/** A one-click change; edits may span several files. */
export interface Fix {
  title: string;
  edits: FileEdit[];
  /** The obvious fix for the finding (marked preferred in the editor). */
  preferred?: boolean;
  /** Applied by "fix all": deterministic and changes only what it names. Fixes that insert placeholders are not safe. */
  safe?: boolean;
}

/** A place in a file that a finding points at, with what happens there. */
export interface Location {
  file: string;
  span: Span;
}

export interface RelatedLocation extends Location {
  message: string;
}

export interface Finding extends Location {
  ruleId: string;
  severity: Severity;
  message: string;
  related?: RelatedLocation[];
  fixes: Fix[];
}

/** What a rule hands to `report`: severity and docs come from the rule's metadata unless overridden. */
export interface Report extends Location {
  message: string;
  severity?: Severity;
  related?: RelatedLocation[];
  fixes?: Fix[];
}

export interface RuleContext {
  model: DeploymentModel;
  settings: Settings;
  report(report: Report): void;
}

export interface Rule {
  id: string;
  severity: Severity;
  fixable: boolean;
  docs: {
    title: string;
    /** Repository-relative path of the rule's docs page, e.g. docs/rules/erlang/weak-cookie.md. */
    path: string;
  };
  check(context: RuleContext): void;
}

/** Docs page path for a rule id: the same id names the page. */
export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}
