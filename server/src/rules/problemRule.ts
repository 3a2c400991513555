/**
 * Rules whose findings are the problems parsers and the resolver collect (hocon/syntax,
 * hocon/include-missing, vmargs/syntax...). The parsers' problem codes (core/problems.ts PROBLEM_CODES)
 * map one to one onto these rules, each reported under its code as id: the one place where a parser's
 * code becomes a rule with docs and severity settings. A code without its rule fails
 * test/unit/rules/meta.test.ts.
 */
import type { ProblemCode, Severity } from '../core/problems';
import type { Rule } from './types';
import { docsPath } from './types';

export function problemRule(id: ProblemCode, severity: Severity, title: string, fixable = false): Rule {
  return {
    id,
    severity,
    fixable,
    docs: { title, path: docsPath(id) },
    check({ model, report }) {
      const seen = new Set<string>();
      const all = [...model.files.flatMap((f) => f.problems.map((p) => ({ ...p, file: f.file }))), ...model.problems];
      for (const p of all) {
        if (p.code !== id) continue;
        const key = `${p.file}:${p.start}:${p.end}:${p.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        report({
          file: p.file,
          span: { start: p.start, end: p.end },
          message: p.message,
          severity: p.severity,
          fixes: p.fix ? [{ title: p.fix.title, edits: p.fix.edits.map((e) => ({ ...e, file: p.file })), preferred: true, safe: true }] : [],
        });
      }
    },
  };
}
