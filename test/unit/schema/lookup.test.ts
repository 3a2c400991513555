import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closestKey, emqxChildKeys, emqxKeyInfo, isKnownSection } from '../../../server/src/schema/index';

const p = (dotted: string) => dotted.split('.');

test('listener names and list positions match * patterns', () => {
  const verify = emqxKeyInfo(p('listeners.ssl.default.ssl_options.verify'), '5');
  assert.equal(verify?.path, 'listeners.ssl.*.ssl_options.verify');
  assert.deepEqual(verify?.enum, ['verify_peer', 'verify_none']);
  assert.equal(verify?.defaults?.['5'], 'verify_none');
  assert.ok(verify?.ruleIds?.includes('tls/peer-cert-not-required'));
  assert.equal(emqxKeyInfo(p('listeners.tcp.internal.bind'), '6')?.defaults?.['6'], '0.0.0.0:1883');
  assert.equal(emqxKeyInfo(p('authentication.0.password_hash_algorithm.name'), '5')?.path, 'authentication.*.password_hash_algorithm.name');
  assert.equal(emqxKeyInfo(p('listeners.tcp.default.nosuchkey'), '5'), undefined);
});

test('a literal segment wins over * (log.file options versus named file handlers)', () => {
  assert.equal(emqxKeyInfo(p('log.file.level'), '5')?.path, 'log.file.level');
  assert.equal(emqxKeyInfo(p('log.file.audit_file'), '5')?.path, 'log.file.*');
  assert.equal(emqxKeyInfo(p('log.file.audit_file.rotation_size'), '5')?.path, 'log.file.*.rotation_size');
});

test('aliases return their own entry, marked deprecated with the new name', () => {
  const driver = emqxKeyInfo(p('rpc.driver'), '5');
  assert.equal(driver?.deprecated?.replacedBy, 'rpc.protocol');
  assert.deepEqual(driver?.enum, ['tcp', 'ssl']);
  assert.ok(driver?.ruleIds?.includes('emqx/deprecated-key'));
  assert.equal(emqxKeyInfo(p('rpc.tcp_server_port'), '5')?.deprecated?.replacedBy, 'rpc.server_port');
  assert.equal(emqxKeyInfo(p('rpc.ssl_server_port'), '6')?.deprecated?.replacedBy, 'rpc.server_port');
  assert.equal(emqxKeyInfo(p('listeners.ws.default.enabled'), '5')?.deprecated?.replacedBy, 'listeners.ws.*.enable');
  assert.equal(emqxKeyInfo(p('force_shutdown.max_message_queue_len'), '5')?.deprecated?.replacedBy, 'force_shutdown.max_mailbox_size');
  assert.equal(emqxKeyInfo(p('rpc.protocol'), '5')?.deprecated, undefined);
});

test('keys below a renamed object resolve through the new name', () => {
  assert.equal(emqxKeyInfo(p('cluster.etcd.ssl'), '5')?.deprecated?.replacedBy, 'cluster.etcd.ssl_options');
  assert.equal(emqxKeyInfo(p('cluster.etcd.ssl.verify'), '5')?.path, 'cluster.etcd.ssl_options.verify');
  assert.equal(emqxKeyInfo(p('log.console_handler.level'), '5')?.path, 'log.console.level');
  assert.ok(emqxChildKeys(p('cluster.etcd.ssl'), '5').some((k) => k.path === 'cluster.etcd.ssl_options.server_name_indication'));
});

test('versions filter keys and defaults differ per version', () => {
  assert.equal(emqxKeyInfo(p('listeners.tcp.default.max_conn_rate'), '5.0'), undefined);
  assert.ok(emqxKeyInfo(p('listeners.tcp.default.max_conn_rate'), '5'));
  assert.equal(emqxKeyInfo(p('node.dist_bind_address'), '5'), undefined);
  assert.ok(emqxKeyInfo(p('node.dist_bind_address'), '6'));
  const noMatch = emqxKeyInfo(p('authorization.no_match'), '6');
  assert.equal(noMatch?.defaults?.['5'], 'allow');
  assert.equal(noMatch?.defaults?.['6'], 'deny');
  const versions = emqxKeyInfo(p('listeners.wss.default.ssl_options.versions'), '5.0');
  assert.deepEqual(versions?.defaults?.['5.0'], ['tlsv1.3', 'tlsv1.2', 'tlsv1.1', 'tlsv1']);
  assert.deepEqual(versions?.defaults?.['5'], ['tlsv1.3', 'tlsv1.2']);
  assert.equal(emqxKeyInfo(p('node.cookie'), '5')?.defaults?.['5'], undefined);
  assert.equal(emqxKeyInfo(p('node.cookie'), '5.0')?.defaults?.['5.0'], 'emqxsecretcookie');
});

test('4.x flat keys come from the 4.x table', () => {
  const tls = emqxKeyInfo(p('listener.ssl.external.tls_versions'), '4');
  assert.ok(tls?.ruleIds?.includes('tls/legacy-version'));
  assert.equal(emqxKeyInfo(p('listener.tcp.external'), '4')?.defaults?.['4'], '0.0.0.0:1883');
  assert.equal(emqxKeyInfo(p('allow_anonymous'), '4')?.defaults?.['4'], true);
  assert.equal(emqxKeyInfo(p('allow_anonymous'), '5'), undefined);
  assert.equal(emqxKeyInfo(p('listeners.tcp.default.bind'), '4'), undefined);
  assert.equal(isKnownSection([], '4'), false);
});

test('children of a listener, of ssl_options and of the root', () => {
  const names = (path: string, v: '5' | '6' | '5.0' = '5') => emqxChildKeys(path ? p(path) : [], v).map((k) => k.path.split('.').pop());
  const ssl = names('listeners.ssl.default');
  for (const n of ['bind', 'enable', 'ssl_options', 'tcp_options', 'max_connections', 'enable_authn', 'access_rules']) assert.ok(ssl.includes(n), n);
  assert.ok(!ssl.includes('enabled'), 'deprecated aliases are left out');
  assert.ok(!ssl.includes('websocket'));
  assert.ok(names('listeners.wss.default').includes('websocket'));
  const opts = names('listeners.ssl.default.ssl_options');
  for (const n of ['verify', 'fail_if_no_peer_cert', 'versions', 'ciphers', 'ocsp', 'enable_crl_check', 'partial_chain']) assert.ok(opts.includes(n), n);
  assert.ok(!names('listeners.wss.default.ssl_options').includes('ocsp'), 'wss has no OCSP stapling');
  assert.ok(names('listeners.ssl.default.ssl_options.ocsp').includes('responder_url'));
  const root = names('');
  for (const n of ['node', 'cluster', 'rpc', 'listeners', 'mqtt', 'authentication', 'authorization', 'dashboard', 'log', 'gateway']) assert.ok(root.includes(n), n);
  assert.ok(!names('listeners.tcp').includes('*'));
  assert.ok(emqxChildKeys(p('rpc'), '5', { includeDeprecated: true }).some((k) => k.path === 'rpc.driver'));
  assert.ok(!names('listeners.tcp.default', '5.0').includes('max_conn_rate'));
});

test('known sections are the catalogued objects only', () => {
  for (const s of ['', 'node', 'cluster', 'rpc', 'listeners.tcp.default', 'listeners.ssl.x.ssl_options', 'mqtt', 'authorization', 'dashboard',
    'dashboard.listeners.https.ssl_options', 'force_shutdown', 'flapping_detect', 'overload_protection', 'log', 'log.console', 'cluster.etcd.ssl_options']) {
    assert.equal(isKnownSection(s ? p(s) : [], '5'), true, s);
  }
  for (const s of ['authentication', 'authentication.0', 'authentication.0.password_hash_algorithm', 'bridges', 'gateway', 'plugins', 'rule_engine',
    'authorization.sources', 'listeners.tcp.default.limiter', 'node.cookie', 'no_such_root', 'dashboard.sso']) {
    assert.equal(isKnownSection(p(s), '5'), false, s);
  }
});

test('closestKey suggests the sibling a typo meant', () => {
  assert.equal(closestKey(p('listeners.ssl.default.ssl_options.fail_if_no_peer_certs'), '5'), 'fail_if_no_peer_cert');
  assert.equal(closestKey(p('listeners.ssl.default.ssl_options.verfy'), '5'), 'verify');
  assert.equal(closestKey(p('node.cokie'), '5'), 'cookie');
  assert.equal(closestKey(p('dashbaord'), '5'), 'dashboard');
  assert.equal(closestKey(p('listener'), '6'), 'listeners');
  assert.equal(closestKey(p('mqtt.max_packet_sise'), '5'), 'max_packet_size');
  assert.equal(closestKey(p('rpc.listen_adress'), '5'), 'listen_address');
  assert.equal(closestKey(p('mqtt.completely_unrelated_name'), '5'), undefined);
  assert.equal(closestKey(p('node.xyz'), '5'), undefined);
});
