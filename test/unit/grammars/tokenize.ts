/**
 * Test helper: tokenizes text with VS Code's own TextMate engine (vscode-textmate + vscode-oniguruma)
 * so grammar tests see exactly the scopes the editor would assign.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type StateStack } from 'vscode-textmate';

/** Grammar files in syntaxes/, keyed by scope name (the names package.json points at). */
export const GRAMMAR_FILES: Record<string, string> = {
  'source.emqx-hocon': 'emqx-hocon.tmLanguage.json',
  'source.erlang-vmargs': 'vmargs.tmLanguage.json',
  'source.sysctl-conf': 'sysctl.tmLanguage.json',
  'source.emqx-systemd': 'emqx-systemd.tmLanguage.json',
  'source.limits-conf': 'limits.tmLanguage.json',
};

export const SYNTAXES_DIR = path.resolve('syntaxes');
export const SAMPLES_DIR = path.resolve('test', 'unit', 'grammars', 'samples');
export const CORPUS_DIR = path.resolve('..', 'shared', 'corpus');

let registry: Promise<Registry> | undefined;

function getRegistry(): Promise<Registry> {
  registry ??= (async () => {
    const wasm = fs.readFileSync(path.resolve('node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm);
    return new Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        const file = GRAMMAR_FILES[scopeName];
        if (!file) return null;
        const full = path.join(SYNTAXES_DIR, file);
        return parseRawGrammar(fs.readFileSync(full, 'utf8'), full);
      },
    });
  })();
  return registry;
}

/** Loads one of the project's grammars by scope name. */
export async function loadGrammar(scopeName: string): Promise<IGrammar> {
  const grammar = await (await getRegistry()).loadGrammar(scopeName);
  if (!grammar) throw new Error(`grammar ${scopeName} did not load`);
  return grammar;
}

/** One token: its text and scope stack (outermost first). */
export interface Token {
  text: string;
  start: number;
  scopes: string[];
}

/** One tokenized line with the engine state after it. */
export interface TokenizedLine {
  text: string;
  tokens: Token[];
  /** Depth of the rule stack after the line (1 = back at the grammar's root). */
  depth: number;
  stoppedEarly: boolean;
}

/** Splits text into lines the way VS Code does (\r\n, \r and \n all end a line). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Tokenizes a whole text line by line, carrying the rule stack across lines as the editor does.
 * `lineBreak` defaults to VS Code's rule; pass /\n/ to mimic tools that leave a trailing \r on each line.
 */
export function tokenize(grammar: IGrammar, text: string, timeLimitMs = 1000, lineBreak = /\r\n|\r|\n/): TokenizedLine[] {
  let state: StateStack = INITIAL;
  return text.split(lineBreak).map((line) => {
    const result = grammar.tokenizeLine(line, state, timeLimitMs);
    state = result.ruleStack;
    return {
      text: line,
      tokens: result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), start: t.startIndex, scopes: t.scopes })),
      depth: state.depth,
      stoppedEarly: result.stoppedEarly,
    };
  });
}

/**
 * Scopes of the tokens covering the `occurrence`-th appearance of `needle` in line `lineNo` (-1: the last one).
 * Throws when the needle is missing, so a typo in a test cannot make an assertion vacuous.
 */
export function tokensFor(lines: TokenizedLine[], lineNo: number, needle: string, occurrence = 0): Token[] {
  const line = lines[lineNo];
  if (!line) throw new Error(`no line ${lineNo}`);
  let at = occurrence < 0 ? line.text.lastIndexOf(needle) : -1;
  for (let i = 0; i <= occurrence; i++) at = line.text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" (#${occurrence}) not found in line ${lineNo}: ${line.text}`);
  const end = at + needle.length;
  return line.tokens.filter((t) => t.start < end && t.start + t.text.length > at);
}

/** True when some scope in the stack equals `prefix` or starts with `prefix + '.'`. */
export function hasScope(scopes: string[], prefix: string): boolean {
  return scopes.some((s) => s === prefix || s.startsWith(prefix + '.'));
}

/** Renders a line's tokens for assertion messages. */
export function describe(lines: TokenizedLine[], lineNo: number): string {
  return lines[lineNo].tokens.map((t) => `${JSON.stringify(t.text)} ${t.scopes.slice(1).join(' ')}`).join('\n');
}

/** Asserts that every token covering `needle` in line `lineNo` carries `scope` (prefix match on dotted parts). */
export function assertScope(lines: TokenizedLine[], lineNo: number, needle: string, scope: string, occurrence = 0): void {
  const tokens = tokensFor(lines, lineNo, needle, occurrence);
  for (const t of tokens) {
    if (!hasScope(t.scopes, scope)) {
      throw new Error(`expected "${needle}" in line ${lineNo} to have scope ${scope}; token ${JSON.stringify(t.text)} has ${t.scopes.join(' ')}\n${describe(lines, lineNo)}`);
    }
  }
}

/** Asserts that no token covering `needle` in line `lineNo` carries `scope`. */
export function assertNoScope(lines: TokenizedLine[], lineNo: number, needle: string, scope: string, occurrence = 0): void {
  const tokens = tokensFor(lines, lineNo, needle, occurrence);
  for (const t of tokens) {
    if (hasScope(t.scopes, scope)) {
      throw new Error(`expected "${needle}" in line ${lineNo} not to have scope ${scope}; token ${JSON.stringify(t.text)} has ${t.scopes.join(' ')}\n${describe(lines, lineNo)}`);
    }
  }
}

/** Asserts that `needle` is exactly one token (not split, not merged with neighbours). */
export function assertWholeToken(lines: TokenizedLine[], lineNo: number, needle: string, occurrence = 0): void {
  const tokens = tokensFor(lines, lineNo, needle, occurrence);
  if (tokens.length !== 1 || tokens[0].text !== needle) {
    throw new Error(`expected "${needle}" in line ${lineNo} to be one token, got ${JSON.stringify(tokens.map((t) => t.text))}\n${describe(lines, lineNo)}`);
  }
}

/** Index of the first line whose text contains `fragment` (throws when there is none). */
export function lineWith(lines: TokenizedLine[], fragment: string): number {
  const i = lines.findIndex((l) => l.text.includes(fragment));
  if (i < 0) throw new Error(`no line contains ${JSON.stringify(fragment)}`);
  return i;
}

/** Reads a sample file from test/unit/grammars/samples. */
export function readSample(name: string): string {
  return fs.readFileSync(path.join(SAMPLES_DIR, name), 'utf8');
}

/** Files under `dir` (recursive) whose name passes `accept`, sorted. */
export function findFiles(dir: string, accept: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findFiles(full, accept));
    else if (accept(entry.name)) found.push(full);
  }
  return found.sort();
}

/** Largest rule-stack depth reached over a tokenized text. */
export function maxDepth(lines: TokenizedLine[]): number {
  return lines.reduce((m, l) => Math.max(m, l.depth), 0);
}
