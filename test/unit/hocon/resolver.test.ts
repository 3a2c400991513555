import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHocon, resolveHocon, lookup, toPlain, type ResolvedScalar } from '../../../server/src/parsers/hocon';
import { memoryReader } from './helpers';

const files = {
  '/etc/base.hocon': 'node.cookie = base\nmqtt { max_packet_size = 1MB, max_topic_levels = 128 }\n',
  '/data/configs/cluster.hocon': 'mqtt.max_topic_levels = 64\n',
  '/etc/emqx.conf': 'node {\n  cookie = conf\n  name = "emqx@127.0.0.1"\n}\ninclude "extra.conf"\n',
  '/data/configs/extra.conf': 'rpc.port_discovery = manual\n',
};
const entries = ['/etc/base.hocon', '/data/configs/cluster.hocon', '/etc/emqx.conf'];

test('layers merge in order and every value knows where it was set and what it replaced', () => {
  const r = resolveHocon(entries, memoryReader(files), { dataDir: '/data' });
  assert.deepEqual(r.problems, []);
  const cookie = lookup(r.root, ['node', 'cookie']) as ResolvedScalar;
  assert.equal(cookie.value, 'conf');
  assert.equal(cookie.origin.file, '/etc/emqx.conf');
  assert.equal(files['/etc/emqx.conf'].slice(cookie.origin.span.start, cookie.origin.span.end), 'conf');
  assert.equal(cookie.origin.field?.key.segments.map((s) => s.name).join('.'), 'cookie');
  assert.deepEqual(cookie.overridden.map((o) => o.file), ['/etc/base.hocon']);
  assert.equal(toPlain(lookup(r.root, ['mqtt'])!) && (toPlain(lookup(r.root, ['mqtt'])!) as Record<string, unknown>).max_topic_levels, 64);
  assert.equal((lookup(r.root, ['rpc', 'port_discovery']) as ResolvedScalar).origin.file, '/data/configs/extra.conf');
  assert.deepEqual([...r.documents.keys()].sort(), [...Object.keys(files)].sort());
});

test('EMQX_* environment variables are the top layer', () => {
  const env = {
    EMQX_NODE__COOKIE: 'from-env',
    EMQX_MQTT__MAX_PACKET_SIZE: '2MB',
    EMQX_LISTENERS__TCP__DEFAULT__BIND: '0.0.0.0:1883',
    EMQX_LISTENERS__SSL__DEFAULT: '{ bind = "127.0.0.1:8883" }',
    EMQX_NODE_NAME: 'ignored: not a config path',
    PATH: '/bin',
  };
  const r = resolveHocon(entries, memoryReader(files), { env, dataDir: '/data' });
  const cookie = lookup(r.root, ['node', 'cookie']) as ResolvedScalar;
  assert.equal(cookie.value, 'from-env');
  assert.equal(cookie.origin.file, 'env:EMQX_NODE__COOKIE');
  assert.equal(cookie.origin.env, 'EMQX_NODE__COOKIE');
  assert.deepEqual(cookie.overridden.map((o) => o.file), ['/etc/base.hocon', '/etc/emqx.conf']);
  const plain = toPlain(r.root) as Record<string, Record<string, unknown>>;
  assert.equal(plain.mqtt.max_packet_size, '2MB');
  assert.deepEqual(plain.listeners, { tcp: { default: { bind: '0.0.0.0:1883' } }, ssl: { default: { bind: '127.0.0.1:8883' } } });
  assert.equal(plain.node_name, undefined);
});

test('substitutions: forward references, self-reference, optional, unresolved, cycles', () => {
  const text = [
    'a = ${b}', 'b = 1', 'path = "x"', 'path = ${path}"/y"', 'o = { p = 1 }', 'o = ${o} { q = 2 }',
    'opt = ${?missing}', 'keep = 1', 'keep = ${?missing}', 'dir = "${EMQX_ETC_DIR}/certs"', 'bad = ${nowhere}',
    'c1 = ${c2}', 'c2 = ${c1}',
  ].join('\n');
  const r = resolveHocon(['/x.conf'], memoryReader({ '/x.conf': text }));
  const plain = toPlain(r.root) as Record<string, unknown>;
  assert.equal(plain.a, 1);
  assert.equal(plain.path, 'x/y');
  assert.deepEqual(plain.o, { p: 1, q: 2 });
  assert.equal('opt' in plain, false);
  assert.equal(plain.keep, 1);
  assert.equal(plain.dir, '${EMQX_ETC_DIR}/certs');
  const unresolved = r.problems.filter((p) => p.code === 'hocon/unresolved-substitution');
  assert.ok(unresolved.some((p) => text.slice(p.start, p.end) === '${nowhere}'));
  assert.ok(unresolved.length >= 2); // nowhere, and the c1/c2 cycle
  assert.ok(unresolved.every((p) => p.file === '/x.conf'));
});

test('cached documents are reused instead of reading again', () => {
  const doc = parseHocon('a = 1\n');
  let reads = 0;
  const r = resolveHocon(['/a.conf'], { read: () => { reads++; return 'a = 2'; } }, { documents: new Map([['/a.conf', doc]]) });
  assert.equal(reads, 0);
  assert.equal(r.documents.get('/a.conf'), doc);
  assert.deepEqual(toPlain(r.root), { a: 1 });
});

test('include cycles, missing includes and throwing readers never throw', () => {
  const r = resolveHocon(['/a.conf'], memoryReader({ '/a.conf': 'include "b.conf"\nx = 1', '/b.conf': 'include "a.conf"\ny = 2' }));
  assert.ok(r.problems.some((p) => p.code === 'hocon/include-cycle' && p.file === '/b.conf'));
  assert.deepEqual(toPlain(r.root), { y: 2, x: 1 });
  const t = resolveHocon(['/a.conf'], { read: () => { throw new Error('EIO'); } });
  assert.deepEqual(toPlain(t.root), {});
  const deep: Record<string, string> = {};
  for (let i = 0; i < 100; i++) deep[`/f${i}.conf`] = `include "f${i + 1}.conf"\nv${i} = ${i}`;
  const d = resolveHocon(['/f0.conf'], memoryReader(deep));
  assert.ok(d.problems.length > 0);
});

test('includes inside a block: substitutions look in the block first', () => {
  const r = resolveHocon(['/m.conf'], memoryReader({
    '/m.conf': 'bar = root\nfoo {\n  include "inc.conf"\n}\n',
    '/inc.conf': 'x = 1\na = ${x}\nb = ${bar}\n',
  }));
  assert.deepEqual(r.problems, []);
  assert.deepEqual(toPlain(r.root), { bar: 'root', foo: { x: 1, a: 1, b: 'root' } });
});
