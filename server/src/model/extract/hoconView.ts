/** EmqxConfigView over the resolved HOCON layers (base.hocon < cluster.hocon < emqx.conf < EMQX_* env). */
import type { Origin } from '../deploymentModel';
import type { EmqxConfigView } from '../emqxConfig';
import type { Resolved, ResolveResult, ValueOrigin } from '../../parsers/hocon/resolved';
import { lookup, toPlain } from '../../parsers/hocon';

function toOrigin(o: ValueOrigin): Origin {
  return { file: o.file, span: o.span, keySpan: o.field?.key, env: o.env };
}

export function hoconConfigView(result: ResolveResult, mainFile: string): EmqxConfigView {
  const at = (path: readonly string[]): Resolved | undefined => (path.length === 0 ? result.root : lookup(result.root, [...path]));
  return {
    format: 'hocon',
    mainFile,
    get(path) {
      const r = at(path);
      if (!r) return undefined;
      return { value: toPlain(r), explicit: true, origin: toOrigin(r.origin), overridden: r.overridden.map(toOrigin) };
    },
    childNames(path) {
      const r = at(path);
      return r && r.kind === 'object' ? [...r.fields.keys()] : [];
    },
    anchor(path) {
      for (let n = path.length - 1; n > 0; n--) {
        const r = at(path.slice(0, n));
        if (r && r.kind === 'object' && r.origin.field) return { file: r.origin.file, span: r.origin.field.key, keySpan: r.origin.field.key };
      }
      return { file: mainFile, span: { start: 0, end: 0 } };
    },
  };
}
