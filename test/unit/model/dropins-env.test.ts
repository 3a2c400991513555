import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadDeployment } from './modelHarness';

const FOLDER = path.resolve('test/fixtures/dropins-env');
const { model, where, text } = loadDeployment(FOLDER);

test('dropins-env: every file joins one deployment; the EnvironmentFile= target in etc/ is read', () => {
  assert.deepEqual(model.files.map((f) => `${path.relative(FOLDER, f.file)}:${f.kind}`), [
    'emqx.service:systemd', 'emqx.service.d/10-limits.conf:systemd', 'emqx.service.d/20-env.conf:systemd',
    'etc/base.hocon:emqx-conf', 'etc/emqx.conf:emqx-conf', 'limits.d/emqx.conf:limits', 'sysctl.conf:sysctl',
    'sysctl.d/10-a.conf:sysctl', 'sysctl.d/90-b.conf:sysctl',
    // EnvironmentFile=-/etc/emqx/emqx.env: the deployment keeps /etc/emqx/ as etc/.
    'etc/emqx.env:env',
  ]);
  assert.equal(model.root, FOLDER);
  assert.equal(model.version, '5');
  assert.equal(model.emqx?.mainFile, path.join(FOLDER, 'etc/emqx.conf'));
  assert.deepEqual(model.problems, []);
});

test('dropins-env: drop-ins apply in name order after the main unit; the effective LimitNOFILE is the drop-in\'s', () => {
  assert.equal(model.units.length, 1);
  const unit = model.units[0];
  assert.deepEqual(unit.parts.map((p) => path.relative(FOLDER, p.file)), ['emqx.service', 'emqx.service.d/10-limits.conf', 'emqx.service.d/20-env.conf']);
  const nofile = unit.directive('Service', 'LimitNOFILE')!;
  assert.deepEqual(nofile.values, ['1048576']);
  assert.equal(where({ file: nofile.effective[0].file, span: nofile.effective[0].entry.valueSpan }), 'emqx.service.d/10-limits.conf:2');
  assert.deepEqual(nofile.all.map((s) => s.entry.value), ['65535', '1048576']);
  assert.deepEqual(unit.directive('Service', 'User')?.values, ['emqx']);
});

test('dropins-env: `Environment=` in a drop-in drops the main unit\'s variables; EnvironmentFile= wins over Environment=', () => {
  const env = model.environment;
  assert.deepEqual([...env.keys()].sort(), ['EMQX_DASHBOARD__DEFAULT_PASSWORD', 'EMQX_LISTENERS__TCP__DEFAULT__BIND', 'EMQX_LOG__FILE__LEVEL', 'EMQX_NODE__COOKIE']);
  assert.equal(env.get('EMQX_LOG__CONSOLE__LEVEL'), undefined, 'reset by the empty Environment= assignment');
  const cookie = env.get('EMQX_NODE__COOKIE')!;
  assert.deepEqual([cookie.value, where(cookie.origin), text(cookie.origin), cookie.overridden], ['dropin-cookie-c41e9a', 'emqx.service.d/20-env.conf:4', 'dropin-cookie-c41e9a', []]);
  const bind = env.get('EMQX_LISTENERS__TCP__DEFAULT__BIND')!;
  assert.deepEqual([bind.value, where(bind.origin), text(bind.origin)], ['127.0.0.1:1883', 'emqx.service.d/20-env.conf:4', '127.0.0.1:1883']);
  const password = env.get('EMQX_DASHBOARD__DEFAULT_PASSWORD')!;
  assert.deepEqual([password.value, where(password.origin), text(password.origin)], ['env-file-password', 'etc/emqx.env:2', 'env-file-password']);
  assert.deepEqual(password.overridden.map(where), ['emqx.service.d/20-env.conf:5']);
});

test('dropins-env: the environment wins over emqx.conf, which wins over base.hocon; overridden origins oldest first', () => {
  const view = model.emqx!;
  const cookie = view.get(['node', 'cookie'])!;
  assert.deepEqual([cookie.value, where(cookie.origin), cookie.origin.env], ['dropin-cookie-c41e9a', 'emqx.service.d/20-env.conf:4', 'EMQX_NODE__COOKIE']);
  assert.deepEqual(cookie.overridden.map(where), ['etc/base.hocon:3', 'etc/emqx.conf:4']);
  assert.deepEqual(cookie.overridden.map(text), ['"base-layer-cookie-7f3a9c"', '"conf-layer-cookie-2b8d41"']);

  // Config layers first, then the unit's assignment that the environment file replaced.
  const password = view.get(['dashboard', 'default_password'])!;
  assert.deepEqual([password.value, where(password.origin)], ['env-file-password', 'etc/emqx.env:2']);
  assert.deepEqual(password.overridden.map(where), ['etc/emqx.conf:13', 'emqx.service.d/20-env.conf:5']);
  assert.deepEqual(password.overridden.map((o) => o.env), [undefined, 'EMQX_DASHBOARD__DEFAULT_PASSWORD']);

  const packet = view.get(['mqtt', 'max_packet_size'])!;
  assert.deepEqual([packet.value, where(packet.origin), packet.overridden.map(where)], ['2MB', 'etc/emqx.conf:7', ['etc/base.hocon:7']]);
  const levels = view.get(['mqtt', 'max_topic_levels'])!;
  assert.deepEqual([levels.value, where(levels.origin), levels.overridden], [64, 'etc/base.hocon:8', []]);
  assert.equal(view.get(['log', 'console', 'level']), undefined);
  assert.equal(view.get(['log', 'file', 'level'])?.value, 'warning');

  assert.deepEqual(model.node.cookies.map((c) => [c.value, c.source, where(c.origin)]), [['dropin-cookie-c41e9a', 'env', 'emqx.service.d/20-env.conf:4']]);
  assert.deepEqual([model.node.name?.value, model.node.distPort, model.node.rpcPort], ['emqx3@10.0.2.7', 4373, 5373]);
});

test('dropins-env: the tcp listener binds where the environment says; its settings from base.hocon stay', () => {
  const tcp = model.listeners.find((l) => l.path.join('.') === 'listeners.tcp.default')!;
  assert.deepEqual([tcp.bind.value, tcp.address, tcp.port, tcp.exposed, where(tcp.bind.origin)], ['127.0.0.1:1883', '127.0.0.1', 1883, false, 'emqx.service.d/20-env.conf:4']);
  assert.deepEqual(tcp.bind.overridden.map(where), ['etc/base.hocon:12', 'etc/emqx.conf:9']);
  assert.equal(model.emqx!.get(['listeners', 'tcp', 'default', 'max_connections'])?.value, 500000);
  const dashboard = model.listeners.find((l) => l.kind === 'dashboard')!;
  assert.deepEqual([dashboard.address, dashboard.port, dashboard.exposed, where(dashboard.bind.origin)], ['127.0.0.1', 18083, false, 'etc/emqx.conf:12']);
  const implicit = model.listeners.filter((l) => !l.explicit);
  assert.deepEqual(implicit.map((l) => l.type), ['ssl', 'ws', 'wss']);
  // The listeners block was opened in base.hocon (emqx.conf only writes into it with a path key): absent
  // settings are anchored there, while fixes insert into emqx.conf.
  assert.deepEqual(implicit.map((l) => where(l.bind.origin)), Array(3).fill('etc/base.hocon:11'));
  assert.ok(model.emqx!.insertEdits(['listeners', 'wss', 'default', 'bind'], '127.0.0.1:8084').every((e) => e.file === model.emqx!.mainFile));
});

test('dropins-env: sysctl.d files in name order, then sysctl.conf; the last setting wins', () => {
  assert.deepEqual(model.sysctlFiles.map((f) => path.relative(FOLDER, f.file)), ['sysctl.d/10-a.conf', 'sysctl.d/90-b.conf', 'sysctl.conf']);
  const row = (key: string) => {
    const f = model.sysctl.get(key)!;
    return [f.value, where(f.origin), f.overridden.map(where)];
  };
  assert.deepEqual(row('net.core.somaxconn'), ['32768', 'sysctl.conf:2', ['sysctl.d/10-a.conf:1', 'sysctl.d/90-b.conf:1']]);
  assert.deepEqual(row('fs.file-max'), ['2097152', 'sysctl.d/90-b.conf:2', ['sysctl.d/10-a.conf:2']]);
  assert.deepEqual(row('net.ipv4.tcp_max_syn_backlog'), ['8192', 'sysctl.d/10-a.conf:3', []]);
  assert.deepEqual(row('net.ipv4.ip_local_port_range'), ['1024 65535', 'sysctl.d/90-b.conf:3', []]);
  assert.deepEqual(row('net.ipv4.tcp_syncookies'), ['1', 'sysctl.conf:3', []], 'slash keys are normalized to dots');
});

test('dropins-env: limits.d is part of the deployment', () => {
  assert.equal(model.limits.length, 1);
  assert.deepEqual(model.limits[0].doc.entries.map((e) => [e.domain.text, e.type.text, e.item.text, e.value.text]), [['emqx', 'soft', 'nofile', '1048576'], ['emqx', 'hard', 'nofile', '1048576']]);
});
