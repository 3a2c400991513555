import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadDeployment, modelOf } from './modelHarness';

const CORPUS_44 = path.resolve('..', 'shared', 'corpus', 'emqx', 'v4.4.19', 'etc');

test('4.4.19 as shipped: version 4, listeners from listener.<type>.<name>, TLS from listener.ssl.external.*', () => {
  const { model, where } = loadDeployment(CORPUS_44);
  assert.equal(model.version, '4');
  assert.equal(model.emqx?.format, 'emqx4');
  // The corpus keeps the cloud and edge vm.args templates beside emqx.conf; neither sets a name or cookie.
  assert.deepEqual(model.vmargs.map((f) => path.relative(CORPUS_44, f.file)), ['emqx_cloud/vm.args', 'emqx_edge/vm.args']);
  assert.equal(model.node.name?.value, 'emqx@127.0.0.1');
  assert.deepEqual(model.node.cookies.map((c) => [c.value, c.source, where(c.origin)]), [['emqxsecretcookie', 'emqx.conf', 'emqx.conf:197']]);
  assert.deepEqual(
    model.listeners.map((l) => [l.path.join('.'), l.type, l.bind.value, l.address, l.port, l.exposed, where(l.bind.origin)]),
    [
      ['listener.tcp.external', 'tcp', '0.0.0.0:1883', '0.0.0.0', 1883, true, 'emqx.conf:1239'],
      ['listener.tcp.internal', 'tcp', '127.0.0.1:11883', '127.0.0.1', 11883, false, 'emqx.conf:1379'],
      ['listener.ssl.external', 'ssl', '8883', '0.0.0.0', 8883, true, 'emqx.conf:1476'],
      ['listener.ws.external', 'ws', '8083', '0.0.0.0', 8083, true, 'emqx.conf:1848'],
      ['listener.wss.external', 'wss', '8084', '0.0.0.0', 8084, true, 'emqx.conf:2115'],
    ],
  );
  const ssl = model.tls.find((t) => t.owner === 'listener.ssl.external')!;
  // tls_versions is commented out in the shipped file: 4.x offers every version.
  const versions = ssl.option('versions')!;
  assert.deepEqual([versions.value, versions.explicit], [['tlsv1.3', 'tlsv1.2', 'tlsv1.1', 'tlsv1'], false]);
  assert.deepEqual(ssl.optionPath('versions'), ['listener', 'ssl', 'external', 'tls_versions']);
  const ciphers = ssl.option('ciphers')!;
  assert.equal(ciphers.explicit, true);
  assert.equal(where(ciphers.origin), 'emqx.conf:1674');
  assert.ok((ciphers.value as string[]).includes('ECDHE-ECDSA-DES-CBC3-SHA'), 'the shipped list keeps a 3DES suite');
  assert.deepEqual([ssl.option('keyfile')?.value, where(ssl.option('keyfile')?.origin)], ['{{ platform_etc_dir }}/certs/key.pem', 'emqx.conf:1555']);
  assert.deepEqual([ssl.option('fail_if_no_peer_cert')?.value, ssl.option('fail_if_no_peer_cert')?.explicit], [false, false]);
});

test('4.x fixture: cookies from emqx.conf, the unit\'s EMQX_NODE_COOKIE and vm.args; explicit TLS options normalized', () => {
  const folder = path.resolve('test/fixtures/emqx4');
  const { model, where, text } = loadDeployment(folder);
  assert.deepEqual([model.version, model.versionSource], ['4', 'detected']);
  assert.deepEqual(model.node.cookies.map((c) => [c.value, c.source, where(c.origin), text(c.origin)]), [
    ['emqx4-conf-cookie-a9f2', 'emqx.conf', 'etc/emqx.conf:3', 'emqx4-conf-cookie-a9f2'],
    ['env-cookie-77d3', 'env', 'emqx.service:3', 'env-cookie-77d3'],
    ['vmargs-cookie-51c0', 'vm.args', 'etc/vm.args:2', 'vmargs-cookie-51c0'],
  ]);
  assert.equal(model.node.cookies[1].origin.env, 'EMQX_NODE_COOKIE');
  assert.deepEqual([model.node.name?.value, model.node.distPort, model.node.rpcPort], ['emqx2@192.168.1.20', 4372, 5372]);
  const packet = model.emqx!.get(['mqtt', 'max_packet_size'])!;
  assert.deepEqual([packet.value, where(packet.origin), packet.overridden.map(where)], ['4MB', 'etc/emqx.conf:7', ['etc/emqx.conf:6']]);
  assert.deepEqual(model.listeners.map((l) => l.path.join('.')), ['listener.tcp.external', 'listener.tcp.internal', 'listener.ssl.external', 'listener.ws.external']);
  assert.deepEqual(model.tls.map((t) => t.owner), ['listener.ssl.external']);
  const ssl = model.tls[0];
  const opt = (name: Parameters<typeof ssl.option>[0]) => {
    const f = ssl.option(name)!;
    return [f.value, f.explicit, f.explicit ? where(f.origin) : undefined];
  };
  assert.deepEqual(opt('versions'), [['tlsv1.2', 'tlsv1.1'], true, 'etc/emqx.conf:17']);
  assert.deepEqual(opt('verify'), ['verify_peer', true, 'etc/emqx.conf:18']);
  assert.deepEqual(opt('fail_if_no_peer_cert'), [true, true, 'etc/emqx.conf:19']);
  assert.deepEqual(opt('ciphers'), [['ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384'], true, 'etc/emqx.conf:20']);
  assert.deepEqual(opt('depth'), [10, false, undefined]);
  assert.equal(ssl.option('certfile')?.value, 'etc/certs/cert.pem');
});

test('6.x markers: the mix-build cookie, node.dist_bind_address or durable_storage detect version 6', () => {
  const version = (conf: string) => modelOf({ '/d/etc/emqx.conf': conf }).model.version;
  assert.equal(version('node.cookie = emqx50elixir\n'), '6');
  assert.equal(version('node { name = "emqx@10.0.0.1", dist_bind_address = "10.0.0.1" }\n'), '6');
  assert.equal(version('durable_storage.messages.backend = builtin_raft\n'), '6');
  assert.equal(version('node.cookie = emqxsecretcookie\n'), '5');
  assert.equal(version('listeners.tcp.default.bind = "0.0.0.0:1883"\n'), '5');
  // The marker may come from the environment too.
  const fromEnv = modelOf({
    '/d/etc/emqx.conf': 'node.name = "emqx@10.0.0.1"\n',
    '/d/emqx.service': '[Service]\nEnvironment=EMQX_NODE__COOKIE=emqx50elixir\nExecStart=/usr/bin/emqx foreground\n',
  }).model;
  assert.equal(fromEnv.version, '6');
});

test('6.x hardened profile: implicit listeners bind to loopback', () => {
  const { model } = modelOf({
    '/d/etc/emqx.conf': 'node.cookie = emqx50elixir\n',
    '/d/emqx.service': '[Service]\nEnvironment=EMQX_SECURITY_PROFILE=hardened\nExecStart=/usr/bin/emqx foreground\n',
  });
  assert.equal(model.version, '6');
  assert.deepEqual(model.listeners.map((l) => [l.type, l.address, l.exposed]), [['tcp', '127.0.0.1', false], ['ssl', '127.0.0.1', false], ['ws', '127.0.0.1', false], ['wss', '127.0.0.1', false], ['http', '127.0.0.1', false]]);
});

test('settings.emqxVersion pins the version over what the files say, and the defaults follow it', () => {
  const files = { '/d/etc/emqx.conf': 'node.cookie = emqx50elixir\n' };
  const detected = modelOf(files).model;
  assert.deepEqual([detected.version, detected.versionSource], ['6', 'detected']);
  const pinned = modelOf(files, { emqxVersion: '5.0' }).model;
  assert.deepEqual([pinned.version, pinned.versionSource], ['5.0', 'setting']);
  // 5.0.x offered TLS 1.1 and 1.0 by default; 5.1+ does not.
  const wss = (m: typeof pinned) => m.tls.find((t) => t.owner === 'listeners.wss.default')!.option('versions')!.value;
  assert.deepEqual(wss(pinned), ['tlsv1.3', 'tlsv1.2', 'tlsv1.1', 'tlsv1']);
  assert.deepEqual(wss(detected), ['tlsv1.3', 'tlsv1.2']);
  const auto = modelOf(files, { emqxVersion: 'auto' }).model;
  assert.equal(auto.version, '6');
});

test('the implicit default listener of a type exists only while the config names no listener of that type', async () => {
  const { findingsOf } = await import('../rules/ruleTester');
  const { Workspace } = await import('../../../server/src/workspace/workspace');
  const { analyzeWorkspace } = await import('../../../server/src/engine/engine');
  const { DEFAULT_SETTINGS } = await import('../../../server/src/core/settings');
  void findingsOf;
  const ws = new Workspace();
  ws.set('/d/emqx.conf', 'listeners.tcp.internal.bind = "127.0.0.1:11883"\n');
  const model = analyzeWorkspace(ws, DEFAULT_SETTINGS, { read: () => undefined }).models[0];
  const names = model.listeners.filter((l) => l.kind === 'mqtt').map((l) => `${l.type}.${l.name}${l.explicit ? '' : ' (implicit)'}`);
  assert.deepEqual(names, ['tcp.internal', 'ssl.default (implicit)', 'ws.default (implicit)', 'wss.default (implicit)']);
});
