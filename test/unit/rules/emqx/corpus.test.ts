// The emqx/* schema rules stay quiet on every config EMQX itself ships (5.8.9 and 6.2.2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { findingsOf } from '../ruleTester';
import type { Finding } from '../../../../server/src/rules/types';

const CORPUS = path.resolve('..', 'shared', 'corpus', 'emqx');
const ERLANG_TERM_FILES = new Set(['acl.conf', 'ssl_dist.conf']);

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}

/** Every shipped HOCON config of a release, relative to the release folder. */
function shippedConfigs(release: string): string[] {
  const root = path.join(CORPUS, release);
  return listFiles(root)
    .filter((f) => /\.(conf|hocon|example)$/.test(f) && !ERLANG_TERM_FILES.has(path.basename(f)))
    .map((f) => path.relative(root, f));
}

/**
 * Where a shipped file sits in a test deployment: plugin configs keep their place (plugins/<name>/priv),
 * base.hocon keeps its name (the lowest layer), every other file is loaded as the deployment's emqx.conf.
 */
function virtualName(rel: string): string {
  if (rel.split(/[\\/]/).includes('plugins')) return rel;
  if (path.basename(rel) === 'base.hocon') return 'base.hocon';
  return 'emqx.conf';
}

function run(release: string, version: '5' | '6'): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const rel of shippedConfigs(release)) {
    const text = readFileSync(path.join(CORPUS, release, rel), 'utf8');
    const findings = findingsOf(undefined, { name: rel, files: { [virtualName(rel)]: text }, settings: { emqxVersion: version } })
      .filter((f) => f.ruleId.startsWith('emqx/'));
    byFile.set(rel, findings);
  }
  return byFile;
}

/** Placeholders the shipped sources really contain outside comments: file -> 1-based lines. */
const SHIPPED_PLACEHOLDERS: Record<string, number[]> = {
  'apps/emqx_conf/etc/emqx_conf.conf': [12, 13],
  'apps/emqx_gateway/etc/emqx_gateway.conf.example': [73, 74, 75, 173, 174, 175, 241, 242, 243, 261],
};

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}

for (const [release, version] of [['v5.8.9', '5'], ['6.2.2', '6']] as const) {
  test(`no unknown-key, invalid-value or deprecated-key finding on EMQX ${release}'s shipped configs`, () => {
    const results = run(release, version);
    assert.ok(results.size > 40, `found ${results.size} shipped configs`);
    const schema = [...results].flatMap(([rel, fs]) => fs.filter((f) => f.ruleId !== 'emqx/unrendered-template').map((f) => `${rel}: ${f.ruleId}: ${f.message}`));
    assert.deepEqual(schema, []);
  });

  test(`emqx/unrendered-template fires exactly on the placeholders EMQX ${release} ships outside comments`, () => {
    const results = run(release, version);
    const seen: Record<string, number[]> = {};
    for (const [rel, fs] of results) {
      const text = readFileSync(path.join(CORPUS, release, rel), 'utf8');
      for (const f of fs) if (f.ruleId === 'emqx/unrendered-template') (seen[rel] ??= []).push(lineOf(text, f.span.start));
    }
    assert.deepEqual(seen, SHIPPED_PLACEHOLDERS);
    // vm.args.cloud carries one too; the packaged unit file has none.
    const cloud = readFileSync(path.join(CORPUS, release, 'apps/emqx/etc/vm.args.cloud'), 'utf8');
    const vmFindings = findingsOf('emqx/unrendered-template', { name: 'cloud', files: { 'vm.args.cloud': cloud } });
    assert.deepEqual(vmFindings.map((f) => lineOf(cloud, f.span.start)), [141]);
    const unit = readFileSync(path.join(CORPUS, release, 'deploy/packages/emqx.service'), 'utf8');
    assert.deepEqual(findingsOf('emqx/unrendered-template', { name: 'unit', files: { 'emqx.service': unit } }), []);
  });
}

test('the corpus run really checks keys: a plugin config loaded as emqx.conf is full of unknown keys', () => {
  const text = readFileSync(path.join(CORPUS, '6.2.2', 'plugins/emqx_acme/priv/config.hocon'), 'utf8');
  const asPlugin = findingsOf('emqx/unknown-key', { name: 'plugin', files: { 'plugins/emqx_acme/priv/config.hocon': text }, settings: { emqxVersion: '6' } });
  const asBroker = findingsOf('emqx/unknown-key', { name: 'broker', files: { 'emqx.conf': text }, settings: { emqxVersion: '6' } });
  assert.equal(asPlugin.length, 0);
  assert.ok(asBroker.length >= 3, `got ${asBroker.length}`);
});
