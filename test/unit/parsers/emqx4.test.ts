import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { applyEdits } from '../../../server/src/core/text';
import { parseEmqx4, looksLikeEmqx4, lastEntry, setValue, insertEntry, removeEntry } from '../../../server/src/parsers/emqx4';
import { corpus, readCorpus, randomTexts, assertSpansInside, roundTrip, assertChangedOnly, prefixes } from './lineParserHelpers';

const v4 = readCorpus('emqx', 'v4.4.19', 'etc', 'emqx.conf');
const compat = corpus('hocon', 'emqx-hocon', 'test', 'compatibility');
const cuttlefishFiles = fs.readdirSync(compat).filter((f) => f.endsWith('.cuttlefish.conf'));
const problemsOf = (t: string) => parseEmqx4(t).problems;

test('v4.4.19 emqx.conf parses clean with its well-known settings', () => {
  const doc = parseEmqx4(v4);
  assert.deepEqual(doc.problems, []);
  assert.equal(doc.entries.length, 195); // every line that is neither blank nor a comment
  const listener = lastEntry(doc, 'listener.tcp.external');
  assert.equal(listener?.value, '0.0.0.0:1883');
  assert.equal(v4.slice(listener!.valueSpan.start, listener!.valueSpan.end), '0.0.0.0:1883');
  assert.equal(v4.slice(listener!.keySpan.start, listener!.keySpan.end), 'listener.tcp.external');
  assert.equal(lastEntry(doc, 'node.cookie')?.value, 'emqxsecretcookie');
  assert.equal(lastEntry(doc, 'flapping_detect_policy')?.value, '30, 1m, 5m');
  assert.equal(lastEntry(doc, 'node.data_dir')?.value, '{{ platform_data_dir }}');
  assert.ok(doc.comments.length > 1000);
  assert.ok(doc.comments.every((c) => v4[c.start] === '#' && v4.slice(c.start + 1, c.end) === c.text));
});

test('every *.cuttlefish.conf of the compatibility suite parses clean and reads as 4.x', () => {
  assert.ok(cuttlefishFiles.length >= 20);
  for (const name of cuttlefishFiles) {
    const text = fs.readFileSync(`${compat}/${name}`, 'utf8');
    const doc = parseEmqx4(text);
    assert.deepEqual(doc.problems, [], name);
    assert.ok(doc.entries.length > 0, name);
  }
  const mnesia = parseEmqx4(fs.readFileSync(`${compat}/mnesia.cuttlefish.conf`, 'utf8'));
  assert.equal(lastEntry(mnesia, 'auth.client.4.password')?.value, 'passwd~!@#$%^&*()_+');
});

test('looksLikeEmqx4 tells 4.x flat files from HOCON', () => {
  assert.equal(looksLikeEmqx4(v4), true);
  for (const name of cuttlefishFiles) {
    assert.equal(looksLikeEmqx4(fs.readFileSync(`${compat}/${name}`, 'utf8')), true, name);
  }
  for (const name of fs.readdirSync(compat).filter((f) => f.endsWith('.conf') && !f.endsWith('.cuttlefish.conf'))) {
    assert.equal(looksLikeEmqx4(fs.readFileSync(`${compat}/${name}`, 'utf8')), false, name);
  }
  for (const version of ['v5.8.9', '6.2.2']) {
    assert.equal(looksLikeEmqx4(readCorpus('emqx', version, 'apps', 'emqx', 'etc', 'emqx.conf')), false, version);
    assert.equal(looksLikeEmqx4(readCorpus('emqx', version, 'apps', 'emqx_conf', 'etc', 'base.hocon')), false, version);
    const examples = corpus('emqx', version, 'rel', 'config', 'examples');
    for (const name of fs.readdirSync(examples).filter((f) => f.endsWith('.conf.example'))) {
      assert.equal(looksLikeEmqx4(fs.readFileSync(`${examples}/${name}`, 'utf8')), false, `${version} ${name}`);
    }
  }
  // Flat `a.b = c` lines that are valid HOCON stay HOCON; one 4.x-only shape tips them over.
  assert.equal(looksLikeEmqx4('node.name = emqx\nlog.console.level = info\n'), false);
  assert.equal(looksLikeEmqx4('node.name = emqx\nmqtt.max_packet_size = 1MB\n'), false);
  assert.equal(looksLikeEmqx4('node.name = emqx@127.0.0.1\n'), true);
  assert.equal(looksLikeEmqx4('listener.tcp.external = 1883\n'), true);
  assert.equal(looksLikeEmqx4('listeners.tcp.default.bind = "0.0.0.0:1883"\n'), false);
  // A 5.x-only key with a dialect mistake (unquoted `:`) is a HOCON file with a problem; keys both
  // schemas share say nothing, so a 4.x-only value shape still decides.
  assert.equal(looksLikeEmqx4('listeners.tcp.default.bind = 0.0.0.0:1883\n'), false);
  assert.equal(looksLikeEmqx4('mqtt.max_packet_size = 1MB\nnode.data_dir = {{ platform_data_dir }}\n'), true);
  assert.equal(looksLikeEmqx4('node {\n  name = "emqx@127.0.0.1"\n}\n'), false);
  assert.equal(looksLikeEmqx4(''), false);
});

test('syntax problems point at the offending text', () => {
  const text = 'a.b = 1\nlistener tcp = 2\n  .x = 3\na..b = 4\nkey\n= v\nn$de.name = x\n';
  const doc = parseEmqx4(text);
  const at = (s: string) => text.indexOf(s);
  assert.deepEqual(
    doc.problems.map((p) => [p.start, p.end, p.code]),
    [
      [at('tcp = 2'), at('tcp = 2') + 'tcp = 2'.length, 'emqx4/syntax'],
      [at('.x'), at('.x') + 1, 'emqx4/syntax'],
      [at('..b') + 1, at('..b') + 2, 'emqx4/syntax'],
      [at('key\n'), at('key\n') + 3, 'emqx4/syntax'],
      [at('= v'), at('= v') + 3, 'emqx4/syntax'],
      [at('$de'), at('$de') + 1, 'emqx4/syntax'],
    ],
  );
  assert.match(doc.problems[0].message, /Expected `=` after the key `listener`/);
  assert.deepEqual(doc.entries.map((e) => e.key), ['a.b', '.x', 'a..b', 'n$de.name']);
});

test('CRLF, lone CR, BOM, empty values and include lines', () => {
  const text = '\uFEFFa = 1\r\nb =\r\nc=3\rinclude etc/plugins/*.conf\r\n';
  const doc = parseEmqx4(text);
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(doc.entries.map((e) => [e.key, e.value]), [['a', '1'], ['b', ''], ['c', '3']]);
  assert.equal(doc.entries[0].start, 1);
  assert.deepEqual(doc.includes.map((i) => i.path), ['etc/plugins/*.conf']);
  const b = doc.entries[1];
  assert.equal(b.valueSpan.start, b.valueSpan.end);
});

test('never throws; every span stays inside the text (random bytes, prefixes, huge lines)', () => {
  for (const t of randomTexts(4, 400, 'a.b_=# \n\r\t{}:@\\')) {
    const doc = parseEmqx4(t);
    assertSpansInside(doc, t.length);
    looksLikeEmqx4(t);
  }
  for (const p of prefixes(v4.slice(0, 3000))) assertSpansInside(parseEmqx4(p), p.length);
  for (const p of prefixes(v4, 997)) assertSpansInside(parseEmqx4(p), p.length);
  const huge = 'a = ' + 'x'.repeat(10_000_000) + '\n' + ' '.repeat(1_000_000) + '#'.repeat(100);
  const doc = parseEmqx4(huge);
  looksLikeEmqx4(huge);
  assert.equal(doc.entries[0].value.length, 10_000_000);
});

test('setValue replaces only the value of the last entry and is idempotent', () => {
  const text = 'node.cookie = first\nnode.cookie = emqxsecretcookie   \nlog.level = warning\n';
  const edited = roundTrip(text, (t) => setValue(parseEmqx4(t), 'node.cookie', 'Xk3'), problemsOf);
  const valueAt = text.indexOf('emqxsecretcookie');
  assertChangedOnly(text, edited, valueAt, valueAt + 'emqxsecretcookie'.length);
  assert.equal(edited, 'node.cookie = first\nnode.cookie = Xk3   \nlog.level = warning\n');
  assert.equal(roundTrip('a.b =\n', (t) => setValue(parseEmqx4(t), 'a.b', 'on'), problemsOf), 'a.b = on\n');
});

test('insertEntry goes next to its closest relative, in the file style and EOL', () => {
  const text = 'listener.ssl.external = 8883\r\nlistener.ssl.external.verify = verify_none\r\nlog.level=warning';
  const edited = roundTrip(text, (t) => insertEntry(parseEmqx4(t), 'listener.ssl.external.fail_if_no_peer_cert', 'true'), problemsOf);
  assert.equal(edited, 'listener.ssl.external = 8883\r\nlistener.ssl.external.verify = verify_none\r\nlistener.ssl.external.fail_if_no_peer_cert = true\r\nlog.level=warning');
  const appended = roundTrip(text, (t) => insertEntry(parseEmqx4(t), 'allow_anonymous', 'false', 'log.level'), problemsOf);
  assert.equal(appended, text + '\r\nallow_anonymous=false');
  assert.equal(roundTrip('', (t) => insertEntry(parseEmqx4(t), 'a', '1'), problemsOf), 'a = 1\n');
  // Inserting a key that exists sets it instead of duplicating it.
  assert.equal(applyEdits(text, insertEntry(parseEmqx4(text), 'log.level', 'info')), text.replace('warning', 'info'));
});

test('removeEntry removes every line of the key and nothing else', () => {
  const text = '# keep\nacl_nomatch = allow\nallow_anonymous = true\n  acl_nomatch = deny  \nz = 1';
  const edited = roundTrip(text, (t) => removeEntry(parseEmqx4(t), 'acl_nomatch'), problemsOf);
  assert.equal(edited, '# keep\nallow_anonymous = true\nz = 1');
  assert.equal(roundTrip('a = 1\nb = 2', (t) => removeEntry(parseEmqx4(t), 'b'), problemsOf), 'a = 1');
  assert.equal(roundTrip('a = 1\nb = 2', (t) => removeEntry(parseEmqx4(t), 'a'), problemsOf), 'b = 2');
  const v4Edited = applyEdits(v4, removeEntry(parseEmqx4(v4), 'node.cookie'));
  assert.equal(v4Edited.length, v4.length - 'node.cookie = emqxsecretcookie\n'.length);
});

test('the in-place line verdict agrees with the full classification wherever it gives one', async () => {
  const fc = (await import('fast-check')).default;
  const { quickVerdict, classifyLine } = await import('../../../server/src/parsers/emqx4/detect');
  const piece = fc.constantFrom(' ', '\t', '1000', 'verify_peer', ' # c', 'zone.external.x', 'allow_anonymous', '+', '@', '\u00a0', '#', '}', ']', '"', '/', '//', '{', '{{', '[', '$', '${', '=', ':', '+=', 'include', 'listeners.tcp.default', 'listener.tcp.external', 'a', '0.0.0.0:1883', 'x\\y', '-', '.', 'emqx@host', '\v');
  const line = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
  let decided = 0;
  fc.assert(
    fc.property(line, (l) => {
      const quick = quickVerdict(l, 0, l.length);
      if (quick === undefined) return true;
      decided++;
      return quick === classifyLine(l.trim());
    }),
    { numRuns: 20000, seed: 41 },
  );
  assert.ok(decided > 2000, `the quick verdict decided only ${decided} lines`);
});
