/** EmqxConfigView over an EMQX 4.x flat file: `a.b.c = value` keys are paths; values are raw text. */
import type { Origin } from '../deploymentModel';
import type { EmqxConfigView } from '../emqxConfig';
import type { ParsedEmqx4 } from '../../parsers';
import { insertEntry, type Emqx4Entry } from '../../parsers/emqx4';
import { flatLiteral } from '../literal';

export function emqx4ConfigView(file: ParsedEmqx4): EmqxConfigView {
  const byKey = new Map<string, Emqx4Entry[]>();
  for (const e of file.doc.entries) (byKey.get(e.key) ?? byKey.set(e.key, []).get(e.key)!).push(e);
  const origin = (e: Emqx4Entry): Origin => ({ file: file.file, span: e.valueSpan, keySpan: e.keySpan });
  return {
    format: 'emqx4',
    mainFile: file.file,
    get(path) {
      const all = byKey.get(path.join('.'));
      if (!all?.length) return undefined;
      const last = all[all.length - 1];
      return { value: last.value, explicit: true, origin: origin(last), overridden: all.slice(0, -1).map(origin) };
    },
    has: (path) => !!byKey.get(path.join('.'))?.length,
    stringsNamed(names, maxDepth) {
      const found: string[][] = [];
      for (const key of byKey.keys()) {
        const path = key.split('.');
        if (path.length <= maxDepth && names.has(path[path.length - 1])) found.push(path);
      }
      return found;
    },
    childNames(path) {
      const prefix = path.length ? path.join('.') + '.' : '';
      const names = new Set<string>();
      for (const key of byKey.keys()) if (key.startsWith(prefix)) names.add(key.slice(prefix.length).split('.')[0]);
      return [...names];
    },
    anchor(path) {
      // The nearest entry that shares the longest prefix of the path, else line 1.
      for (let n = path.length - 1; n > 0; n--) {
        const prefix = path.slice(0, n).join('.');
        const near = file.doc.entries.find((e) => e.key === prefix || e.key.startsWith(prefix + '.'));
        if (near) return { file: file.file, span: near.keySpan, keySpan: near.keySpan };
      }
      return { file: file.file, span: { start: 0, end: 0 } };
    },
    insertEdits(path, value) {
      return insertEntry(file.doc, path.join('.'), flatLiteral(value)).map((e) => ({ ...e, file: file.file }));
    },
    literal: flatLiteral,
  };
}
