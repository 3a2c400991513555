/** Completion at a cursor marked `|` in each file kind. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completions, type CompletionData, type CompletionOptions } from '../../../server/src/features/completion';
import { parseFile } from '../../../server/src/parsers';
import type { FileKind } from '../../../server/src/parsers/fileKind';
import { snippetToText } from '../../../server/src/snippets/render';

function complete(kind: FileKind, marked: string, options?: CompletionOptions, name = 'emqx.conf'): { items: CompletionData[]; text: string; offset: number } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'no cursor marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const file = parseFile(`/deploy/${name}`, text, kind)!;
  return { items: completions({ file, findings: [], docsUri: (id) => id }, offset, options), text, offset };
}
const labels = (items: CompletionData[]) => items.map((i) => i.label);
const find = (items: CompletionData[], label: string) => {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no item ${label} in: ${labels(items).join(', ')}`);
  return item;
};
const hocon = (marked: string, options?: CompletionOptions) => complete('emqx-conf', marked, options);

test('top level: root keys and the hardened snippets', () => {
  const { items } = hocon('|');
  for (const key of ['node', 'cluster', 'listeners', 'mqtt', 'authentication', 'authorization', 'dashboard', 'rpc']) assert.equal(find(items, key).kind === 'section' || find(items, key).kind === 'key', true);
  assert.equal(find(items, 'node').insertText, 'node {\n  $0\n}');
  const snippets = items.filter((i) => i.kind === 'snippet').map((i) => i.label);
  assert.ok(snippets.includes('node (hardened, generated cookie)'), snippets.join(', '));
  assert.ok(snippets.some((l) => l.startsWith('TLS listener')));
  assert.ok(snippets.some((l) => l.startsWith('authentication')));
  assert.ok(!snippets.some((l) => l.startsWith('ssl_options')), 'ssl_options snippet only inside a listener');
});

test('snippet items carry a freshly generated secret each time', () => {
  const cookie = () => {
    const item = hocon('|').items.find((i) => i.label.startsWith('node ('))!;
    assert.equal(item.isSnippet, true);
    return /cookie = "\$\{3:([A-Za-z0-9]+)\}"/.exec(item.insertText)![1];
  };
  const a = cookie();
  const b = cookie();
  assert.match(a, /^[A-Za-z][A-Za-z0-9]{47}$/);
  assert.notEqual(a, b);
  // The documentation previews the snippet without revealing the generated value.
  const item = hocon('|').items.find((i) => i.label.startsWith('node ('))!;
  assert.match(item.documentation!, /<generated cookie>/);
  assert.ok(!item.documentation!.includes(/cookie = "\$\{3:([A-Za-z0-9]+)\}"/.exec(item.insertText)![1]));
  const dashboard = hocon('|').items.find((i) => i.label.startsWith('dashboard ('))!;
  assert.match(snippetToText(dashboard.insertText), /default_password = "[^"]{24}"/);
});

test('after `node.` in a path key: node\'s children, replacing only the typed segment', () => {
  const { items, offset } = hocon('node.|');
  assert.ok(labels(items).includes('cookie') && labels(items).includes('name'));
  assert.ok(!labels(items).includes('listeners'));
  assert.deepEqual(find(items, 'cookie').replaceSpan, { start: offset, end: offset });
  assert.equal(items.filter((i) => i.kind === 'snippet').length, 0);
  const typed = hocon('node.coo|');
  assert.deepEqual(find(typed.items, 'cookie').replaceSpan, { start: typed.offset - 3, end: typed.offset });
  const deep = hocon('listeners.ssl.default.ssl_options.|');
  assert.ok(labels(deep.items).includes('fail_if_no_peer_cert'));
});

test('inside listeners.ssl.<name>.ssl_options { }: TLS options and the ssl_options snippet', () => {
  const { items } = hocon('listeners.ssl.default {\n  ssl_options {\n    |\n  }\n}\n');
  for (const key of ['verify', 'fail_if_no_peer_cert', 'versions', 'ciphers', 'enable_crl_check', 'ocsp', 'certfile']) assert.ok(labels(items).includes(key), key);
  assert.ok(!labels(items).includes('bind'));
  assert.equal(find(items, 'verify').insertText, 'verify = ${1|verify_peer,verify_none|}');
  assert.equal(find(items, 'fail_if_no_peer_cert').insertText, 'fail_if_no_peer_cert = ${1|true,false|}');
  assert.equal(find(items, 'versions').insertText, 'versions = [$0]');
  const snippet = items.find((i) => i.kind === 'snippet');
  assert.ok(snippet && snippet.label.startsWith('ssl_options'));
  assert.match(snippet.insertText, /^certfile = /);
  // The same object written as a path key.
  assert.ok(labels(hocon('listeners.ssl.default.ssl_options {\n  ver|\n}\n').items).includes('verify'));
});

test('inside listeners and listeners.ssl: listener types, then the TLS listener snippet shaped for the place', () => {
  const inListeners = hocon('listeners {\n  |\n}\n').items;
  for (const t of ['tcp', 'ssl', 'ws', 'wss']) assert.ok(labels(inListeners).includes(t), t);
  assert.match(inListeners.find((i) => i.label.startsWith('TLS listener'))!.insertText, /^ssl\.\$\{1:default\} \{/);
  const inSsl = hocon('listeners {\n  ssl {\n    |\n  }\n}\n').items;
  assert.match(inSsl.find((i) => i.label.startsWith('TLS listener'))!.insertText, /^\$\{1:default\} \{\n  bind/);
  const inListener = hocon('listeners.tcp.internal {\n  |\n}\n').items;
  assert.ok(labels(inListener).includes('bind') && labels(inListener).includes('max_conn_rate'));
  assert.ok(inListener.some((i) => i.label.startsWith('listener connection and rate limits')));
});

test('enum values after = and :', () => {
  const verify = hocon('listeners.ssl.default {\n  ssl_options {\n    verify = |\n  }\n}\n').items;
  assert.deepEqual(labels(verify), ['verify_peer', 'verify_none']);
  assert.equal(find(verify, 'verify_none').detail, 'default');
  const typed = hocon('listeners.ssl.default.ssl_options.verify: verify_p|');
  assert.deepEqual(find(typed.items, 'verify_peer').replaceSpan, { start: typed.offset - 8, end: typed.offset });
  assert.ok(labels(hocon('cluster {\n  proto_dist = |\n}\n').items).includes('inet_tls'));
  assert.deepEqual(labels(hocon('force_shutdown.enable = |').items), ['true', 'false']);
  assert.deepEqual(labels(hocon('authorization {\n  no_match = |\n}').items), ['allow', 'deny']);
  assert.deepEqual(labels(hocon('no_such_key = |').items), []);
  // Inside a quoted string nothing is offered.
  assert.deepEqual(labels(hocon('node.name = "emqx@|"').items), []);
});

test('list items: tlsv1.3 inside a versions array, without the ones already listed', () => {
  const open = hocon('listeners.ssl.default.ssl_options {\n  versions = [|]\n}\n').items;
  assert.deepEqual(labels(open), ['tlsv1.3', 'tlsv1.2', 'tlsv1.1', 'tlsv1']);
  assert.equal(find(open, 'tlsv1').detail, 'legacy: do not offer');
  const after = hocon('listeners.ssl.default.ssl_options {\n  versions = [tlsv1.3, |]\n}\n').items;
  assert.ok(!labels(after).includes('tlsv1.3') && labels(after).includes('tlsv1.2'));
  const multiLine = hocon('listeners.ssl.default.ssl_options {\n  versions = [\n    tlsv1.3,\n    |\n  ]\n}\n').items;
  assert.ok(!labels(multiLine).includes('tlsv1.3') && labels(multiLine).includes('tlsv1.2'), labels(multiLine).join(','));
});

test('units for durations, sizes and rates after a typed number', () => {
  const duration = hocon('mqtt {\n  idle_timeout = 15|\n}').items;
  assert.deepEqual(labels(duration), ['15ms', '15s', '15m', '15h', '15d']);
  assert.equal(duration[0].kind, 'unit');
  const size = hocon('mqtt.max_packet_size = 1|').items;
  assert.ok(labels(size).includes('1MB'));
  const rate = hocon('listeners.tcp.default.max_conn_rate = 1000|');
  const perSecond = find(rate.items, '1000/s');
  assert.equal(perSecond.insertText, '"1000/s"');
  assert.deepEqual(perSecond.replaceSpan, { start: rate.offset - 4, end: rate.offset });
  // With nothing typed, the default is offered (quoted when the dialect needs it).
  assert.equal(find(hocon('rpc.listen_address = |').items, '0.0.0.0').insertText, '"0.0.0.0"');
  assert.equal(find(hocon('mqtt.idle_timeout = |').items, '15s').insertText, '15s');
});

test('inside an authentication list item: authenticator keys', () => {
  const items = hocon('authentication = [\n  {\n    |\n  }\n]\n').items;
  assert.ok(labels(items).includes('mechanism') && labels(items).includes('backend'));
  assert.ok(labels(hocon('authentication = [{ mechanism = password_based, backend = |}]').items).includes('built_in_database'));
});

test('a space triggers completion only after a separator; keys are not offered in a value position', () => {
  assert.deepEqual(hocon('node |', { triggerCharacter: ' ' }).items, []);
  assert.ok(hocon('node.cookie = |', { triggerCharacter: ' ' }).items.length === 0); // a secret: no values to offer
  assert.deepEqual(labels(hocon('force_shutdown.enable = |', { triggerCharacter: ' ' }).items), ['true', 'false']);
  assert.deepEqual(hocon('node.name = emqx@h mor|').items, []);
});

test('EMQX 4.x flat files: dotted keys and values', () => {
  const text = 'node.name = emqx@127.0.0.1\nlistener.tcp.external = 0.0.0.0:1883\nallow_anonymous = |\n';
  assert.deepEqual(labels(complete('emqx-conf', text).items).slice(-2), ['true', 'false']);
  const keys = complete('emqx-conf', 'node.name = emqx@127.0.0.1\nlistener.tcp.external = 0.0.0.0:1883\nnode.|\n').items;
  assert.ok(labels(keys).includes('cookie'), labels(keys).join(','));
});

test('vm.args: flags, -kernel parameters and the distribution snippet', () => {
  const flags = complete('vmargs', '|', undefined, 'vm.args').items;
  assert.ok(labels(flags).includes('-kernel') && labels(flags).includes('+P'));
  assert.ok(flags.some((i) => i.kind === 'snippet' && i.insertText.includes('-kernel inet_dist_use_interface {')));
  const typed = complete('vmargs', '-ker|', undefined, 'vm.args');
  assert.deepEqual(find(typed.items, '-kernel').replaceSpan, { start: 0, end: 4 });
  assert.equal(find(typed.items, '-kernel').insertText, '-kernel ');
  const params = complete('vmargs', '-kernel |', { triggerCharacter: ' ' }, 'vm.args').items;
  assert.ok(labels(params).includes('inet_dist_use_interface'));
  assert.equal(find(params, 'inet_dist_use_interface').kind, 'param');
  assert.deepEqual(complete('vmargs', '-name emqx@h |', { triggerCharacter: ' ' }, 'vm.args').items, []);
});

test('sysctl: keys with recommended values, and the value itself', () => {
  const keys = complete('sysctl', '|', undefined, 'sysctl.conf').items;
  assert.equal(find(keys, 'fs.file-max').insertText, 'fs.file-max = ${1:2097152}');
  assert.equal(find(keys, 'net.ipv4.tcp_rmem').insertText, 'net.ipv4.tcp_rmem = ${1:1024 4096 16777216}');
  assert.ok(keys.some((i) => i.kind === 'snippet'));
  const typed = complete('sysctl', 'net.core.so|', undefined, 'sysctl.conf');
  assert.deepEqual(find(typed.items, 'net.core.somaxconn').replaceSpan, { start: 0, end: typed.offset });
  assert.deepEqual(labels(complete('sysctl', 'net.core.somaxconn = |', undefined, 'sysctl.conf').items), ['32768']);
  assert.deepEqual(labels(complete('sysctl', '-net.netfilter.nf_conntrack_max=|', undefined, 'sysctl.conf').items), ['1000000']);
});

test('systemd: section names, directives of the current section, values and snippets', () => {
  const unit = (marked: string, options?: CompletionOptions) => complete('systemd', marked, options, 'emqx.service');
  const service = unit('[Unit]\nDescription=x\n\n[Service]\n|\n').items;
  assert.equal(find(service, 'LimitNOFILE').insertText, 'LimitNOFILE=${1:2097152}');
  assert.ok(labels(service).includes('NoNewPrivileges') && !labels(service).includes('WantedBy'));
  assert.ok(service.some((i) => i.label === 'sandboxing directives for EMQX'));
  assert.equal(find(service, 'CapabilityBoundingSet').insertText, 'CapabilityBoundingSet=${1:}');
  const unitSection = unit('[Unit]\n|').items;
  assert.ok(labels(unitSection).includes('After') && !labels(unitSection).includes('LimitNOFILE'));
  const header = unit('[Unit]\nA=b\n[Ser|]\n');
  assert.deepEqual(labels(header.items), ['[Unit]', '[Service]', '[Install]']);
  assert.deepEqual(find(header.items, '[Service]').replaceSpan, { start: header.offset - 4, end: header.offset + 1 });
  const empty = unit('|').items.filter((i) => i.kind === 'snippet').map((i) => i.label);
  assert.deepEqual(empty, ['hardened emqx.service', 'LimitNOFILE drop-in']);
  assert.deepEqual(labels(unit('[Service]\nLimitNOFILE=|').items), ['2097152']);
  assert.deepEqual(labels(unit('[Service]\nUser=|').items), ['emqx']);
});

test('limits.conf: type, then items with recommended values', () => {
  assert.deepEqual(labels(complete('limits', 'emqx |', undefined, 'limits.conf').items), ['soft', 'hard', '-']);
  const items = complete('limits', 'emqx soft |', undefined, 'limits.conf').items;
  assert.equal(find(items, 'nofile').insertText, 'nofile ${1:2097152}');
});
