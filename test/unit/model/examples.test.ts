import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadDeployment } from './modelHarness';
import { internalPorts } from '../../../server/src/model/ports';

const { model, where, text } = loadDeployment(path.resolve('examples'));

test('examples: the files of the deployment, version 5 detected, nothing wrong while assembling', () => {
  assert.deepEqual(model.files.map((f) => `${path.basename(f.file)}:${f.kind}`), ['emqx.conf:emqx-conf', 'emqx.service:systemd', 'sysctl.conf:sysctl', 'vm.args:vmargs']);
  assert.equal(model.version, '5');
  assert.equal(model.versionSource, 'detected');
  assert.equal(model.root, path.resolve('examples'));
  assert.deepEqual(model.problems, []);
});

test('examples: node name, both cookies with their source and line, derived ports', () => {
  assert.equal(model.node.name?.value, 'emqx1@10.0.1.5');
  assert.equal(where(model.node.name?.origin), 'emqx.conf:5');
  assert.deepEqual(
    model.node.cookies.map((c) => [c.value, c.source, where(c.origin), text(c.origin), c.explicit]),
    [
      ['emqxsecretcookie', 'emqx.conf', 'emqx.conf:6', '"emqxsecretcookie"', true],
      ['plant2024', 'vm.args', 'vm.args:3', 'plant2024', true],
    ],
  );
  assert.equal(text({ ...model.node.cookies[1].origin, span: model.node.cookies[1].origin.keySpan! }), '-setcookie');
  assert.equal(model.node.distPort, 4371);
  assert.equal(model.node.rpcPort, 5371);
  assert.deepEqual(internalPorts(model).map((p) => [p.what, p.port, p.address]), [['distribution', 4371, '0.0.0.0'], ['rpc', 5371, '0.0.0.0']]);
});

test('examples: explicit tcp/ssl, implicit ws/wss defaults and the dashboard http listener', () => {
  const rows = model.listeners.map((l) => ({
    id: `${l.kind}:${l.path.join('.')}`, explicit: l.explicit, bind: l.bind.value, bindExplicit: l.bind.explicit,
    at: l.bind.explicit ? where(l.bind.origin) : undefined, address: l.address, port: l.port, enabled: l.enabled.value,
    enabledExplicit: l.enabled.explicit, exposed: l.exposed, tls: l.tls,
  }));
  assert.deepEqual(rows, [
    { id: 'mqtt:listeners.tcp.default', explicit: true, bind: '0.0.0.0:1883', bindExplicit: true, at: 'emqx.conf:21', address: '0.0.0.0', port: 1883, enabled: true, enabledExplicit: false, exposed: true, tls: false },
    { id: 'mqtt:listeners.ssl.default', explicit: true, bind: '0.0.0.0:8883', bindExplicit: true, at: 'emqx.conf:26', address: '0.0.0.0', port: 8883, enabled: true, enabledExplicit: false, exposed: true, tls: true },
    { id: 'mqtt:listeners.ws.default', explicit: false, bind: '0.0.0.0:8083', bindExplicit: false, at: undefined, address: '0.0.0.0', port: 8083, enabled: true, enabledExplicit: false, exposed: true, tls: false },
    { id: 'mqtt:listeners.wss.default', explicit: false, bind: '0.0.0.0:8084', bindExplicit: false, at: undefined, address: '0.0.0.0', port: 8084, enabled: true, enabledExplicit: false, exposed: true, tls: true },
    { id: 'dashboard:dashboard.listeners.http', explicit: true, bind: 18083, bindExplicit: true, at: 'emqx.conf:47', address: '0.0.0.0', port: 18083, enabled: true, enabledExplicit: false, exposed: true, tls: false },
  ]);
  // Implicit listeners are reported inside the main config, where a fix would add them.
  for (const l of model.listeners.filter((x) => !x.explicit)) assert.equal(l.bind.origin.file, path.resolve('examples/emqx.conf'));
});

test('examples: TLS contexts of the ssl and wss listeners, with explicit options and defaults', () => {
  assert.deepEqual(model.tls.map((t) => [t.role, t.owner, t.enabled]), [['server', 'listeners.ssl.default', true], ['server', 'listeners.wss.default', true]]);
  const [ssl, wss] = model.tls;
  const versions = ssl.option('versions')!;
  assert.deepEqual([versions.value, versions.explicit, where(versions.origin)], [['tlsv1.3', 'tlsv1.2', 'tlsv1.1'], true, 'emqx.conf:31']);
  assert.deepEqual([ssl.option('verify')?.value, ssl.option('verify')?.explicit], ['verify_peer', true]);
  const noPeerCert = ssl.option('fail_if_no_peer_cert')!;
  assert.deepEqual([noPeerCert.value, noPeerCert.explicit], [false, false]);
  assert.deepEqual(ssl.optionPath('fail_if_no_peer_cert'), ['listeners', 'ssl', 'default', 'ssl_options', 'fail_if_no_peer_cert']);
  assert.equal(where(noPeerCert.origin), 'emqx.conf:27', 'an absent option is anchored at its ssl_options block');
  assert.equal(ssl.option('keyfile')?.value, '/etc/emqx/certs/broker.key');
  assert.ok(ssl.option('ocsp.enable_ocsp_stapling'), 'ssl listeners have OCSP stapling');
  // The implicit wss listener runs on EMQX's defaults: TLS 1.2/1.3, the bundled demo certificate, no OCSP.
  assert.deepEqual([wss.option('versions')?.value, wss.option('versions')?.explicit], [['tlsv1.3', 'tlsv1.2'], false]);
  assert.equal(wss.option('certfile')?.value, '${EMQX_ETC_DIR}/certs/cert.pem');
  assert.equal(wss.option('ocsp.enable_ocsp_stapling'), undefined);
});

test('examples: sysctl settings in file order, each at its line', () => {
  assert.deepEqual([...model.sysctl].map(([k, f]) => [k, f.value, where(f.origin), f.overridden.length]), [
    ['fs.file-max', '65536', 'sysctl.conf:2', 0],
    ['fs.nr_open', '65536', 'sysctl.conf:3', 0],
    ['net.core.somaxconn', '1024', 'sysctl.conf:4', 0],
    ['net.ipv4.tcp_max_syn_backlog', '2048', 'sysctl.conf:5', 0],
    ['net.ipv4.tcp_syncookies', '0', 'sysctl.conf:6', 0],
    ['net.ipv4.tcp_tw_recycle', '1', 'sysctl.conf:7', 0],
    ['net.netfilter.nf_conntrack_max', '262144', 'sysctl.conf:8', 0],
  ]);
  assert.deepEqual(model.sysctlFiles.map((f) => path.basename(f.file)), ['sysctl.conf']);
});

test('examples: the service unit (LimitNOFILE set, no User) and the environment it gives EMQX', () => {
  assert.equal(model.units.length, 1);
  const unit = model.units[0];
  assert.deepEqual([unit.name, unit.isEmqx, unit.parts.length], ['emqx.service', true, 1]);
  const nofile = unit.directive('Service', 'LimitNOFILE')!;
  assert.deepEqual(nofile.values, ['65535']);
  assert.equal(where({ file: nofile.effective[0].file, span: nofile.effective[0].entry.valueSpan }), 'emqx.service:12');
  assert.equal(unit.directive('Service', 'User'), undefined);
  assert.deepEqual([...model.environment].map(([k, f]) => [k, f.value, where(f.origin), text(f.origin)]), [
    ['EMQX_DASHBOARD__DEFAULT_PASSWORD', 'plant-admin-2024', 'emqx.service:8', 'plant-admin-2024'],
    ['HOME', '/opt/emqx', 'emqx.service:9', '/opt/emqx'],
  ]);
  // The unit's variable overrides emqx.conf's default_password.
  const password = model.emqx!.get(['dashboard', 'default_password'])!;
  assert.deepEqual([password.value, where(password.origin), password.origin.env], ['plant-admin-2024', 'emqx.service:8', 'EMQX_DASHBOARD__DEFAULT_PASSWORD']);
  assert.deepEqual(password.overridden.map(where), ['emqx.conf:49']);
});
