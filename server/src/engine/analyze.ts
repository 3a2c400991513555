/** Runs the rules over a deployment model and applies severity settings; a crashing rule is contained. */
import type { Finding, Report, Rule } from '../rules/types';
import { docsPath } from '../rules/types';
import type { DeploymentModel } from '../model/deploymentModel';
import type { Settings } from '../core/settings';
import { RULES } from '../rules';
import { observedModel, Reads } from '../model/observe';
import { moveFindings, seesChange, type Reuse, type RuleResults } from './reuse';
import { FormatGuard } from './formatGuard';

export const INTERNAL_ERROR_ID = 'internal/rule-error';

/**
 * HOCON files whose syntax is broken: edits computed from their tree may land in the wrong place (an
 * insertion into an unterminated block is swallowed), so only the parser's own repairs are offered for
 * them. The line formats (vm.args, units, sysctl...) recover at the next line, so their edits stay sound.
 */
function brokenFiles(model: DeploymentModel): Set<string> {
  return new Set(model.files.filter((f) => f.problems.some((p) => p.code === 'hocon/syntax')).map((f) => f.file));
}

export function analyzeModel(model: DeploymentModel, settings: Settings, rules: readonly Rule[] = RULES): Finding[] {
  const broken = brokenFiles(model);
  const guard = new FormatGuard(model.files);
  const findings: Finding[] = [];
  for (const rule of rules) for (const f of runRule(rule, model, settings, broken, guard)) findings.push(f);
  return findings;
}

/**
 * Like analyzeModel, and also returns what each rule read, so the next analysis after an edit can re-use
 * the findings of rules the edit cannot affect (`reuse`, see reuse.ts).
 */
export function analyzeModelTracked(model: DeploymentModel, settings: Settings, reuse?: Reuse, rules: readonly Rule[] = RULES): { findings: Finding[]; results: RuleResults } {
  const broken = brokenFiles(model);
  const guard = new FormatGuard(model.files);
  const findings: Finding[] = [];
  const results: RuleResults = new Map();
  const seen = new Map<Reads, boolean>();
  for (const rule of rules) {
    const last = reuse?.previous.get(rule.id);
    const moved = last && !seesChange(last.reads, reuse!, seen) ? moveFindings(last.findings, reuse!.change) : undefined;
    let result = moved && { reads: last!.reads, findings: moved };
    if (!result) {
      const reads = new Reads();
      const found = runRule(rule, observedModel(model, reads), settings, broken, guard);
      // A rule that crashed runs again next time rather than repeating its error.
      if (found.some((f) => f.ruleId === INTERNAL_ERROR_ID)) reads.external = true;
      result = { reads, findings: found };
    }
    results.set(rule.id, result);
    for (const f of result.findings) findings.push(f);
  }
  return { findings, results };
}

function runRule(rule: Rule, model: DeploymentModel, settings: Settings, broken: Set<string>, guard: FormatGuard): Finding[] {
  const level = settings.rules[rule.id];
  if (level === 'off') return [];
  const severity = level ?? rule.severity;
  const findings: Finding[] = [];
  // Spans are copied: a rule may report a tree node's own span (value origins are the CST nodes, so that
  // the incremental re-resolve can share subtrees whose nodes an edit moves in place), and a finding kept
  // for the next edit must stay at the offsets it was found at (reuse.ts moves it).
  const report = (r: Report): void => {
    findings.push({
      ruleId: rule.id,
      severity: level ?? r.severity ?? severity,
      message: r.message,
      file: r.file,
      span: { start: r.span.start, end: r.span.end },
      related: r.related?.map((x) => ({ ...x, span: { start: x.span.start, end: x.span.end } })),
      fixes: (r.fixes ?? []).filter((f) => f.edits.length > 0 && (rule.id.startsWith('hocon/') || !f.edits.some((e) => broken.has(e.file))) && guard.keepsFormat(f.edits)),
    });
  };
  try {
    rule.check({ model, settings, report });
  } catch (err) {
    // One broken rule must not hide the others' findings: say which rule failed, where the deployment starts.
    const file = model.emqx?.mainFile ?? model.files[0]?.file ?? model.root;
    findings.push({
      ruleId: INTERNAL_ERROR_ID,
      severity: 'error',
      message: `Rule ${rule.id} failed on this deployment (${errorText(err)}); its checks were skipped, the others ran. Please report this.`,
      file,
      span: { start: 0, end: 0 },
      fixes: [],
    });
  }
  return findings;
}

/** What an exception says, never throwing itself (String() throws on some thrown objects), at most 200 characters. */
export function errorText(err: unknown): string {
  let text: string;
  try {
    text = err instanceof Error ? err.message : String(err);
  } catch {
    text = typeof err;
  }
  return text.slice(0, 200);
}

export { docsPath };
