/**
 * Issue 6: every hardened snippet, inserted with generated secrets and its tabstops at their defaults,
 * parses cleanly and adds no error or warning finding of the whole engine; all of them together form a
 * deployment with no error or warning at all. Also: secrets are fresh, static snippet files are current.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SNIPPETS, renderSnippet, snippetToText, snippetsAt, escapeSnippetText, snippetById, type HardenedSnippet } from '../../../server/src/snippets/render';
import { staticSnippetFiles } from '../../../server/src/snippets/static';
import { parseFile } from '../../../server/src/parsers';
import { classifyPath } from '../../../server/src/workspace/fileKinds';
import type { Finding } from '../../../server/src/rules/types';
import { findingsOf, ROOT } from '../rules/ruleTester';
import { fileFor, insertAt } from './harness';
import type { EmqxVersion } from '../../../server/src/schema/types';

const serious = (f: Finding) => f.severity === 'error' || f.severity === 'warning';
const describe = (fs: Finding[]) => fs.map((f) => `${f.ruleId} (${f.severity}) in ${f.file.slice(ROOT.length + 1)}: ${f.message}`).join('\n');

function parseProblems(rel: string, text: string) {
  const parsed = parseFile(`${ROOT}/${rel}`, text, classifyPath(`${ROOT}/${rel}`)!);
  assert.ok(parsed, `${rel} is not a parsable kind`);
  return parsed.problems;
}

/** Findings the snippet adds: serious findings of the snippet case beyond those (rule, file) counts of the baseline. */
function added(withSnippet: Finding[], baseline: Finding[]): Finding[] {
  const budget = new Map<string, number>();
  const key = (f: Finding) => `${f.ruleId}|${f.file}|${f.severity}`;
  for (const f of baseline.filter(serious)) budget.set(key(f), (budget.get(key(f)) ?? 0) + 1);
  return withSnippet.filter(serious).filter((f) => {
    const left = budget.get(key(f)) ?? 0;
    budget.set(key(f), left - 1);
    return left <= 0;
  });
}

for (const snippet of SNIPPETS) {
  snippet.contexts.forEach((context, i) => {
    test(`snippet ${snippet.id} (context ${i + 1}: ${JSON.stringify(context)}) parses and adds no error or warning`, () => {
      const rel = fileFor(snippet);
      const { text, baseline } = insertAt(snippet, context);
      const partners = Object.fromEntries((snippet.pairsWith ?? []).map((id) => [id, snippetById(id)!]));
      let withText = text;
      let baseText = baseline;
      for (const p of Object.values(partners)) {
        const extra = snippetToText(renderSnippet(p));
        withText += `\n${extra}\n`;
        baseText += `\n${extra}\n`;
      }
      assert.deepEqual(parseProblems(rel, withText).map((p) => p.message), [], `parse problems in:\n${withText}`);
      const found = added(findingsOf(undefined, { name: snippet.id, files: { [rel]: withText } }), findingsOf(undefined, { name: 'baseline', files: { [rel]: baseText } }));
      assert.equal(found.length, 0, `the snippet adds:\n${describe(found)}\n--- file:\n${withText}`);
    });
  });
}

/** Every snippet at once (first context each; the listener-level ones are already inside the TLS listener). */
function hardenedDeployment(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const s of SNIPPETS) {
    if (s.id === 'emqx-ssl-options' || s.id === 'emqx-listener-limits' || s.id === 'systemd-sandboxing') continue;
    const rel = fileFor(s);
    files[rel] = (files[rel] ? files[rel] + '\n' : '') + insertAt(s, s.contexts[0]).text;
  }
  return files;
}

for (const version of ['auto', '5', '6'] as const) {
  test(`all snippets together: a deployment with no parse problem and no error or warning (emqxVersion ${version})`, () => {
    const files = hardenedDeployment();
    assert.deepEqual(Object.keys(files).sort(), ['emqx.service', 'emqx.service.d/limits.conf', 'etc/emqx.conf', 'etc/vm.args', 'sysctl.d/99-emqx.conf']);
    for (const [rel, text] of Object.entries(files)) assert.deepEqual(parseProblems(rel, text).map((p) => p.message), [], rel);
    const found = findingsOf(undefined, { name: 'hardened', files, settings: { emqxVersion: version as 'auto' | EmqxVersion } }).filter(serious);
    assert.equal(found.length, 0, describe(found));
  });
}

test('the hardened deployment still trips the rules when a snippet is left out (the test can fail)', () => {
  const files = hardenedDeployment();
  files['etc/emqx.conf'] = files['etc/emqx.conf'].replace(/authentication = \[[\s\S]*?\n\]\n/, '');
  const found = findingsOf(undefined, { name: 'no authn', files }).filter(serious);
  assert.ok(found.some((f) => f.ruleId === 'mqtt/anonymous-access'), describe(found));
});

test('secrets are generated fresh on every render: 48-character alphanumeric cookie, 24-character password', () => {
  const cookieOf = (t: string) => /cookie = "([^"]*)"/.exec(snippetToText(t))![1];
  const passwordOf = (t: string) => /default_password = "([^"]*)"/.exec(snippetToText(t))![1];
  const node = snippetById('emqx-node')!;
  const dashboard = snippetById('emqx-dashboard')!;
  const cookies = new Set(Array.from({ length: 20 }, () => cookieOf(renderSnippet(node))));
  assert.equal(cookies.size, 20);
  for (const c of cookies) assert.match(c, /^[A-Za-z][A-Za-z0-9]{47}$/);
  const passwords = new Set(Array.from({ length: 20 }, () => passwordOf(renderSnippet(dashboard))));
  assert.equal(passwords.size, 20);
  for (const p of passwords) assert.equal(p.length, 24);
  // Given values are used as they are, escaped for the snippet syntax.
  assert.equal(passwordOf(renderSnippet(dashboard, { secrets: { password: 'a}b$c\\d' } })), 'a}b$c\\d');
  assert.match(renderSnippet(dashboard, { secrets: { password: 'a}b$c' } }), /a\\}b\\\$c/);
});

test('every snippet: unique id and prefix, secrets declared and used, body is valid snippet syntax', () => {
  assert.equal(new Set(SNIPPETS.map((s) => s.id)).size, SNIPPETS.length);
  assert.equal(new Set(SNIPPETS.map((s) => s.prefix)).size, SNIPPETS.length);
  for (const s of SNIPPETS) {
    for (const secret of s.secrets) assert.ok(s.body.includes(`@@${secret.name}@@`), `${s.id} does not use ${secret.name}`);
    const rendered = renderSnippet(s);
    assert.doesNotMatch(rendered, /@@/, s.id);
    assert.doesNotMatch(snippetToText(rendered), /\$\{|\$\d/, `${s.id} leaves snippet syntax behind`);
    assert.ok(s.contexts.length > 0 && s.description.length > 20, s.id);
  }
});

test('snippetToText: defaults, choices, nested placeholders and escapes', () => {
  assert.equal(snippetToText('a = ${1:x}\nb = ${2|p,q|}\n$0c = $3 ${4:{${5:in}\\}} \\$ \\\\'), 'a = x\nb = p\nc =  {in} $ \\');
  assert.equal(escapeSnippetText('$}\\'), '\\$\\}\\\\');
});

test('snippetsAt picks snippets by file kind, place and version', () => {
  const ids = (xs: HardenedSnippet[]) => xs.map((s) => s.id);
  assert.ok(ids(snippetsAt('emqx-conf', { kind: 'hocon', path: [] })).includes('emqx-node'));
  assert.deepEqual(ids(snippetsAt('emqx-conf', { kind: 'hocon', path: ['listeners', 'ssl', 'x', 'ssl_options'] })), ['emqx-ssl-options']);
  assert.deepEqual(ids(snippetsAt('emqx-conf', { kind: 'hocon', path: ['listeners', 'ssl'] })), ['emqx-listener-tls']);
  assert.ok(!ids(snippetsAt('emqx-conf', { kind: 'hocon', path: [] }, '5.0')).includes('emqx-listener-tls'));
  assert.deepEqual(ids(snippetsAt('systemd', { kind: 'section', section: 'Service' })), ['systemd-sandboxing']);
  // Inside listeners.ssl the block path the container supplies is dropped.
  assert.match(renderSnippet(snippetById('emqx-listener-tls')!, { containerPath: ['listeners', 'ssl'] }), /^\$\{1:default\} \{\n  bind/);
  assert.match(renderSnippet(snippetById('emqx-listener-tls')!, { containerPath: ['listeners'] }), /^ssl\.\$\{1:default\} \{/);
  assert.match(renderSnippet(snippetById('emqx-ssl-options')!, { containerPath: ['listeners', 'ssl', 'x', 'ssl_options'] }), /^certfile = /);
});

test('static snippet files in snippets/ are current (node scripts/gen-snippets.mjs)', () => {
  for (const [file, content] of Object.entries(staticSnippetFiles())) {
    let onDisk: string | undefined;
    try {
      onDisk = readFileSync(file, 'utf8');
    } catch {
      onDisk = undefined;
    }
    assert.equal(onDisk, content, `${file} is stale: run node scripts/gen-snippets.mjs`);
    const parsed = JSON.parse(content) as Record<string, { prefix: string; body: string[] }>;
    for (const [name, s] of Object.entries(parsed)) {
      const body = s.body.join('\n');
      assert.doesNotMatch(body, /@@/, name);
      if (/cookie = |default_password = /.test(body)) assert.match(body, /run MQTT Hardening: Generate/, name);
    }
  }
});
