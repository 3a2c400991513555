/** --explain and --list-rules: read the same docs pages the editor links to. */
import * as fs from 'node:fs';
import { RULES, ruleById } from '../rules';
import { localDocsFile } from '../core/product';

export function explainRule(id: string): string | undefined {
  const rule = ruleById(id);
  if (!rule) return undefined;
  try {
    return fs.readFileSync(localDocsFile(rule.docs.path), 'utf8');
  } catch {
    return `${rule.id} (${rule.severity}): ${rule.docs.title}\n(docs page ${rule.docs.path} is not installed)\n`;
  }
}

export function listRules(): string {
  const width = Math.max(...RULES.map((r) => r.id.length));
  return RULES.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.fixable ? 'fix' : '   '}  ${r.docs.title}`).join('\n') + '\n';
}
