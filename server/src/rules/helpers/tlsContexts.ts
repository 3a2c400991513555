/** Helpers the tls/* rules share: naming a context's settings, reading its flags, and editing its options. */
import type { FileEdit } from '../../core/text';
import type { DeploymentModel, Fact, TlsContext, TlsOptionName } from '../../model/deploymentModel';
import { hoconLiteral } from '../../model/literal';

/** The full name of a context's option as the config writes it: `listeners.ssl.default.ssl_options.versions`, `authentication[0].ssl.verify`. */
export function settingName(ctx: TlsContext, name: TlsOptionName): string {
  return ctx.optionPath(name).reduce((out, seg) => (/^\d+$/.test(seg) ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg), '');
}

/** What the context is, for messages: "the ssl listener listeners.ssl.default", "the outgoing TLS client authentication[0].ssl". */
export function contextLabel(ctx: TlsContext): string {
  if (ctx.owner === 'rpc') return 'RPC between nodes';
  if (ctx.role === 'client') return `the outgoing TLS connection ${ctx.owner}`;
  if (ctx.listener?.kind === 'dashboard') return `the dashboard listener ${ctx.owner}`;
  return `the ${ctx.listener?.type ?? 'TLS'} listener ${ctx.owner}`;
}

/** True for a flag fact whose (normalized) value is on. */
export function isOn(fact: Fact<unknown> | undefined): boolean {
  return fact?.value === true;
}

/** Whether the context verifies its peer's certificate. */
export function verifiesPeer(ctx: TlsContext): boolean {
  return ctx.option('verify')?.value === 'verify_peer';
}

/** Where a finding about a fact is shown: its value when written down, else the anchor EMQX's default is reported at. */
export function locationOf(fact: Fact<unknown>): { file: string; span: { start: number; end: number } } {
  return { file: fact.origin.file, span: fact.origin.span };
}

/** The versions a context allows, as a string list (empty when the value is not a list). */
export function versionsOf(fact: Fact<unknown> | undefined): string[] {
  return Array.isArray(fact?.value) ? (fact.value as unknown[]).map((v) => String(v)) : [];
}

/**
 * Sets a TLS option of a context. Inside arrays (`authentication[0].ssl`) the generic inserter cannot place an
 * absent key, so the key is added next to a sibling that is written in that block (usually `enable = true`).
 */
export function setOption(model: DeploymentModel, ctx: TlsContext, name: TlsOptionName, value: unknown): FileEdit[] {
  const path = ctx.optionPath(name);
  const inArray = path.some((seg) => /^\d+$/.test(seg));
  if (!inArray || model.emqx?.get(path)) return model.edits.setSetting(path, value);
  const sibling = model.emqx?.get([...path.slice(0, -1), 'enable']);
  if (!sibling || sibling.origin.env || !sibling.origin.keySpan) return [];
  return insertAfterSibling(model, sibling, path[path.length - 1], hoconLiteral(value));
}

/** Adds `key = value` after a written setting of the same block: on its own line, or after a comma on a one-line block. */
function insertAfterSibling(model: DeploymentModel, sibling: Fact<unknown>, key: string, literal: string): FileEdit[] {
  const text = model.edits.fileText(sibling.origin.file);
  const keySpan = sibling.origin.keySpan;
  if (text === undefined || !keySpan) return [];
  const end = sibling.origin.span.end;
  const lineEnd = text.slice(end).search(/\r?\n|\r|$/) + end;
  const rest = text.slice(end, lineEnd);
  const separator = text.slice(keySpan.end, sibling.origin.span.start).includes(':') ? ': ' : ' = ';
  if (/^\s*(#.*|\/\/.*)?$/.test(rest)) {
    const lineStart = text.lastIndexOf('\n', keySpan.start) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    return [{ file: sibling.origin.file, offset: lineEnd, length: 0, newText: `${eol}${indent}${key}${separator}${literal}` }];
  }
  return [{ file: sibling.origin.file, offset: end, length: 0, newText: `, ${key}${separator}${literal}` }];
}
