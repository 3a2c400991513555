// Acceptance: a deployment with every protection on (test/fixtures/hardened, see its README) passes the CLI
// with no error and no warning. It runs from a temp copy, because file modes matter to
// files/secret-permissions and git does not keep them.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readTree, writeTemp } from './defaultInstall';
import { main } from '../../../server/src/cli/main';
import type { Io } from '../../../server/src/cli/io';

const FIXTURE = path.resolve('test', 'fixtures', 'hardened');
/** Files that hold secrets: the EnvironmentFile with the cookie and the dashboard's initial password. */
const SECRET_FILES = ['emqx.env'];

const temps: string[] = [];
after(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

function copyFixture(change?: (files: Record<string, string>) => void): string {
  const files = readTree(FIXTURE);
  change?.(files);
  const dir = writeTemp('mqtt-harden-hardened-', files);
  temps.push(dir);
  for (const rel of Object.keys(files)) fs.chmodSync(path.join(dir, rel), SECRET_FILES.includes(rel) ? 0o600 : 0o644);
  return dir;
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  range: { startLine: number };
}

function scan(dir: string, args: string[] = ['--severity', 'warning', '--format', 'json', '.']): { code: number; findings: JsonFinding[]; err: string } {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t), err: (t) => (err += t), cwd: dir };
  const code = main(args, io);
  return { code, findings: (JSON.parse(out) as { findings: JsonFinding[] }).findings, err };
}

const describe = (f: JsonFinding) => `${f.severity} ${f.ruleId} ${f.file}:${f.range.startLine}: ${f.message}`;

test('the hardened deployment has no error and no warning (CLI, --severity warning --format json)', () => {
  const dir = copyFixture();
  const r = scan(dir);
  assert.equal(r.err, '', 'every file is read; nothing is skipped');
  assert.deepEqual(r.findings.map(describe), []);
  assert.equal(r.code, 0);
});

test('the hardened deployment has no information or hint finding either', () => {
  const r = scan(copyFixture(), ['--severity', 'hint', '--format', 'json', '.']);
  assert.deepEqual(r.findings.map(describe), []);
});

// The fixture is only evidence if the engine really reads every part of it: each of these one-line
// weakenings must be caught.
const WEAKENED: { name: string; change(files: Record<string, string>): void; ruleId: string }[] = [
  {
    name: 'the env file left readable by everyone',
    change: () => undefined,
    ruleId: 'files/secret-permissions',
  },
  {
    name: 'a default cookie in the env file',
    change: (f) => (f['emqx.env'] = f['emqx.env'].replace(/^EMQX_NODE__COOKIE=.*$/m, 'EMQX_NODE__COOKIE=emqxsecretcookie')),
    ruleId: 'erlang/weak-cookie',
  },
  {
    name: 'the public dashboard password in the env file',
    change: (f) => (f['emqx.env'] = f['emqx.env'].replace(/^EMQX_DASHBOARD__DEFAULT_PASSWORD=.*$/m, 'EMQX_DASHBOARD__DEFAULT_PASSWORD=public')),
    ruleId: 'dashboard/default-password',
  },
  {
    name: 'the drop-in limit lowered',
    change: (f) => (f['emqx.service.d/limits.conf'] = f['emqx.service.d/limits.conf'].replace('LimitNOFILE=2097152', 'LimitNOFILE=65536')),
    ruleId: 'systemd/limit-nofile-low',
  },
  {
    name: 'the distribution interface unpinned in vm.args',
    change: (f) => (f['etc/vm.args'] = f['etc/vm.args'].replace('{10,0,1,5}', '{0,0,0,0}')),
    ruleId: 'erlang/dist-interface-unbound',
  },
  {
    name: 'fs.nr_open lowered in sysctl.d',
    change: (f) => (f['sysctl.d/99-emqx.conf'] = f['sysctl.d/99-emqx.conf'].replace('fs.nr_open = 2097152', 'fs.nr_open = 1048576')),
    ruleId: 'sysctl/nr-open-low',
  },
  {
    name: 'limits.d lowered',
    change: (f) => (f['limits.d/emqx.conf'] = f['limits.d/emqx.conf'].replace(/hard {4}nofile {3}2097152/, 'hard    nofile   4096')),
    ruleId: 'limits/nofile-low',
  },
  {
    name: 'client certificates no longer required',
    change: (f) => (f['etc/emqx.conf'] = f['etc/emqx.conf'].replace('fail_if_no_peer_cert = true', 'fail_if_no_peer_cert = false')),
    ruleId: 'tls/peer-cert-not-required',
  },
];

for (const w of WEAKENED) {
  test(`the fixture weakened (${w.name}) is caught by ${w.ruleId}`, () => {
    const dir = copyFixture(w.change);
    if (w.ruleId === 'files/secret-permissions') fs.chmodSync(path.join(dir, 'emqx.env'), 0o644);
    const r = scan(dir);
    assert.ok(r.findings.some((f) => f.ruleId === w.ruleId), `expected ${w.ruleId}, got: ${r.findings.map(describe).join(' | ') || 'nothing'}`);
    assert.equal(r.code, 1);
  });
}
