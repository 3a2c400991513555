/**
 * Issue 25, "fix and file handling": --fix against the file system. Each reproducer from the issue is a
 * test here. The unwritable-file cases need a user that permissions apply to: run as root, this file runs
 * the CLI in a child process (this same bundle) as `nobody`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../server/src/cli/main';
import { runCli, type CliRun } from './runCli';
import type { Io } from '../../../server/src/cli/io';
import { applyFixes } from '../../../server/src/cli/fix';
import { analyzeWorkspace } from '../../../server/src/engine/engine';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { nodeFileReader } from '../../../server/src/host/fileReader';
import { Workspace } from '../../../server/src/workspace/workspace';
import { readDecodedFile } from '../../../server/src/workspace/discover';
import type { DecodedBytes } from '../../../server/src/workspace/fileBytes';


type Run = CliRun;
const run = runCli;

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

/** The CLI as an unprivileged user: as `nobody` in a child process when the tests run as root. */
function runUnprivileged(args: string[], cwd: string): Run {
  if (!asRoot) return run(args, cwd);
  const r = spawnSync(process.execPath, [__filename], {
    uid: NOBODY,
    gid: NOBODY,
    env: { ...process.env, MQTT_HARDEN_TEST_CLI_CHILD: JSON.stringify({ args, cwd }) },
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqtt-harden-fix-'));
  fs.chmodSync(dir, 0o755);
  return dir;
}

function write(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
}

const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');
const cookieIn = (text: string) => /(?:cookie\s*=\s*"?|-setcookie\s+|EMQX_NODE__COOKIE=)([^"\s]+)/.exec(text)?.[1];
/** Files left behind by an atomic write that did not finish. */
const tempFiles = (dir: string) => fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.includes('.mqtt-harden-'));

/** Only outside the child process, which runs this bundle as the CLI. */
function registerTests(): void {
  test('item 10: a fix in an EnvironmentFile= target is applied to that file, not to an empty text', () => {
    const dir = tempDir();
    const env = '# secrets\nEMQX_NODE__COOKIE=emqxsecretcookie\nEMQX_OTHER=1\n';
    write(dir, {
      'etc/emqx.conf': 'node.name = "emqx@10.0.0.1"\n',
      'emqx.service': '[Service]\nUser=emqx\nEnvironmentFile=/etc/emqx/emqx.env\nExecStart=/usr/bin/emqx foreground\n',
      'etc/emqx.env': env,
    });
    const r = run(['--fix', '--fail-on', 'none', '.'], dir);
    assert.doesNotMatch(r.err, /internal error/);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /fixed etc\/emqx\.env \(1 edit\)/);
    const after = read(dir, 'etc/emqx.env');
    assert.match(after, /^# secrets\nEMQX_NODE__COOKIE=[A-Za-z][A-Za-z0-9]{47}\nEMQX_OTHER=1\n$/);
    assert.doesNotMatch(run(['.'], dir).out, /erlang\/weak-cookie/);
  });

  test('item 11: bytes outside the fixed ranges are written back as they were (an ISO-8859-1 comment keeps its byte)', () => {
    const dir = tempDir();
    // emqx.conf must be UTF-8 for EMQX (a stray byte there is a hocon/syntax error and blocks its fixes); the other files need not be.
    write(dir, {
      'emqx.conf': 'node {\n  name = "emqx@10.0.0.1"\n  cookie = "emqxsecretcookie"\n}\n',
      'vm.args': Buffer.from('# Maintainer: J\xf6rg\n-name emqx@10.0.0.1\n-setcookie emqxsecretcookie\n', 'latin1'),
      'sysctl.conf': Buffer.from('# r\xe9glages du noyau \x80\xff\nnet.ipv4.tcp_syncookies = 0\n# fin \xe9t\xe9\n', 'latin1'),
    });
    const r = run(['--fix', '--fail-on', 'none', '.'], dir);
    assert.doesNotMatch(r.err, /internal error/);
    const vmargs = fs.readFileSync(path.join(dir, 'vm.args'));
    const sysctl = fs.readFileSync(path.join(dir, 'sysctl.conf'));
    for (const bytes of [vmargs, sysctl]) assert.ok(!bytes.includes(Buffer.from([0xef, 0xbf, 0xbd])), 'no U+FFFD written');
    assert.match(vmargs.toString('latin1'), /^# Maintainer: J\xf6rg\n-name emqx@10\.0\.0\.1\n-setcookie [A-Za-z][A-Za-z0-9]{47}\n/);
    assert.ok(sysctl.toString('latin1').startsWith('# r\xe9glages du noyau \x80\xff\nnet.ipv4.tcp_syncookies = 1\n'), sysctl.toString('latin1'));
    assert.ok(sysctl.includes(Buffer.from('\n# fin \xe9t\xe9\n', 'latin1')));
    // Both cookie files got the one cookie, and a second run changes nothing about it.
    assert.equal(cookieIn(read(dir, 'emqx.conf')), cookieIn(vmargs.toString('latin1')));
    const again = run(['--fix', '--dry-run', '--fail-on', 'none', '.'], dir);
    assert.doesNotMatch(again.out, /^[-+].*cookie/m);
  });

  test('item 12: a workspace file that links outside the scanned folder is not written through', () => {
    const outside = tempDir();
    const dir = tempDir();
    const target = path.join(outside, 'sysctl.conf');
    fs.writeFileSync(target, 'net.ipv4.tcp_syncookies = 0\n');
    fs.symlinkSync(target, path.join(dir, 'sysctl.conf'));
    write(dir, { 'emqx.conf': 'node.name = "emqx@10.0.0.1"\n' });
    const r = run(['--fix', '--fail-on', 'none', '.'], dir);
    assert.equal(fs.readFileSync(target, 'utf8'), 'net.ipv4.tcp_syncookies = 0\n', 'the outside file is untouched');
    assert.ok(fs.lstatSync(path.join(dir, 'sysctl.conf')).isSymbolicLink(), 'the link is still a link');
    // The read policy (core/sandbox.ts) refuses the link before anything reads it, so no fix is planned
    // for it at all; applyFixes' own check (realRoots) stays as the second line of defence.
    assert.match(r.out, /sysctl\.conf.*files\/read-refused|files\/read-refused[\s\S]*sysctl\.conf/);
    assert.doesNotMatch(r.out, /tcp_syncookies/, 'nothing of the outside file is shown');
    // A link to a file inside the scanned folder is followed: the real file is fixed, the link kept.
    const inside = tempDir();
    write(inside, { 'emqx.conf': 'node.name = "emqx@10.0.0.1"\n', 'real/sysctl.conf': 'net.ipv4.tcp_syncookies = 0\n' });
    fs.symlinkSync(path.join(inside, 'real', 'sysctl.conf'), path.join(inside, 'sysctl.conf'));
    run(['--fix', '--fail-on', 'none', 'emqx.conf', 'sysctl.conf', 'real'], inside);
    assert.match(read(inside, 'real/sysctl.conf'), /tcp_syncookies = 1/);
    assert.ok(fs.lstatSync(path.join(inside, 'sysctl.conf')).isSymbolicLink());
  });

  test('item 13: with one file unwritable, nothing that shares its cookie changes, the rest is fixed and reported', () => {
    const dir = tempDir();
    write(dir, {
      'emqx.conf': 'node {\n  name = "emqx@10.0.0.1"\n  cookie = "emqxsecretcookie"\n}\n',
      'vm.args': '-name emqx@10.0.0.1\n-setcookie emqxsecretcookie\n',
      'sysctl.conf': 'net.ipv4.tcp_syncookies = 0\n',
    });
    fs.chmodSync(dir, 0o777);
    for (const f of ['emqx.conf', 'sysctl.conf']) fs.chownSync(path.join(dir, f), NOBODY, NOBODY);
    fs.chmodSync(path.join(dir, 'vm.args'), 0o444);
    const r = runUnprivileged(['--fix', '--fail-on', 'none', '.'], dir);
    assert.doesNotMatch(r.err, /internal error/);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /not changed: vm\.args: it is not writable/);
    assert.match(r.err, /skipped 1 fix in emqx\.conf: it also changes a file left unchanged/);
    assert.match(r.err, /fixed sysctl\.conf/);
    assert.equal(cookieIn(read(dir, 'emqx.conf')), 'emqxsecretcookie', 'the cookie stays as it was in emqx.conf');
    assert.equal(cookieIn(read(dir, 'vm.args')), 'emqxsecretcookie');
    assert.match(read(dir, 'sysctl.conf'), /tcp_syncookies = 1/);
    assert.match(r.out, /findings/, 'the findings are still reported');
    assert.deepEqual(tempFiles(dir), []);
  });

  test('item 13: a file is replaced atomically with its mode and owner kept', { skip: !asRoot && 'needs root to give a file another owner' }, () => {
    const dir = tempDir();
    write(dir, { 'emqx.conf': 'node {\n  name = "emqx@10.0.0.1"\n  cookie = "emqxsecretcookie"\n}\n' });
    const file = path.join(dir, 'emqx.conf');
    fs.chmodSync(file, 0o640);
    fs.chownSync(file, NOBODY, 100);
    const inode = fs.statSync(file).ino;
    run(['--fix', '--fail-on', 'none', '.'], dir);
    const st = fs.statSync(file);
    assert.notEqual(cookieIn(read(dir, 'emqx.conf')), 'emqxsecretcookie');
    assert.notEqual(st.ino, inode, 'replaced by rename, not rewritten in place');
    assert.equal(st.mode & 0o777, 0o640);
    assert.equal(st.uid, NOBODY);
    assert.equal(st.gid, 100);
    assert.deepEqual(tempFiles(dir), []);
  });

  test('item 14: two nodes including one shared file get one cookie, and the tool then finds no mismatch', () => {
    const dir = tempDir();
    write(dir, {
      'shared/emqx-cluster.conf': 'node.cookie = "emqxsecretcookie"\n',
      'node1/etc/emqx.conf': 'include "../../shared/emqx-cluster.conf"\nnode.name = "emqx@10.0.0.1"\n',
      'node1/etc/vm.args': '-name emqx@10.0.0.1\n-setcookie emqxsecretcookie\n',
      'node2/etc/emqx.conf': 'include "../../shared/emqx-cluster.conf"\nnode.name = "emqx@10.0.0.2"\n',
      'node2/etc/vm.args': '-name emqx@10.0.0.2\n-setcookie emqxsecretcookie\n',
    });
    run(['--fix', '--fail-on', 'none', '.'], dir);
    const cookies = new Set(['shared/emqx-cluster.conf', 'node1/etc/vm.args', 'node2/etc/vm.args'].map((f) => cookieIn(read(dir, f))));
    assert.equal(cookies.size, 1, [...cookies].join(', '));
    assert.match([...cookies][0]!, /^[A-Za-z][A-Za-z0-9]{47}$/);
    const after = run(['--format', 'json', '--fail-on', 'none', '.'], dir);
    const ids = (JSON.parse(after.out).findings as { ruleId: string }[]).map((f) => f.ruleId);
    assert.ok(!ids.includes('erlang/cookie-mismatch') && !ids.includes('erlang/weak-cookie'), ids.join(' '));
  });

  test('item 14: a shared include outside the deployments\' files is fixed with the same cookie as both nodes', () => {
    const dir = tempDir();
    write(dir, {
      'shared/cluster.conf': 'node.cookie = "emqxsecretcookie"\n',
      'node1/etc/emqx.conf': 'include "../../shared/cluster.conf"\nnode.name = "emqx@10.0.0.1"\n',
      'node1/etc/vm.args': '-name emqx@10.0.0.1\n-setcookie emqxsecretcookie\n',
      'node2/etc/emqx.conf': 'include "../../shared/cluster.conf"\nnode.name = "emqx@10.0.0.2"\n',
      'node2/etc/vm.args': '-name emqx@10.0.0.2\n-setcookie emqxsecretcookie\n',
    });
    const r = run(['--fix', '--fail-on', 'none', '.'], dir);
    assert.match(r.err, /fixed shared\/cluster\.conf \(1 edit\)/);
    const cookies = new Set(['shared/cluster.conf', 'node1/etc/vm.args', 'node2/etc/vm.args'].map((f) => cookieIn(read(dir, f))));
    assert.equal(cookies.size, 1, [...cookies].join(', '));
    assert.doesNotMatch(run(['--fail-on', 'none', '.'], dir).out, /erlang\/(cookie-mismatch|weak-cookie)/);
  });

  test('item 14: nodes that share cluster.static.seeds get one cookie; a later fix reuses the cookie already written', () => {
    const dir = tempDir();
    const conf = (n: number) => `node {\n  name = "emqx@10.0.0.${n}"\n  cookie = "emqxsecretcookie"\n}\ncluster {\n  discovery_strategy = static\n  static.seeds = ["emqx@10.0.0.1", "emqx@10.0.0.2"]\n}\n`;
    write(dir, { 'a/emqx.conf': conf(1), 'b/emqx.conf': conf(2) });
    run(['--fix', '--fail-on', 'none', '.'], dir);
    const first = cookieIn(read(dir, 'a/emqx.conf'));
    assert.match(first!, /^[A-Za-z][A-Za-z0-9]{47}$/);
    assert.equal(cookieIn(read(dir, 'b/emqx.conf')), first);
    // A third node joins with the default cookie: it gets the cluster's, not a new one.
    write(dir, { 'c/emqx.conf': conf(3).replace('["emqx@10.0.0.1"', '["emqx@10.0.0.3", "emqx@10.0.0.1"') });
    run(['--fix', '--fail-on', 'none', '.'], dir);
    assert.equal(cookieIn(read(dir, 'c/emqx.conf')), first);
    assert.equal(cookieIn(read(dir, 'a/emqx.conf')), first);
  });

  test('item 15: a file changed on disk between the scan and the write is skipped with a message, with what shares its cookie', () => {
    const dir = tempDir();
    write(dir, {
      'emqx.conf': 'node {\n  name = "emqx@10.0.0.1"\n  cookie = "emqxsecretcookie"\n}\n',
      'vm.args': '-name emqx@10.0.0.1\n-setcookie emqxsecretcookie\n',
      'sysctl.conf': 'net.ipv4.tcp_syncookies = 0\n',
    });
    // The scan, as cli/scan.ts does it.
    const ws = new Workspace();
    const disk = new Map<string, DecodedBytes>();
    for (const f of ['emqx.conf', 'vm.args', 'sysctl.conf']) {
      const { decoded } = readDecodedFile(path.join(dir, f));
      ws.set(path.join(dir, f), decoded!.text);
      disk.set(path.join(dir, f), decoded!);
    }
    const result = analyzeWorkspace(ws, { ...DEFAULT_SETTINGS, files: [] }, nodeFileReader);
    // Someone edits vm.args meanwhile.
    const edited = '-name emqx@10.0.0.1\n-setcookie emqxsecretcookie\n+P 2097152\n';
    fs.writeFileSync(path.join(dir, 'vm.args'), edited);
    let err = '';
    const outcome = applyFixes({ result, ws, disk, realRoots: [fs.realpathSync(dir)], dryRun: false }, { out: () => {}, err: (t) => (err += t), cwd: dir });
    assert.equal(read(dir, 'vm.args'), edited, 'the edit made after the scan is kept');
    assert.match(err, /not changed: vm\.args: it changed on disk since the scan read it/);
    assert.equal(cookieIn(read(dir, 'emqx.conf')), 'emqxsecretcookie', 'no second cookie in emqx.conf');
    assert.match(read(dir, 'sysctl.conf'), /tcp_syncookies = 1/);
    assert.equal(outcome.unchangedFiles, 1);
  });

  test('item 16: a folder whose name is not valid UTF-8 is reported, and the run exits 2', () => {
    const dir = tempDir();
    write(dir, { 'ok/emqx.conf': 'node.name = "emqx@10.0.0.1"\n' });
    const bad = Buffer.concat([Buffer.from(dir + '/node-'), Buffer.from([0xff, 0xfe])]);
    fs.mkdirSync(bad);
    fs.writeFileSync(Buffer.concat([bad, Buffer.from('/emqx.conf')]), 'node.cookie = "emqxsecretcookie"\n');
    const r = run(['--fail-on', 'none', '.'], dir);
    assert.match(r.err, /cannot read .*node-\\xff\\xfe: its name is not valid UTF-8/);
    assert.equal(r.code, 2);
  });
}

const CHILD = process.env.MQTT_HARDEN_TEST_CLI_CHILD;
if (CHILD) {
  const { args, cwd } = JSON.parse(CHILD) as { args: string[]; cwd: string };
  const io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), cwd };
  process.exitCode = main(args, io);
} else {
  registerTests();
}
