import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSysctl, normalizeSysctlKey, lastSysctlEntry, setValue, insertEntry, removeEntry, sysctlLoadOrder } from '../../../server/src/parsers/sysctl';
import { randomTexts, assertSpansInside, roundTrip, assertChangedOnly, prefixes } from './lineParserHelpers';

// The EMQX tuning guide's kernel block, written as people write it (mixed styles on purpose).
const tuned = [
  '# EMQX tuning',
  'fs.file-max = 2097152',
  'fs.nr_open=2097152',
  '; backlog',
  'net.core.somaxconn = 32768',
  'net.ipv4.tcp_max_syn_backlog = 16384',
  '-net.netfilter.nf_conntrack_max = 1000000',
  'net/ipv4/ip_local_port_range = 1024 65535',
  '  net.ipv4.tcp_syncookies =   1   ',
  '',
].join('\n');
const problemsOf = (t: string) => parseSysctl(t).problems;

test('parses keys, values with spaces, the - prefix, both separators and comments', () => {
  const doc = parseSysctl(tuned);
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(doc.entries.map((e) => [e.normalizedKey, e.value, e.ignoreFailure]), [
    ['fs.file-max', '2097152', false],
    ['fs.nr_open', '2097152', false],
    ['net.core.somaxconn', '32768', false],
    ['net.ipv4.tcp_max_syn_backlog', '16384', false],
    ['net.netfilter.nf_conntrack_max', '1000000', true],
    ['net.ipv4.ip_local_port_range', '1024 65535', false],
    ['net.ipv4.tcp_syncookies', '1', false],
  ]);
  const range = doc.entries[5];
  assert.equal(tuned.slice(range.keySpan.start, range.keySpan.end), 'net/ipv4/ip_local_port_range');
  assert.equal(tuned.slice(range.valueSpan.start, range.valueSpan.end), '1024 65535');
  assert.equal(tuned.slice(doc.entries[4].keySpan.start, doc.entries[4].keySpan.end), 'net.netfilter.nf_conntrack_max');
  assert.deepEqual(doc.comments.map((c) => [c.marker, c.text]), [['#', ' EMQX tuning'], [';', ' backlog']]);
  assert.equal(lastSysctlEntry(doc, 'net/core/somaxconn')?.value, '32768');
});

test('normalizeSysctlKey swaps separators when the first one is a slash', () => {
  assert.equal(normalizeSysctlKey('net/ipv4/conf/eth0.100/rp_filter'), 'net.ipv4.conf.eth0/100.rp_filter');
  assert.equal(normalizeSysctlKey('net.ipv4.conf.eth0/100.rp_filter'), 'net.ipv4.conf.eth0/100.rp_filter');
  assert.equal(normalizeSysctlKey('kernel.pid_max'), 'kernel.pid_max');
});

test('syntax problems are precise', () => {
  const text = 'fs.file-max 2097152\n = 5\nnet.core. somaxconn = 1\n\r\nvm.swappiness =\r\n';
  const doc = parseSysctl(text);
  assert.deepEqual(doc.problems.map((p) => [p.start, p.end, p.code]), [
    [0, 'fs.file-max 2097152'.length, 'sysctl/syntax'],
    [text.indexOf('= 5'), text.indexOf('= 5') + 1, 'sysctl/syntax'],
    [text.indexOf('net.core. '), text.indexOf(' = 1'), 'sysctl/syntax'],
  ]);
  assert.equal(lastSysctlEntry(doc, 'vm.swappiness')?.value, '');
});

test('never throws; spans stay inside the text', () => {
  for (const t of randomTexts(11, 400, 'a./=-#; \n\r\t')) assertSpansInside(parseSysctl(t), t.length);
  for (const p of prefixes(tuned)) assertSpansInside(parseSysctl(p), p.length);
  const huge = 'k = ' + 'v'.repeat(10_000_000) + '\n' + 'no equals sign\n'.repeat(200_000);
  const doc = parseSysctl(huge);
  assert.equal(doc.entries[0].value.length, 10_000_000);
  assert.equal(doc.problems.length, 200_000);
});

test('edits touch only what they name and are idempotent', () => {
  const set = roundTrip(tuned, (t) => setValue(parseSysctl(t), 'net.ipv4.tcp_syncookies', '0'), problemsOf);
  const at = tuned.indexOf('1   \n');
  assertChangedOnly(tuned, set, at, at + 1);
  const slashed = roundTrip(tuned, (t) => setValue(parseSysctl(t), 'net.ipv4.ip_local_port_range', '10000 65000'), problemsOf);
  assert.ok(slashed.includes('net/ipv4/ip_local_port_range = 10000 65000\n'));
  const inserted = roundTrip(tuned, (t) => insertEntry(parseSysctl(t), 'net.core.netdev_max_backlog', '16384'), problemsOf);
  assert.equal(inserted, tuned.replace('32768\n', '32768\nnet.core.netdev_max_backlog = 16384\n'));
  const crlf = roundTrip('fs.file-max=1\r\n', (t) => insertEntry(parseSysctl(t), 'fs.nr_open', '2097152'), problemsOf);
  assert.equal(crlf, 'fs.file-max=1\r\nfs.nr_open=2097152\r\n');
  const removed = roundTrip(tuned + 'net.ipv4.tcp_tw_recycle = 1', (t) => removeEntry(parseSysctl(t), 'net/ipv4/tcp_tw_recycle'), problemsOf);
  assert.equal(removed, tuned.slice(0, -1));
  assert.equal(roundTrip('', (t) => setValue(parseSysctl(t), 'fs.file-max', '2097152'), problemsOf), 'fs.file-max = 2097152\n');
});

test('sysctlLoadOrder merges sysctl.d directories by name, masks, and puts sysctl.conf last', () => {
  const order = sysctlLoadOrder([
    '/etc/sysctl.conf',
    '/usr/lib/sysctl.d/50-default.conf',
    '/usr/lib/sysctl.d/99-emqx.conf',
    '/etc/sysctl.d/99-emqx.conf',
    '/run/sysctl.d/10-early.conf',
    '/lib/sysctl.d/50-default.conf',
    '/etc/sysctl.d/README',
  ]);
  assert.deepEqual(order, ['/run/sysctl.d/10-early.conf', '/usr/lib/sysctl.d/50-default.conf', '/etc/sysctl.d/99-emqx.conf', '/etc/sysctl.conf']);
  assert.deepEqual(sysctlLoadOrder(['deploy/sysctl.conf', 'deploy/sysctl.d/90-b.conf', 'deploy\\sysctl.d\\10-a.conf', 'deploy/usr/lib/sysctl.d/90-b.conf']), [
    'deploy\\sysctl.d\\10-a.conf',
    'deploy/sysctl.d/90-b.conf',
    'deploy/sysctl.conf',
  ]);
});
