// Lists exports of server/src that nothing imports (ts-prune in a page): node scripts/unused-exports.mjs
// "unused" = referenced nowhere, dead code; "local" = used only in its own file, the export is needless.
// Tests, benches and the client count as users. Exit code 1 when an unused export is found.
import ts from 'typescript';
import * as path from 'node:path';

const config = ts.getParsedCommandLineOfConfigFile('tsconfig.json', {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
const program = ts.createProgram(config.fileNames, config.options);
const checker = program.getTypeChecker();
const SRC = path.resolve('server/src') + path.sep;
const files = program.getSourceFiles().filter((f) => !f.isDeclarationFile && !f.fileName.includes('node_modules'));

/** For each declaration symbol: the files that refer to it. */
const users = new Map();
const canonical = (symbol) => (symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
for (const file of files) {
  const visit = (node) => {
    if (ts.isIdentifier(node)) {
      const symbol = canonical(checker.getSymbolAtLocation(node));
      if (symbol) (users.get(symbol) ?? users.set(symbol, new Set()).get(symbol)).add(file.fileName);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
}

let unused = 0;
for (const file of files) {
  if (!path.resolve(file.fileName).startsWith(SRC)) continue;
  const moduleSymbol = checker.getSymbolAtLocation(file);
  if (!moduleSymbol) continue;
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = canonical(exported);
    // Re-exports are judged where they are declared.
    if (!symbol.declarations?.some((d) => d.getSourceFile() === file)) continue;
    const by = users.get(symbol) ?? new Set();
    const elsewhere = [...by].filter((f) => f !== file.fileName);
    const where = `${path.relative('.', file.fileName)}: ${exported.getName()}`;
    if (elsewhere.length > 0) continue;
    // The declaration's own name counts once; more uses in the file mean it is used there.
    const local = countIn(file, symbol) > 1;
    if (!local) unused++;
    console.log(`${local ? 'local ' : 'unused'}  ${where}`);
  }
}
process.exitCode = unused ? 1 : 0;

function countIn(file, symbol) {
  let n = 0;
  const visit = (node) => {
    if (ts.isIdentifier(node) && canonical(checker.getSymbolAtLocation(node)) === symbol) n++;
    ts.forEachChild(node, visit);
  };
  visit(file);
  return n;
}
