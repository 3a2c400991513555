import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkValue, emqxKeyInfo, parseBytesize, parseDurationMs, parseIpPort, parsePercent, parseRate, type KeyInfo,
} from '../../../server/src/schema/index';

function info(dotted: string, version: '5' | '6' | '4' = '5'): KeyInfo {
  const found = emqxKeyInfo(dotted.split('.'), version);
  assert.ok(found, `no key ${dotted}`);
  return found;
}

function accepts(dotted: string, values: unknown[]): void {
  for (const v of values) assert.equal(checkValue(info(dotted), v), undefined, `${dotted} should accept ${JSON.stringify(v)}`);
}

function rejects(dotted: string, values: unknown[]): void {
  for (const v of values) assert.ok(checkValue(info(dotted), v), `${dotted} should reject ${JSON.stringify(v)}`);
}

test('booleans: true/false (also quoted), with a suggestion for yes/no words', () => {
  accepts('force_shutdown.enable', [true, false, 'true', 'false', null]);
  rejects('force_shutdown.enable', ['yes', 1, 'TRUE ', 'enabled', [true]]);
  const yes = checkValue(info('flapping_detect.enable'), 'yes');
  assert.equal(yes?.suggestion, 'true');
  assert.match(yes!.message, /`enable` expects true or false; got "yes"/);
  assert.equal(checkValue(info('flapping_detect.enable'), 'off')?.suggestion, 'false');
});

test('enums: exact atoms, closest value suggested', () => {
  accepts('listeners.ssl.default.ssl_options.verify', ['verify_peer', 'verify_none']);
  const typo = checkValue(info('listeners.ssl.default.ssl_options.verify'), 'verify_peers');
  assert.equal(typo?.suggestion, 'verify_peer');
  assert.match(typo!.message, /allowed: verify_peer, verify_none/);
  assert.equal(checkValue(info('authorization.no_match'), 'Deny')?.suggestion, 'deny');
  accepts('listeners.tcp.default.enable_authn', [true, false, 'quick_deny_anonymous']);
  rejects('listeners.tcp.default.enable_authn', ['quick_deny']);
  assert.equal(checkValue(info('cluster.proto_dist'), 'inet_tsl')?.suggestion, 'inet_tls');
  assert.equal(checkValue(info('cluster.proto_dist'), 'zzz')?.suggestion, undefined);
});

test('integers with ranges and infinity where allowed', () => {
  accepts('mqtt.max_topic_levels', [10, '10', 65535]);
  rejects('mqtt.max_topic_levels', [0, 70000, 1.5, '10 levels']);
  assert.equal(checkValue(info('mqtt.max_qos_allowed'), 3)?.suggestion, '2');
  accepts('listeners.tcp.default.max_connections', ['infinity', 1024000]);
  rejects('listeners.tcp.default.max_connections', ['unlimited', 0]);
  rejects('mqtt.max_clientid_len', [22]);
});

test('durations, byte sizes, percentages', () => {
  accepts('mqtt.idle_timeout', ['15s', '1h5m', '100ms', 15000, 'infinity', '2D']);
  rejects('mqtt.idle_timeout', ['15 seconds', 's15', '-1s', true]);
  accepts('mqtt.max_packet_size', ['1MB', '16mb', '512KB', '1gb', 1048576, '1024']);
  rejects('mqtt.max_packet_size', ['1 MB', '1TB', '1.5MB', 'big']);
  accepts('sysmon.os.cpu_high_watermark', ['80%', '5%', 0.8]);
  rejects('sysmon.os.cpu_high_watermark', ['180%', '80', 2]);
  accepts('node.global_gc_interval', ['disabled', '15m']);
});

test('rates and listener addresses', () => {
  accepts('listeners.tcp.default.max_conn_rate', ['1000/s', '10MB/s', '500/10s', '100/m', 'infinity', 1000, '1000']);
  rejects('listeners.tcp.default.bytes_rate', ['1000 per second', '10MB/x', '10TB/s', '5/0s']);
  accepts('listeners.tcp.default.bind', ['0.0.0.0:1883', 1883, '1883', '127.0.0.1:1883', '[::1]:1883', '::1:1883', ':1883']);
  rejects('listeners.tcp.default.bind', ['localhost:1883', '0.0.0.0', '1.2.3:1883', '0.0.0.0:70000', 'any']);
});

test('arrays of enum items and objects', () => {
  accepts('listeners.ssl.default.ssl_options.versions', [['tlsv1.3', 'tlsv1.2'], 'tlsv1.3,tlsv1.2']);
  const bad = checkValue(info('listeners.ssl.default.ssl_options.versions'), ['tlsv1.3', 'tls1.2']);
  assert.equal(bad?.suggestion, 'tlsv1.2');
  rejects('listeners.ssl.default.ssl_options.versions', [{ a: 1 }]);
  accepts('listeners.ssl.default.ssl_options.ciphers', [['TLS_AES_256_GCM_SHA384'], 'TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256']);
  accepts('listeners.ssl.default.ssl_options', [{ verify: 'verify_peer' }, new Map()]);
  rejects('listeners.ssl.default.ssl_options', ['verify_peer', 1]);
  accepts('listeners.tcp.default', ['marked_for_deletion', {}]);
  rejects('node.name', [{ a: 1 }, ['x']]);
  accepts('node.name', ['emqx@10.0.0.1']);
});

test('4.x flags accept on/off', () => {
  const flag = emqxKeyInfo('listener.ssl.external.fail_if_no_peer_cert'.split('.'), '4')!;
  assert.equal(checkValue(flag, 'on'), undefined);
  assert.equal(checkValue(flag, 'true'), undefined);
  assert.ok(checkValue(flag, 'yes'));
});

test('parsers give comparable numbers', () => {
  assert.equal(parseDurationMs('1h5m'), 3_900_000);
  assert.equal(parseDurationMs('100ms'), 100);
  assert.equal(parseDurationMs('soon'), undefined);
  assert.equal(parseBytesize('16MB'), 16 * 1024 * 1024);
  assert.equal(parseBytesize('1kb'), 1024);
  assert.equal(parsePercent('80%'), 0.8);
  assert.deepEqual(parseRate('10MB/2s'), { amount: 10 * 1024 * 1024, perMs: 2000 });
  assert.deepEqual(parseRate('1000'), { amount: 1000, perMs: 1000 });
  assert.equal(parseRate('infinity'), 'infinity');
  assert.deepEqual(parseIpPort('0.0.0.0:1883'), { ip: '0.0.0.0', port: 1883 });
  assert.deepEqual(parseIpPort(18083), { port: 18083 });
  assert.deepEqual(parseIpPort('[::]:8883'), { ip: '::', port: 8883 });
});
