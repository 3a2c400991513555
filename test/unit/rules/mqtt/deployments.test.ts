/**
 * The mqtt/, dashboard/, secrets/ and log/ rules on whole deployments: the example the product ships,
 * a hardened deployment (quiet), and the configuration files EMQX 4.4 ships.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workspace } from '../../../../server/src/workspace/workspace';
import { analyzeWorkspace } from '../../../../server/src/engine/engine';
import { DEFAULT_SETTINGS, type Settings } from '../../../../server/src/core/settings';
import type { Finding } from '../../../../server/src/rules/types';
import { applyEdits } from '../../../../server/src/core/text';
import { HARDENED, HARDENED_ENV, HARDENED_UNIT } from './fixtures';

const MINE = /^(mqtt|dashboard|secrets|log)\//;

/** Runs every rule over files placed under /deploy; `extra` files are readable (EnvironmentFile= targets) but not workspace files. */
function mine(files: Record<string, string>, extra: Record<string, string> = {}, settings: Partial<Settings> = {}): Finding[] {
  const ws = new Workspace();
  for (const [rel, text] of Object.entries(files)) assert.ok(ws.set(`/deploy/${rel}`, text), rel);
  const all = { ...files, ...extra };
  const reader = { read: (file: string) => (file.startsWith('/deploy/') ? all[file.slice('/deploy/'.length)] : undefined) };
  return analyzeWorkspace(ws, { ...DEFAULT_SETTINGS, rules: {}, files: [], ...settings }, reader).findings.filter((f) => MINE.test(f.ruleId));
}

const summary = (findings: Finding[]) => findings.map((f) => `${f.ruleId} ${path.basename(f.file)}`).sort();

test('examples/: what a user reading emqx.conf expects', () => {
  const dir = path.resolve('examples');
  const files: Record<string, string> = {};
  for (const name of ['emqx.conf', 'emqx.service', 'sysctl.conf', 'vm.args']) files[name] = fs.readFileSync(path.join(dir, name), 'utf8');
  const found = mine(files);
  assert.deepEqual(summary(found), [
    'dashboard/default-password emqx.conf',
    'dashboard/exposed-http emqx.conf',
    'dashboard/no-https emqx.conf',
    'mqtt/anonymous-access emqx.conf',
    'mqtt/authz-allow-by-default emqx.conf',
    'mqtt/authz-deny-action-ignore emqx.conf',
    'mqtt/cleartext-listener-exposed emqx.conf', // 0.0.0.0:1883
    'mqtt/cleartext-listener-exposed emqx.conf', // the implicit ws listener
    'mqtt/flapping-detect-disabled emqx.conf',
    'mqtt/force-shutdown-disabled emqx.conf',
    'mqtt/max-packet-size emqx.conf',
    'mqtt/max-topic-levels emqx.conf',
    'mqtt/no-connection-limit emqx.conf',
    'mqtt/no-connection-limit emqx.conf',
    'mqtt/no-connection-limit emqx.conf',
    'mqtt/no-connection-limit emqx.conf',
    'mqtt/no-rate-limit emqx.conf',
    'mqtt/no-rate-limit emqx.conf',
    'mqtt/no-rate-limit emqx.conf',
    'mqtt/no-rate-limit emqx.conf',
    'mqtt/overload-protection-disabled emqx.conf',
  ]);
  // The unit's environment overrides `default_password = public`, so that line is a warning, not an error.
  const password = found.find((f) => f.ruleId === 'dashboard/default-password')!;
  assert.equal(password.severity, 'warning');
  assert.equal(files['emqx.conf'].slice(password.span.start, password.span.end), 'public');
  // No secret is echoed: neither the environment's password nor the default.
  for (const f of found) assert.ok(!f.message.includes('plant-admin-2024') && !/\bpublic\b/.test(f.message), f.message);
});

test('a hardened deployment yields nothing, in 5.x and in 6.x', () => {
  const files = { 'emqx.conf': HARDENED, 'emqx.service': HARDENED_UNIT };
  assert.deepEqual(summary(mine(files, { 'emqx.env': HARDENED_ENV })), []);
  assert.deepEqual(summary(mine(files, { 'emqx.env': HARDENED_ENV }, { emqxVersion: '6' })), []);
  // Without the environment file the dashboard password falls back to EMQX's default.
  assert.deepEqual(summary(mine(files)), ['dashboard/default-password emqx.conf']);
});

test('EMQX 4.4 shipped configuration: emqx.conf and plugin files', () => {
  const v4 = path.resolve('..', 'shared', 'corpus', 'emqx', 'v4.4.19');
  const read = (p: string) => fs.readFileSync(path.join(v4, p), 'utf8');
  const found = mine({
    'etc/emqx.conf': read('etc/emqx.conf'),
    'etc/plugins/emqx_dashboard.conf': read('lib-ce/emqx_dashboard/etc/emqx_dashboard.conf'),
    'etc/plugins/emqx_management.conf': read('apps/emqx_management/etc/emqx_management.conf'),
    'etc/plugins/emqx_auth_mnesia.conf': read('apps/emqx_auth_mnesia/etc/emqx_auth_mnesia.conf'),
  });
  assert.deepEqual(summary(found), [
    'dashboard/default-password emqx_dashboard.conf',
    'dashboard/default-password emqx_management.conf',
    'dashboard/exposed-http emqx_dashboard.conf',
    'dashboard/no-https emqx_dashboard.conf',
    'mqtt/anonymous-access emqx.conf',
    'mqtt/authz-allow-by-default emqx.conf',
    'mqtt/authz-deny-action-ignore emqx.conf',
    'mqtt/cleartext-listener-exposed emqx.conf',
    'mqtt/cleartext-listener-exposed emqx.conf',
    'mqtt/flapping-detect-disabled emqx.conf',
    'mqtt/max-topic-levels emqx.conf',
    'mqtt/weak-password-hash emqx_auth_mnesia.conf',
  ]);
});

test('examples/: applying every safe fix at once leaves valid config and removes those findings', () => {
  const dir = path.resolve('examples');
  const files: Record<string, string> = {};
  for (const name of ['emqx.conf', 'emqx.service']) files[name] = fs.readFileSync(path.join(dir, name), 'utf8');
  const found = mine(files);
  const safe = found.filter((f) => f.fixes.some((x) => x.preferred && x.safe));
  assert.ok(safe.length >= 8, `only ${safe.length} safe fixes`);
  const after = { ...files };
  for (const rel of Object.keys(after)) {
    const edits = safe.flatMap((f) => f.fixes.find((x) => x.preferred && x.safe)!.edits).filter((e) => e.file === `/deploy/${rel}`);
    after[rel] = applyEdits(after[rel], edits);
  }
  const again = mine(after);
  const fixedIds = new Set(safe.map((f) => f.ruleId));
  assert.deepEqual(again.filter((f) => fixedIds.has(f.ruleId)).map((f) => f.message), []);
  const ws = new Workspace();
  ws.set('/deploy/emqx.conf', after['emqx.conf']);
  assert.deepEqual(ws.parse('/deploy/emqx.conf')!.problems, []);
});
