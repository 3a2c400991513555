import type { Rule } from '../types';
import { docsPath } from '../types';
import { isIP } from 'node:net';
import { kernelParam, parseErlangTerm, isInetAddressTuple, setAppParam } from '../../parsers/vmargs';
import { addressTuple } from '../helpers/clustering';
import { trimLeading, trimTrailing } from '../../core/scan';

const id = 'erlang/dist-interface-syntax';
const PARAM = 'inet_dist_use_interface';

/** The address a malformed value most likely means: `10.0.1.5`, `"10.0.1.5"`, `{10.0.1.5}`, `{10, 0, 1, 5}`. */
export function intendedAddress(raw: string): string | undefined {
  const inner = trimTrailing(trimLeading(raw.trim(), (c) => '{"\'['.includes(c)), (c) => '}"\']'.includes(c)).trim();
  if (isIP(inner)) return inner;
  const parts = inner.split(/\s*[.,]\s*|\s+/).filter(Boolean);
  if (parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return parts.map(Number).join('.');
  return undefined;
}

export const rule: Rule = {
  id,
  severity: 'error',
  fixable: true,
  docs: { title: 'inet_dist_use_interface is not an Erlang address tuple', path: docsPath(id) },
  check({ model, report }) {
    for (const f of model.vmargs) {
      const found = kernelParam(f.doc, 'kernel', PARAM);
      if (!found?.value || found.value.template) continue;
      // The VM splits arguments at spaces, so only the first word is the value; `{10, 0, 1, 5}` breaks apart.
      const { term } = parseErlangTerm(found.value.text);
      if (term && isInetAddressTuple(term)) continue;
      // On a one-pair line the rest of the line is what the user meant (and what the fix replaces).
      const onePair = found.entry.args[0] === found.keyArg;
      const end = onePair ? found.entry.end : found.value.end;
      const raw = f.text.slice(found.value.start, end);
      const address = intendedAddress(raw);
      const tuple = address ? addressTuple(address) : undefined;
      const hint = tuple ? `; write it as ${tuple}` : '; write it as a tuple such as {10,0,1,5}';
      report({
        file: f.file,
        span: { start: found.value.start, end },
        message: `-kernel ${PARAM} ${raw} is not an Erlang address tuple of 4 (IPv4) or 8 (IPv6) integers, so the VM cannot use it and the node fails to start its distribution${hint}.`,
        fixes: tuple
          ? [{ title: `Write the address as the tuple ${tuple}`, edits: setAppParam(f.doc, 'kernel', PARAM, tuple).map((e) => ({ ...e, file: f.file })), preferred: true, safe: true }]
          : [],
      });
    }
  },
};
