/** Machine-readable output: every finding with 1-based line/column ranges and its fixes as edits. */
import type { FormatInput } from './common';
import { displayPath, Locator } from './common';
import { PRODUCT_NAME, PRODUCT_VERSION, publicDocsUrl } from '../../core/product';
import { docsPath } from '../../rules/types';
import { describeSecrets } from '../../core/secrets';

export function formatJson({ findings, textOf, cwd }: FormatInput): string {
  const locator = new Locator(textOf);
  const out = {
    tool: { name: PRODUCT_NAME, version: PRODUCT_VERSION },
    findings: findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      file: displayPath(f.file, cwd),
      range: locator.range(f.file, f.span),
      docs: publicDocsUrl(docsPath(f.ruleId)),
      related: (f.related ?? []).map((r) => ({ file: displayPath(r.file, cwd), range: locator.range(r.file, r.span), message: r.message })),
      fixes: f.fixes.map((x) => ({
        title: x.title,
        safe: !!x.safe,
        edits: x.edits.map((e) => ({ file: displayPath(e.file, cwd), offset: e.offset, length: e.length, newText: describeSecrets(e.newText) })),
      })),
    })),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
