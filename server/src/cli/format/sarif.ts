/**
 * SARIF 2.1.0 as GitHub code scanning reads it: rule metadata with help URIs and default levels,
 * results with physical locations relative to the scan root (%SRCROOT%), columns in UTF-16 units.
 */
import * as path from 'node:path';
import type { Severity } from '../../core/problems';
import type { FormatInput } from './common';
import { Locator } from './common';
import { PRODUCT_NAME, PRODUCT_VERSION, REPOSITORY_URL, publicDocsUrl } from '../../core/product';
import { RULES } from '../../rules';
import { docsPath } from '../../rules/types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
/** GitHub ranks security alerts by this number (0-10). */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.5', info: '3.0', hint: '1.0' };

export function formatSarif({ findings, textOf, cwd }: FormatInput): string {
  const locator = new Locator(textOf);
  const ids = [...new Set([...RULES.map((r) => r.id), ...findings.map((f) => f.ruleId)])];
  const rules = ids.map((id) => {
    const meta = RULES.find((r) => r.id === id);
    const title = meta?.docs.title ?? id;
    const severity = meta?.severity ?? 'warning';
    return {
      id,
      name: id.replace(/[^A-Za-z0-9]+(.)/g, (_, c: string) => c.toUpperCase()),
      shortDescription: { text: title },
      fullDescription: { text: title },
      helpUri: publicDocsUrl(docsPath(id)),
      help: { text: `${title}. See ${publicDocsUrl(docsPath(id))}`, markdown: `**${title}** — [rule documentation](${publicDocsUrl(docsPath(id))})` },
      defaultConfiguration: { level: LEVEL[severity] },
      properties: { tags: ['security', 'emqx', 'mqtt', id.split('/')[0]], precision: 'high', 'security-severity': SECURITY_SEVERITY[severity] },
    };
  });
  const artifact = (file: string) => {
    const rel = path.relative(cwd, file);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel)
      ? { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' }
      : { uri: `file://${file.split(path.sep).map(encodeURIComponent).join('/')}` };
  };
  const results = findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: ids.indexOf(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: artifact(f.file), region: locator.range(f.file, f.span) } }],
    ...(f.related?.length
      ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, message: { text: r.message }, physicalLocation: { artifactLocation: artifact(r.file), region: locator.range(r.file, r.span) } })) }
      : {}),
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: PRODUCT_NAME, version: PRODUCT_VERSION, semanticVersion: PRODUCT_VERSION, informationUri: REPOSITORY_URL, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: `file://${cwd.split(path.sep).map(encodeURIComponent).join('/')}/` } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
