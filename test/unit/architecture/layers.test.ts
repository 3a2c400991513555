/**
 * The import graph of server/src: no file imports one that (directly or not) imports it back, and each
 * layer imports only the layers below it (docs/architecture.md draws them). A new back-edge fails here
 * with the file and the import that made it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

// Loaded at run time, not bundled into the test: the compiler's own import scanner reads every form
// (import, export ... from, import type, import()) and skips comments and strings.
const ts = createRequire(path.resolve('package.json'))('typescript') as typeof import('typescript');

const SRC = path.resolve('server/src');

/** What each top folder of server/src may import besides itself. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  parsers: ['core'],
  schema: ['core'],
  model: ['core', 'parsers', 'schema'],
  rules: ['core', 'parsers', 'schema', 'model'],
  snippets: ['core', 'schema'],
  workspace: ['core', 'parsers'],
  engine: ['core', 'parsers', 'schema', 'model', 'rules', 'workspace'],
  features: ['core', 'parsers', 'schema', 'model', 'rules', 'snippets'],
  host: ['core', 'parsers', 'workspace', 'engine', 'rules', 'model'],
  cli: ['core', 'parsers', 'model', 'rules', 'workspace', 'engine', 'host'],
  lsp: ['core', 'parsers', 'schema', 'model', 'rules', 'workspace', 'engine', 'features', 'snippets', 'host'],
};

/**
 * Back-edges that another change removes; each entry must still exist, so the list cannot go stale.
 * lsp/server.ts takes selectSafeEdits from cli/fix.ts until it moves into the engine with the fix rework.
 */
const KNOWN_BACK_EDGES = new Set<string>();

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The file a relative import names (`./x` -> x.ts or x/index.ts); undefined for packages and JSON. */
function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    graph.set(file, info.importedFiles.map((i) => resolveImport(file, i.fileName)).filter((f): f is string => f !== undefined));
  }
  return graph;
}

const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/');
const layerOf = (file: string) => rel(file).split('/')[0];

/** Strongly connected components with more than one file (or a file importing itself): the cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.map(rel).sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const graph = importGraph();

test('the import graph of server/src has files in every layer it names, and only those layers', () => {
  assert.ok(graph.size > 100, `only ${graph.size} source files found under ${SRC}`);
  const layers = new Set([...graph.keys()].map(layerOf));
  for (const layer of layers) assert.ok(layer in MAY_IMPORT, `server/src/${layer}/ is not a known layer: add it to MAY_IMPORT and docs/architecture.md`);
});

test('no import cycle in server/src', () => {
  assert.deepEqual(cycles(graph), []);
});

test('each layer imports only the layers below it', () => {
  const backEdges: string[] = [];
  const known = new Set<string>();
  for (const [file, imports] of graph) {
    const from = layerOf(file);
    for (const target of imports) {
      const to = layerOf(target);
      if (to === from || MAY_IMPORT[from]?.includes(to)) continue;
      const edge = `${rel(file)} imports ${rel(target)}`;
      if (KNOWN_BACK_EDGES.has(edge)) known.add(edge);
      else backEdges.push(`${edge} (${from} may not import ${to})`);
    }
  }
  assert.deepEqual(backEdges, []);
  assert.deepEqual([...KNOWN_BACK_EDGES].filter((e) => !known.has(e)), [], 'these back-edges are gone: remove them from KNOWN_BACK_EDGES');
});

test('the check sees a cycle and a back-edge when there is one', () => {
  const a = path.join(SRC, 'cli/a.ts');
  const b = path.join(SRC, 'cli/b.ts');
  assert.deepEqual(cycles(new Map([[a, [b]], [b, [a]]])), [['cli/a.ts', 'cli/b.ts']]);
  assert.equal(MAY_IMPORT.parsers.includes(layerOf(path.join(SRC, 'workspace/fileKinds.ts'))), false);
  assert.equal(MAY_IMPORT.rules.includes('lsp') || MAY_IMPORT.rules.includes('cli') || MAY_IMPORT.rules.includes('engine'), false);
});
