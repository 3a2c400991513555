/**
 * Hover: what a key, flag, kernel setting or directive does, its type, EMQX's default for the detected
 * version, allowed values and a security note; derived ports on node names; the explanation of a finding.
 */
import type { Span } from '../core/text';
import type { FeatureContext } from './context';
import { locate } from './cursorLocation';
import { emqxKeyInfo, kernelParamInfo, limitsItemInfo, sysctlKeyInfo, systemdDirectiveInfo, vmargsFlagInfo, type KeyInfo } from '../schema';
import { ruleById } from '../rules';
import { nodeOffset } from '../model/deploymentModel';
import { secretRedactor } from '../model/secretValues';
import { NO_SECRETS } from '../core/secrets';
import { printable } from '../core/printable';

export interface HoverResult {
  markdown: string;
  span: Span;
}

const VERSION_NAMES = { '4': 'EMQX 4.x', '5.0': 'EMQX 5.0', '5': 'EMQX 5.x', '6': 'EMQX 6.x' } as const;
const inside = (s: Span, o: number) => s.start <= o && o <= s.end;

export function hover(ctx: FeatureContext, offset: number): HoverResult | undefined {
  const parts: string[] = [];
  let span: Span | undefined;
  const finding = ctx.findings.filter((f) => inside(f.span, offset));
  const keyHover = keyAt(ctx, offset);
  if (keyHover) {
    parts.push(keyHover.markdown);
    span = keyHover.span;
  }
  for (const f of finding) {
    const rule = ruleById(f.ruleId);
    parts.push(`**${f.ruleId}** (${f.severity}): ${rule?.docs.title ?? ''}\n\n${f.message}\n\n[Rule documentation](${ctx.docsUri(f.ruleId)})`);
    span ??= f.span;
  }
  if (!parts.length || !span) return undefined;
  // Findings are redacted already; this covers what the hover adds (node names, values) and any caller.
  const conceal = ctx.model ? secretRedactor(ctx.model) : NO_SECRETS;
  return { markdown: printable(conceal.conceal(parts.join('\n\n---\n\n'))), span };
}

function keyAt(ctx: FeatureContext, offset: number): HoverResult | undefined {
  const { file } = ctx;
  const version = ctx.model?.version ?? (file.kind === 'emqx-conf' && file.format === 'emqx4' ? '4' : '5');
  switch (file.kind) {
    case 'emqx-conf': {
      if (file.format === 'emqx4') {
        const e = file.doc.entries.find((x) => inside(x.keySpan, offset));
        if (!e) return undefined;
        const info = emqxKeyInfo(e.key.split('.'), '4');
        return info ? { markdown: keyMarkdown(e.key, info, '4', ctx), span: e.keySpan } : undefined;
      }
      const loc = locate(file.doc, offset);
      if (loc.part !== 'key' || !loc.keyPath || !loc.field) return undefined;
      const info = emqxKeyInfo(loc.keyPath, version);
      const segment = loc.field.key.segments.find((s) => inside(s, offset))!;
      const extra = loc.keyPath.join('.') === 'node.name' ? portsNote(ctx) : '';
      if (!info) return extra ? { markdown: extra, span: segment } : undefined;
      return { markdown: keyMarkdown(loc.keyPath.join('.'), info, version, ctx) + extra, span: segment };
    }
    case 'vmargs': {
      const e = file.doc.entries.find((x) => inside(x, offset));
      if (!e) return undefined;
      if (inside(e.flagSpan, offset)) {
        const info = vmargsFlagInfo(e.flag);
        const extra = e.flag === '-name' || e.flag === '-sname' ? portsNote(ctx, e.args[0]?.text) : '';
        return info ? { markdown: `**${e.flag}** ${info.args}\n\n${info.description}${rulesLine(info.ruleIds, ctx)}${extra}`, span: e.flagSpan } : undefined;
      }
      // `-<app> <key> <value> [<key> <value>...]`: keys stand at even argument positions.
      const keyArg = e.args.find((a) => inside(a, offset));
      if (keyArg && e.flag.startsWith('-') && e.args.indexOf(keyArg) % 2 === 0) {
        const info = kernelParamInfo(e.flag.slice(1), keyArg.text);
        if (info) return { markdown: `**${e.flag} ${info.key}** ${info.args}\n\n${info.description}${rulesLine(info.ruleIds, ctx)}`, span: keyArg };
      }
      return undefined;
    }
    case 'sysctl': {
      const e = file.doc.entries.find((x) => inside(x.keySpan, offset));
      const info = e && sysctlKeyInfo(e.normalizedKey);
      if (!e || !info) return undefined;
      const lines = [`**${info.key}** (kernel setting)`, '', info.description];
      if (info.recommended) lines.push('', `Recommended for a broker: \`${info.recommended}\``);
      if (info.kernelDefault) lines.push(`Kernel default: \`${info.kernelDefault}\``);
      return { markdown: lines.join('\n') + rulesLine(info.ruleIds, ctx), span: e.keySpan };
    }
    case 'systemd': {
      for (const section of file.doc.sections) {
        const e = section.entries.find((x) => inside(x.keySpan, offset));
        const info = e && systemdDirectiveInfo(section.name, e.key);
        if (e && info) {
          const rec = info.recommended ? `\n\nRecommended for EMQX: \`${e.key}=${info.recommended}\`` : '';
          return { markdown: `**[${section.name}] ${e.key}=**\n\n${info.description}${rec}${rulesLine(info.ruleIds, ctx)}`, span: e.keySpan };
        }
      }
      return undefined;
    }
    case 'limits': {
      const e = file.doc.entries.find((x) => inside(x.item, offset));
      const info = e && limitsItemInfo(e.item.text);
      if (!e || !info) return undefined;
      const rec = info.recommended ? `\n\nRecommended for the emqx user: \`${info.recommended}\`` : '';
      return { markdown: `**${info.item}** (PAM limit)\n\n${info.description}${rec}${rulesLine(info.ruleIds, ctx)}`, span: e.item };
    }
    default:
      return undefined;
  }
}

function keyMarkdown(path: string, info: KeyInfo, version: keyof typeof VERSION_NAMES, ctx: FeatureContext): string {
  const lines = [`**${path}** · \`${info.type}\``, '', info.description];
  const def = info.defaults?.[version];
  if (def !== undefined) lines.push('', `Default in ${VERSION_NAMES[version]}: \`${Array.isArray(def) ? `[${def.join(', ')}]` : String(def)}\``);
  const allowed = info.enum ?? info.itemEnum;
  if (allowed?.length) lines.push('', `Allowed: ${allowed.map((v) => `\`${v}\``).join(', ')}`);
  if (info.units?.length) lines.push('', `Units: ${info.units.join(', ')}`);
  if (info.deprecated) lines.push('', `Deprecated: use \`${info.deprecated.replacedBy}\` instead.`);
  if (info.securityNote) lines.push('', `**Security:** ${info.securityNote}`);
  return lines.join('\n') + rulesLine(info.ruleIds ?? [], ctx);
}

function rulesLine(ruleIds: readonly string[], ctx: FeatureContext): string {
  const known = ruleIds.filter((id) => ruleById(id));
  return known.length ? `\n\nChecked by: ${known.map((id) => `[${id}](${ctx.docsUri(id)})`).join(', ')}` : '';
}

/** The ports EMQX derives from a node name: distribution 4370 + N, RPC 5370 + N (or rpc.server_port with manual discovery). */
function portsNote(ctx: FeatureContext, nameOverride?: string): string {
  const name = nameOverride?.replace(/^["']|["']$/g, '') ?? ctx.model?.node.name?.value;
  if (!name) return '';
  const n = nodeOffset(name);
  const rpc = ctx.model?.node.name?.value === name && ctx.model.node.rpcPort !== undefined ? ctx.model.node.rpcPort : 5370 + n;
  return `\n\nPorts derived from \`${name}\`: Erlang distribution **${4370 + n}**, RPC (gen_rpc) **${rpc}**. Open them only between cluster nodes.`;
}
