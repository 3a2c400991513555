/** EmqxConfigView over the resolved HOCON layers (base.hocon < cluster.hocon < emqx.conf < EMQX_* env). */
import type { Fact, Origin } from '../deploymentModel';
import type { EmqxConfigView } from '../emqxConfig';
import type { Resolved, ResolveResult, ValueOrigin } from '../../parsers/hocon/resolved';
import { insertValue, toPlain } from '../../parsers/hocon';
import { hoconLiteral } from '../literal';

/**
 * @param envFacts where each EMQX_* variable was set (a unit's Environment= or an env file) and the
 *   assignments of it that systemd replaced, so a value from the environment points at the line that
 *   set it and lists the lines it won over.
 */
export function hoconConfigView(result: ResolveResult, mainFile: string, envFacts: ReadonlyMap<string, Pick<Fact<string>, 'origin' | 'overridden'>> = new Map()): EmqxConfigView {
  const at = (path: readonly string[]): Resolved | undefined => walk(result.root, path);
  // Rules and extractors ask for whole sections (`listeners.ssl`, even the root) many times per
  // analysis: each composite value is converted once. Callers treat values as read-only.
  const plain = new WeakMap<Resolved, unknown>();
  const facts = new WeakMap<Resolved, Fact<unknown>>();
  const plainOf = (r: Resolved): unknown => {
    if (!plain.has(r)) plain.set(r, toPlain(r));
    return plain.get(r);
  };
  const toOrigin = (o: ValueOrigin): Origin => {
    if (o.env) return { ...(envFacts.get(o.env)?.origin ?? { file: o.file, span: o.span }), env: o.env };
    return { file: o.file, span: o.span, keySpan: o.field?.key };
  };
  /** Config layers first, then earlier assignments of the winning variable (Environment= before EnvironmentFile=). */
  const history = (r: Resolved): Origin[] => {
    const env = r.origin.env;
    const replaced = env ? (envFacts.get(env)?.overridden ?? []).map((o) => ({ ...o, env })) : [];
    return [...r.overridden.map(toOrigin), ...replaced];
  };
  return {
    format: 'hocon',
    mainFile,
    get(path) {
      const r = at(path);
      if (!r) return undefined;
      // Rules ask for the same settings of every TLS context and listener: one fact per value.
      let fact = facts.get(r);
      if (fact) return fact;
      const origin = toOrigin(r.origin);
      const overridden = history(r);
      // Object values are converted when read: many callers only ask whether a block is there.
      fact = r.kind === 'scalar' ? { value: r.value, explicit: true, origin, overridden } : { get value() { return plainOf(r); }, explicit: true, origin, overridden };
      facts.set(r, fact);
      return fact;
    },
    has: (path) => at(path) !== undefined,
    stringsNamed(names, maxDepth) {
      const found: string[][] = [];
      const at: string[] = [];
      const stack: Array<{ r: Resolved; depth: number; key?: string }> = [{ r: result.root, depth: 0 }];
      while (stack.length) {
        const { r, depth, key } = stack.pop()!;
        at.length = Math.max(0, depth - 1);
        if (key !== undefined) at.push(key);
        if (r.kind === 'scalar') {
          if (key !== undefined && typeof r.value === 'string' && names.has(key)) found.push([...at]);
          continue;
        }
        if (depth >= maxDepth) continue;
        // Reversed onto the stack so values are visited in definition order.
        const children: Array<[string, Resolved]> = r.kind === 'object' ? [...r.fields] : r.items.map((item, i) => [String(i), item]);
        for (let i = children.length - 1; i >= 0; i--) stack.push({ r: children[i][1], depth: depth + 1, key: children[i][0] });
      }
      return found;
    },
    childNames(path) {
      const r = at(path);
      return r && r.kind === 'object' ? [...r.fields.keys()] : [];
    },
    anchor(path) {
      for (let n = path.length - 1; n > 0; n--) {
        const r = at(path.slice(0, n));
        if (r && r.kind === 'object' && r.origin.field && !r.origin.env) return { file: r.origin.file, span: r.origin.field.key, keySpan: r.origin.field.key };
      }
      return { file: mainFile, span: { start: 0, end: 0 } };
    },
    insertEdits(path, value) {
      const doc = result.documents.get(mainFile);
      if (!doc) return [];
      return insertValue(doc, path, hoconLiteral(value)).map((e) => ({ ...e, file: mainFile }));
    },
    literal: hoconLiteral,
    sourceText: (file) => result.documents.get(file)?.text,
    sourceFiles: () => result.documents.keys(),
  };
}

/** The value at a path; numeric segments index arrays (authentication.0.ssl). */
function walk(root: Resolved, path: readonly string[]): Resolved | undefined {
  let cur: Resolved | undefined = root;
  for (const seg of path) {
    if (!cur) return undefined;
    if (cur.kind === 'object') cur = cur.fields.get(seg);
    else if (cur.kind === 'array' && /^\d+$/.test(seg)) cur = cur.items[Number(seg)];
    else return undefined;
  }
  return cur;
}
