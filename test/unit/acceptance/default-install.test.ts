// Acceptance: what a fresh EMQX package install (its etc/ and service unit, rendered the way the packaging
// renders them) looks like to the engine. The expected findings are written from design/facts.md and
// rules.md, one line of reasoning each; the test pins the whole set, so a rule that starts or stops firing
// on a default install shows up here.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultInstallFiles, writeTemp, type ShippedVersion } from './defaultInstall';
import { Workspace } from '../../../server/src/workspace/workspace';
import { classifyPath } from '../../../server/src/workspace/fileKinds';
import { analyzeWorkspace } from '../../../server/src/engine/engine';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { nodeFileReader } from '../../../server/src/host/fileReader';
import { parseFile } from '../../../server/src/parsers';
import type { Finding } from '../../../server/src/rules/types';

const temps: string[] = [];
after(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes the install to a temp folder with the modes a deb/rpm gives etc/ files (0644) and analyzes it from disk. */
function scanInstall(version: ShippedVersion): { dir: string; files: Record<string, string>; findings: Finding[] } {
  const files = defaultInstallFiles(version);
  const dir = writeTemp(`mqtt-harden-${version}-`, files);
  temps.push(dir);
  const ws = new Workspace();
  for (const [rel, text] of Object.entries(files)) {
    fs.chmodSync(path.join(dir, rel), 0o644);
    assert.ok(ws.set(path.join(dir, rel), text), `${rel} is not a file kind the engine reads`);
  }
  const findings = analyzeWorkspace(ws, { ...DEFAULT_SETTINGS, rules: {}, files: [] }, nodeFileReader).findings;
  return { dir, files, findings };
}

function counts(findings: Finding[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of [...findings].sort((a, b) => a.ruleId.localeCompare(b.ruleId))) out[f.ruleId] = (out[f.ruleId] ?? 0) + 1;
  return out;
}

function sorted(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** Findings that mean the engine could not read the install: parse errors, schema errors, crashes. */
const BROKEN = /\/syntax$|^hocon\/|^emqx\/(unknown-key|invalid-value|unrendered-template)$|^internal\//;

function assertReadable(files: Record<string, string>, dir: string, findings: Finding[]): void {
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(dir, rel);
    const parsed = parseFile(file, text, classifyPath(file)!);
    assert.deepEqual(parsed?.problems.map((p) => `${p.code}: ${p.message}`), [], `${rel} parses without problems`);
  }
  assert.deepEqual(findings.filter((f) => BROKEN.test(f.ruleId)).map((f) => `${f.ruleId}: ${f.message}`), [], 'no parse, schema or internal error');
}

function messagesOf(findings: Finding[], ruleId: string): string[] {
  return findings.filter((f) => f.ruleId === ruleId).map((f) => f.message);
}

/** What every 5.x/6.x package install shows (facts.md "Defaults" and "Service unit"). */
const HOCON_INSTALL: Record<string, number> = {
  // node.cookie is rendered to the build's public default cookie.
  'erlang/weak-cookie': 1,
  // ...and etc/emqx.conf, which holds it, is 0644 like every file a package puts in /etc/emqx.
  'files/secret-permissions': 1,
  // vm.args.cloud pins no distribution interface.
  'erlang/dist-interface-unbound': 1,
  // cluster.discovery_strategy = manual counts as clustered; proto_dist and rpc.protocol keep their cleartext defaults.
  'erlang/dist-cleartext': 1,
  'erlang/rpc-cleartext': 1,
  // rpc.listen_address defaults to 0.0.0.0.
  'erlang/rpc-listen-all': 1,
  // The implicit listeners.tcp.default (0.0.0.0:1883) and listeners.ws.default (0.0.0.0:8083).
  'mqtt/cleartext-listener-exposed': 2,
  // The implicit ssl and wss listeners present the bundled demo certificate.
  'tls/default-certificate': 2,
  // The implicit ssl listener is exposed and staples no OCSP response (wss has no OCSP in EMQX).
  'tls/ocsp-disabled': 1,
  // No authentication configured: anonymous clients connect.
  'mqtt/anonymous-access': 1,
  // deny_action defaults to ignore.
  'mqtt/authz-deny-action-ignore': 1,
  // max_topic_levels 128, max_connections infinity and no rate limits on the four exposed listeners.
  'mqtt/max-topic-levels': 1,
  'mqtt/no-connection-limit': 4,
  'mqtt/no-rate-limit': 4,
  // flapping_detect and overload_protection are off by default.
  'mqtt/flapping-detect-disabled': 1,
  'mqtt/overload-protection-disabled': 1,
  // default_password is `public`; http.bind = 18083 (every interface) is shipped; https has no bind, so it is off.
  'dashboard/default-password': 1,
  'dashboard/exposed-http': 1,
  'dashboard/no-https': 1,
  // deploy/packages/emqx.service: User=emqx and LimitNOFILE=1048576, but no sandboxing.
  'systemd/no-sandboxing': 1,
};

test('EMQX 5.8.9 default install: default cookie, exposed 1883, public dashboard password, anonymous access, allow by default', () => {
  const { dir, files, findings } = scanInstall('v5.8.9');
  assert.match(files['etc/emqx.conf'], /^ {2}cookie = "emqxsecretcookie"$/m, 'rebar builds render emqxsecretcookie');
  assert.match(files['etc/emqx.conf'], /^ {2}data_dir = "\/var\/lib\/emqx"$/m);
  assertReadable(files, dir, findings);
  // 5.x: authorization.no_match defaults to allow.
  assert.deepEqual(counts(findings), sorted({ ...HOCON_INSTALL, 'mqtt/authz-allow-by-default': 1 }));
  assert.match(messagesOf(findings, 'erlang/weak-cookie')[0], /publicly known default/);
  assert.deepEqual(messagesOf(findings, 'mqtt/cleartext-listener-exposed').map((m) => /^listeners\.\w+\.default binds "0\.0\.0\.0:(\d+)"/.exec(m)?.[1]), ['1883', '8083']);
  assert.ok(findings.every((f) => f.file.startsWith(dir + path.sep)));
});

test('EMQX 6.2.2 default install: as 5.x, but authorization denies by default and the audit log is available', () => {
  const { dir, files, findings } = scanInstall('6.2.2');
  assert.match(files['etc/emqx.conf'], /^ {2}cookie = "emqx50elixir"$/m, 'mix builds render emqx50elixir');
  assertReadable(files, dir, findings);
  // 6.0 changed authorization.no_match to deny (facts.md): no authz-allow-by-default.
  // Every 6.x build has the audit log, off by default.
  assert.deepEqual(counts(findings), sorted({ ...HOCON_INSTALL, 'log/audit-disabled': 1 }));
  // 6.2 ships the dashboard listener block in base.hocon, so the dashboard findings point there.
  for (const id of ['dashboard/exposed-http', 'dashboard/no-https']) {
    assert.deepEqual(findings.filter((f) => f.ruleId === id).map((f) => path.basename(f.file)), ['base.hocon'], id);
  }
});

test('EMQX 4.4.19 default install: flat emqx.conf, plugin configs with public credentials, weak TLS defaults', () => {
  const { dir, files, findings } = scanInstall('v4.4.19');
  assert.match(files['etc/emqx.conf'], /^node\.data_dir = \/var\/lib\/emqx$/m);
  assertReadable(files, dir, findings);
  assert.deepEqual(
    counts(findings),
    sorted({
      // node.cookie = emqxsecretcookie in etc/emqx.conf (0644).
      'erlang/weak-cookie': 1,
      'files/secret-permissions': 1,
      // cluster.proto_dist = inet_tcp with discovery manual; node.dist_use_interface = 0.0.0.0.
      'erlang/dist-cleartext': 1,
      'erlang/dist-interface-unbound': 1,
      // node.dist_listen_min/max = 6369, but since 4.3 ekka derives the port from the name (4370 + N).
      'ports/dist-port-mismatch': 2,
      // gen_rpc listens on every interface.
      'erlang/rpc-listen-all': 1,
      // allow_anonymous = true, acl_nomatch = allow, acl_deny_action = ignore.
      'mqtt/anonymous-access': 1,
      'mqtt/authz-allow-by-default': 1,
      'mqtt/authz-deny-action-ignore': 1,
      // mqtt.max_topic_levels = 128; zone.external.enable_flapping_detect = off.
      'mqtt/max-topic-levels': 1,
      'mqtt/flapping-detect-disabled': 1,
      // listener.tcp.external = 0.0.0.0:1883 and listener.ws.external = 8083.
      'mqtt/cleartext-listener-exposed': 2,
      // ssl and wss external: no tls_versions (4.x offers TLS 1.0/1.1 too), CBC/3DES ciphers, demo certificate.
      'tls/legacy-version': 2,
      'tls/weak-cipher': 2,
      'tls/default-certificate': 2,
      'tls/ocsp-disabled': 1,
      // etc/plugins/emqx_dashboard.conf and emqx_management.conf keep `public`.
      'dashboard/default-password': 2,
      'dashboard/exposed-http': 1,
      'dashboard/no-https': 1,
      // max_connections of tcp external+internal, ssl, ws, wss add up to 2,355,200 > LimitNOFILE=1048576.
      'cross/connections-exceed-nofile': 1,
      'systemd/no-sandboxing': 1,
    }),
  );
  assert.deepEqual(
    findings.filter((f) => f.ruleId === 'dashboard/default-password').map((f) => path.basename(f.file)),
    ['emqx_dashboard.conf', 'emqx_management.conf'],
  );
});
