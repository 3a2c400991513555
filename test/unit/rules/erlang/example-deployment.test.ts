/**
 * The erlang/* and ports/* rules over whole deployments: the example folder (what a user sees on
 * `npm start`), the same deployment hardened, and the example after applying every quick fix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findingsOf } from '../ruleTester';
import { applyEdits } from '../../../../server/src/core/text';
import { fillSecrets } from '../../../../server/src/core/secrets';
import { ERLANG_RULES } from '../../../../server/src/rules/erlang';
import { PORTS_RULES } from '../../../../server/src/rules/ports';

const OURS = new Set([...ERLANG_RULES, ...PORTS_RULES].map((r) => r.id));
const EXAMPLE_FILES = ['emqx.conf', 'vm.args', 'sysctl.conf', 'emqx.service'];

function example(): Record<string, string> {
  return Object.fromEntries(EXAMPLE_FILES.map((f) => [f, fs.readFileSync(path.resolve('examples', f), 'utf8')]));
}

function ours(files: Record<string, string>) {
  return findingsOf(undefined, { name: 'deployment', files }).filter((f) => OURS.has(f.ruleId));
}

function lineOf(files: Record<string, string>, file: string, offset: number): number {
  return files[file.slice('/deploy/'.length)].slice(0, offset).split('\n').length;
}

test('the example deployment: cookies disagree, nothing is pinned or encrypted, the vm.args port range is wrong', () => {
  const files = example();
  const got = ours(files).map((f) => `${f.ruleId} ${path.basename(f.file)}:${lineOf(files, f.file, f.span.start)}`);
  assert.deepEqual(got.sort(), [
    'erlang/cookie-mismatch emqx.conf:6',
    'erlang/cookie-mismatch vm.args:3',
    'erlang/dist-cleartext emqx.conf:10',
    'erlang/dist-interface-unbound vm.args:2',
    'erlang/rpc-cleartext emqx.conf:16',
    'erlang/rpc-listen-all emqx.conf:16',
    'erlang/weak-cookie emqx.conf:6',
    'erlang/weak-cookie vm.args:3',
    'ports/dist-port-mismatch vm.args:10',
    'ports/dist-port-mismatch vm.args:11',
  ]);
});

const HARDENED: Record<string, string> = {
  'emqx.conf': [
    'node {',
    '  name = "emqx1@10.0.1.5"',
    '  cookie = "Vb7TqkL2mXw9RzH4pNc8sJd3FgY6aKe5Q1uBnZrWtMhx0oPi"',
    '}',
    'cluster {',
    '  name = plant-telemetry',
    '  discovery_strategy = static',
    '  static.seeds = ["emqx1@10.0.1.5", "emqx2@10.0.1.6", "emqx3@10.0.1.7"]',
    '  proto_dist = inet_tls',
    '}',
    'rpc {',
    '  port_discovery = stateless',
    '  protocol = ssl',
    '  certfile = "/etc/emqx/certs/rpc/node-cert.pem"',
    '  keyfile = "/etc/emqx/certs/rpc/node-key.pem"',
    '  cacertfile = "/etc/emqx/certs/rpc/ca.pem"',
    '  listen_address = "10.0.1.5"',
    '}',
    'listeners.tcp.default.bind = "127.0.0.1:1883"',
    'listeners.ssl.default.bind = "0.0.0.0:8883"',
    'dashboard.listeners.http.bind = "127.0.0.1:18083"',
    '',
  ].join('\n'),
  'vm.args': '-name emqx1@10.0.1.5\n+P 2097152\n-kernel inet_dist_use_interface {10,0,1,5}\n-kernel inet_dist_listen_min 4371\n-kernel inet_dist_listen_max 4371\n',
  'emqx.service': '[Service]\nUser=emqx\nExecStart=/opt/emqx/bin/emqx foreground\n',
};

test('the hardened deployment draws no erlang/* or ports/* finding', () => {
  assert.deepEqual(ours(HARDENED).map((f) => `${f.ruleId}: ${f.message}`), []);
});

test('a 4.x deployment hardened the 4.x way draws none either', () => {
  const files = {
    'emqx.conf': [
      'node.name = emqx1@10.0.1.5',
      'node.cookie = Vb7TqkL2mXw9RzH4pNc8sJd3FgY6aKe5Q1uBnZrWtMhx0oPi',
      'node.dist_use_interface = 10.0.1.5',
      'cluster.discovery = static',
      'cluster.static.seeds = emqx1@10.0.1.5,emqx2@10.0.1.6',
      'cluster.proto_dist = inet_tls',
      'rpc.tcp_server_ip = 10.0.1.5',
      'listener.tcp.internal = 127.0.0.1:11883',
      'listener.ssl.external = 0.0.0.0:8883',
      'dashboard.listener.http = 127.0.0.1:18083',
      '',
    ].join('\n'),
  };
  assert.deepEqual(ours(files).map((f) => `${f.ruleId}: ${f.message}`), []);
});

test('applying every quick fix, one at a time, leaves only what needs a person', () => {
  let files = example();
  for (let round = 0; round < 30; round++) {
    const next = ours(files).find((f) => f.fixes.some((x) => x.preferred));
    if (!next) break;
    const fix = next.fixes.find((x) => x.preferred)!;
    const after = { ...files };
    // Secrets are generated when a fix is applied, as the editor and --fix do.
    const filled = fillSecrets(fix.edits);
    for (const rel of Object.keys(after)) {
      const edits = filled.filter((e) => e.file === `/deploy/${rel}`);
      if (edits.length) after[rel] = applyEdits(after[rel], edits);
    }
    assert.notDeepEqual(after, files, `the fix "${fix.title}" changed nothing`);
    files = after;
  }
  // The weak-cookie fix writes one fresh cookie everywhere, which also ends the mismatch.
  assert.deepEqual(ours(files).map((f) => f.ruleId), []);
  assert.match(files['vm.args'], /^-kernel inet_dist_use_interface \{10,0,1,5\}$/m);
  assert.match(files['vm.args'], /^-kernel inet_dist_listen_min 4371$/m);
  assert.match(files['emqx.conf'], /proto_dist = inet_tls/);
  assert.match(files['emqx.conf'], /listen_address = "10\.0\.1\.5"/);
  assert.match(files['emqx.conf'], /cacertfile = "\/etc\/emqx\/certs\/rpc\/ca\.pem"/);
  // Everything that was fixed still parses.
  assert.deepEqual(findingsOf(undefined, { name: 'after', files }).filter((f) => f.ruleId.startsWith('hocon/') || f.ruleId.startsWith('vmargs/')), []);
});
