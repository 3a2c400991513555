import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GRAMMAR_FILES, SYNTAXES_DIR, loadGrammar } from './tokenize';

interface LanguageConfiguration {
  comments?: { lineComment?: string; blockComment?: [string, string] };
  brackets?: Array<[string, string]>;
  autoClosingPairs?: Array<{ open: string; close: string; notIn?: string[] }>;
  surroundingPairs?: Array<[string, string]>;
  folding?: { markers?: { start: string; end: string } };
  wordPattern?: string;
  indentationRules?: { increaseIndentPattern: string; decreaseIndentPattern: string };
}

function readConfiguration(name: string): LanguageConfiguration {
  return JSON.parse(fs.readFileSync(path.join(SYNTAXES_DIR, name), 'utf8')) as LanguageConfiguration;
}

function words(pattern: string, text: string): string[] {
  return [...text.matchAll(new RegExp(pattern, 'g'))].map((m) => m[0]);
}

for (const name of ['hocon.language-configuration.json', 'line-comment.language-configuration.json']) {
  test(`${name}: parses and has comments, brackets, auto-closing and surrounding pairs`, () => {
    const config = readConfiguration(name);
    assert.equal(config.comments?.lineComment, '#');
    const brackets = (config.brackets ?? []).map((b) => b.join(''));
    for (const pair of ['{}', '[]']) assert.ok(brackets.includes(pair), `${name} brackets ${pair}`);
    const closing = (config.autoClosingPairs ?? []).map((p) => p.open + p.close);
    for (const pair of ['{}', '[]', '""']) assert.ok(closing.includes(pair), `${name} auto-closes ${pair}`);
    for (const p of config.autoClosingPairs ?? []) {
      if (p.open === '"') assert.deepEqual(p.notIn, ['string', 'comment'], 'no quote pairing inside strings or comments');
    }
    const surrounding = (config.surroundingPairs ?? []).map((p) => p.join(''));
    for (const pair of ['{}', '[]', '""']) assert.ok(surrounding.includes(pair), `${name} surrounds with ${pair}`);
    assert.ok(config.wordPattern, 'wordPattern is set');
  });
}

test('hocon wordPattern keeps durations, sizes and dashed names whole and splits key paths', () => {
  const pattern = readConfiguration('hocon.language-configuration.json').wordPattern!;
  assert.deepEqual(words(pattern, 'handshake_timeout = 15s'), ['handshake_timeout', '15s']);
  assert.deepEqual(words(pattern, 'max_packet_size = 16MB'), ['max_packet_size', '16MB']);
  assert.deepEqual(words(pattern, 'high_watermark = 80%'), ['high_watermark', '80%']);
  assert.deepEqual(words(pattern, 'listeners.ssl.default'), ['listeners', 'ssl', 'default']);
  assert.deepEqual(words(pattern, 'ciphers = ECDHE-RSA-AES256-GCM-SHA384'), ['ciphers', 'ECDHE-RSA-AES256-GCM-SHA384']);
  assert.deepEqual(words(pattern, '${?cluster.name}'), ['cluster', 'name']);
});

test('hocon indentation rules indent after an opening brace or bracket and outdent on a closing one', () => {
  const rules = readConfiguration('hocon.language-configuration.json').indentationRules!;
  const increase = new RegExp(rules.increaseIndentPattern);
  const decrease = new RegExp(rules.decreaseIndentPattern);
  assert.ok(increase.test('listeners.ssl.default {'));
  assert.ok(increase.test('  versions = ['));
  assert.ok(increase.test('node {  # the node'));
  assert.ok(!increase.test('ssl_options { verify = verify_peer }'));
  assert.ok(!increase.test('versions = [tlsv1.3, tlsv1.2]'));
  assert.ok(!increase.test('# a comment {'));
  assert.ok(!increase.test('bind = "0.0.0.0:8883"'));
  assert.ok(decrease.test('  }'));
  assert.ok(decrease.test(']'));
  assert.ok(!decrease.test('  bind = 1883'));
});

test('hocon folding markers recognise #region and //region comments only', () => {
  const markers = readConfiguration('hocon.language-configuration.json').folding!.markers!;
  assert.ok(new RegExp(markers.start).test('  # region listeners'));
  assert.ok(new RegExp(markers.start).test('//region'));
  assert.ok(new RegExp(markers.end).test('# endregion'));
  assert.ok(!new RegExp(markers.start).test('region = "eu"'));
  assert.ok(!new RegExp(markers.start).test('# regional settings'));
});

test('each grammar file declares the scope name the manifest expects and loads in vscode-textmate', async () => {
  for (const [scopeName, file] of Object.entries(GRAMMAR_FILES)) {
    const raw = JSON.parse(fs.readFileSync(path.join(SYNTAXES_DIR, file), 'utf8')) as { scopeName: string; patterns: unknown[]; repository?: Record<string, unknown> };
    assert.equal(raw.scopeName, scopeName, file);
    assert.ok(raw.patterns.length > 0, `${file} has top-level patterns`);
    // Every #include must name a rule that exists, or vscode-textmate silently drops it.
    const text = JSON.stringify(raw);
    for (const m of text.matchAll(/"include":"#([^"]+)"/g)) assert.ok(raw.repository?.[m[1]], `${file}: #${m[1]} is defined`);
    assert.ok(await loadGrammar(scopeName), `${file} loads`);
  }
});

test('the manifest points its languages and grammars at files that exist here', () => {
  const manifest = JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8')) as {
    contributes: { languages: Array<{ id: string; configuration?: string }>; grammars?: Array<{ language?: string; scopeName: string; path: string }> };
  };
  const languages = manifest.contributes.languages;
  assert.ok(languages.length >= 5);
  for (const language of languages) {
    if (!language.configuration) continue;
    const file = path.resolve(language.configuration);
    assert.ok(fs.existsSync(file), `${language.id}: ${language.configuration} exists`);
    assert.doesNotThrow(() => JSON.parse(fs.readFileSync(file, 'utf8')), `${language.id}: configuration parses`);
  }
  for (const grammar of manifest.contributes.grammars ?? []) {
    const file = path.basename(grammar.path);
    assert.equal(GRAMMAR_FILES[grammar.scopeName], file, `${grammar.scopeName} -> ${grammar.path}`);
    assert.ok(fs.existsSync(path.resolve(grammar.path)), `${grammar.path} exists`);
    if (grammar.language) assert.ok(languages.some((l) => l.id === grammar.language), `${grammar.language} is declared`);
  }
});
