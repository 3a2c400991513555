/**
 * Suppression comments, in each format's own comment syntax (#, // or ;):
 *   mqtt-harden-disable-next-line <id>[, <id>] -- <reason>
 *   mqtt-harden-disable-line <id>[, <id>] -- <reason>      (at the end of the line it suppresses)
 *   mqtt-harden-disable-file <id>[, <id>] -- <reason>
 * This module both reads them and writes them (the editor's "Suppress" quick fix), so the two cannot
 * drift apart. A suppression without a reason, or one that suppresses nothing, is itself reported
 * (suppressions/missing-reason, suppressions/unused).
 */
import { LineIndex } from '../core/text';
import type { Finding } from '../rules/types';
import type { DeploymentModel } from '../model/deploymentModel';
import { rule as missingReason } from '../rules/suppressions/missing-reason';
import { rule as unused } from '../rules/suppressions/unused';

const MARKER = 'mqtt-harden-disable';
/** Separates the rule ids from the reason. */
const REASON_MARK = '--';

export interface Suppression {
  file: string;
  kind: 'next-line' | 'line' | 'file';
  ids: string[];
  reason: string;
  /** Span of the directive text (from the marker to the end of the comment). */
  start: number;
  end: number;
  /** The zero-based line it suppresses (for file suppressions: -1). */
  line: number;
}

const DIRECTIVE = new RegExp(`(?:#|//|;)[ \\t]*${MARKER}-(next-line|line|file)\\b([^\\r\\n]*)`, 'g');

/** The comment that suppresses `ruleId` on the next line, written with the format's comment marker. */
export function nextLineSuppression(commentMarker: string, ruleId: string, reason: string): string {
  return `${commentMarker} ${MARKER}-next-line ${ruleId} ${REASON_MARK} ${reason}`;
}

/** Finds suppression directives in a file's text. */
export function findSuppressions(file: string, text: string, index = new LineIndex(text)): Suppression[] {
  const found: Suppression[] = [];
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const kind = m[1] as Suppression['kind'];
    const [idsText, ...reasonParts] = m[2].split(REASON_MARK);
    const ids = idsText.split(',').map((s) => s.trim()).filter(Boolean);
    const line = index.positionAt(m.index).line;
    found.push({
      file,
      kind,
      ids,
      reason: reasonParts.join(REASON_MARK).trim(),
      start: m.index,
      end: m.index + m[0].length,
      line: kind === 'file' ? -1 : kind === 'line' ? line : line + 1,
    });
  }
  return found;
}

/** Drops suppressed findings and adds hints for suppressions without a reason or without effect. */
export function applySuppressions(findings: Finding[], model: DeploymentModel): Finding[] {
  const byFile = new Map<string, { index: LineIndex; suppressions: Suppression[] }>();
  for (const f of model.files) {
    if (!f.text.includes(MARKER)) continue;
    const index = new LineIndex(f.text);
    byFile.set(f.file, { index, suppressions: findSuppressions(f.file, f.text, index) });
  }
  if (byFile.size === 0) return findings;
  const used = new Set<Suppression>();
  const kept = findings.filter((finding) => {
    const entry = byFile.get(finding.file);
    if (!entry) return true;
    const line = entry.index.positionAt(finding.span.start).line;
    const match = entry.suppressions.find((s) => s.ids.includes(finding.ruleId) && (s.kind === 'file' || s.line === line));
    if (!match) return true;
    used.add(match);
    return false;
  });
  for (const { suppressions } of byFile.values()) {
    for (const s of suppressions) {
      const span = { start: s.start, end: s.end };
      if (!s.reason) {
        kept.push({ ruleId: missingReason.id, severity: missingReason.severity, file: s.file, span, fixes: [],
          message: 'This suppression gives no reason; add one after " -- " so the next reader knows why the finding is accepted.' });
      }
      if (!used.has(s)) {
        kept.push({ ruleId: unused.id, severity: unused.severity, file: s.file, span, fixes: [{ title: 'Remove the unused suppression', edits: [{ file: s.file, offset: s.start, length: s.end - s.start, newText: '' }], safe: true }],
          message: s.ids.length ? `This suppression of ${s.ids.join(', ')} matches no finding; remove it so it cannot hide a future one.` : 'This suppression names no rule id; write the id of the finding to suppress.' });
      }
    }
  }
  return kept;
}
