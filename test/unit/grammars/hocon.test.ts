import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CORPUS_DIR, assertNoScope, assertScope, assertWholeToken, findFiles, lineWith, loadGrammar, maxDepth, readSample, tokenize,
  type TokenizedLine,
} from './tokenize';

const SCOPE = 'source.emqx-hocon';

async function sample(name: string): Promise<TokenizedLine[]> {
  return tokenize(await loadGrammar(SCOPE), readSample(name));
}

test('keys get a property-name scope and quoted values a string scope', async () => {
  const lines = await sample('emqx.conf');
  const bind = lineWith(lines, 'bind = ');
  assertScope(lines, bind, 'bind', 'support.type.property-name');
  assertScope(lines, bind, '=', 'punctuation.separator.key-value');
  assertScope(lines, bind, '"0.0.0.0:8883"', 'string.quoted.double');
  assertNoScope(lines, bind, '0.0.0.0:8883', 'support.type.property-name');
  assertScope(lines, bind, '"', 'punctuation.definition.string.begin');
});

test('path keys keep every segment in the key and mark the dots', async () => {
  const lines = await sample('emqx.conf');
  const n = lineWith(lines, 'mqtt.max_packet_size');
  assertScope(lines, n, 'mqtt.max_packet_size', 'support.type.property-name');
  assertScope(lines, n, '.', 'punctuation.separator.key-path');
  const quoted = lineWith(lines, '"quoted.key"');
  assertScope(lines, quoted, '"quoted.key"', 'support.type.property-name');
  assertNoScope(lines, quoted, 'quoted.key', 'punctuation.separator.key-path');
});

test('blocks and nested blocks: keys inside braces, including after a comma in an inline object', async () => {
  const lines = await sample('emqx.conf');
  const open = lineWith(lines, 'ssl_options {');
  assertScope(lines, open, 'ssl_options', 'support.type.property-name');
  assertScope(lines, open, '{', 'punctuation.section.block.begin');
  const inline = lineWith(lines, '{name = "server_2"');
  assertScope(lines, inline, 'name', 'support.type.property-name');
  assertScope(lines, inline, 'url', 'support.type.property-name');
  assertScope(lines, inline, '"http://127.0.0.1:9091"', 'string.quoted.double');
  assertScope(lines, inline, '{', 'meta.array');
  const arrayLine = lineWith(lines, 'versions = [');
  assertScope(lines, arrayLine, '[', 'punctuation.section.array.begin');
  assertScope(lines, arrayLine, ',', 'punctuation.separator.comma');
  assert.equal(lines[lines.length - 1].depth, 1, 'the sample closes every block');
});

test('"""~ indented multi-line strings span lines and end at ~"""', async () => {
  const lines = await sample('emqx.conf');
  const open = lineWith(lines, 'sql = """~');
  assertScope(lines, open, '"""', 'string.quoted.triple');
  assertScope(lines, open, '~', 'keyword.operator.indent');
  const body = open + 1;
  assertScope(lines, body, 'SELECT * FROM', 'string.quoted.triple');
  assertScope(lines, body, '"t/#"', 'string.quoted.triple');
  assertNoScope(lines, body, '"t/#"', 'string.quoted.double');
  assertScope(lines, body, 'payload.x', 'variable.other.placeholder');
  const close = open + 2;
  assertScope(lines, close, '~"""', 'string.quoted.triple');
  assertScope(lines, close, '"""', 'punctuation.definition.string.end');
  const after = lineWith(lines, 'after_sql');
  assertScope(lines, after, 'after_sql', 'support.type.property-name');
  assertNoScope(lines, after, 'after_sql', 'string');
});

test('plain """ strings are raw and a fourth closing quote is flagged', async () => {
  const lines = await sample('emqx.conf');
  const raw = lineWith(lines, 'raw = """');
  assertScope(lines, raw, 'a "quoted" \\n raw', 'string.quoted.triple');
  assertNoScope(lines, raw, '\\n', 'constant.character.escape');
  const bad = lineWith(lines, 'bad_close');
  assertScope(lines, bad, '"', 'invalid.illegal.extra-quotes', -1);
  assertScope(lines, bad, '"', 'punctuation.definition.string.end', 5); // quotes 3-5 close, the 7th is extra
  const next = bad + 1;
  assertScope(lines, next, '//', 'comment.line.double-slash');
});

test('substitutions ${a.b} and ${?a.b} are variables; ${...} inside strings is a placeholder', async () => {
  const lines = await sample('emqx.conf');
  const optional = lineWith(lines, 'fallback = ');
  assertScope(lines, optional, '${', 'punctuation.definition.variable.begin');
  assertScope(lines, optional, '?', 'keyword.operator.optional');
  assertScope(lines, optional, 'cluster.name', 'variable.other');
  assertScope(lines, optional, '}', 'punctuation.definition.variable.end');
  const required = lineWith(lines, 'required = ');
  assertScope(lines, required, 'cluster.name', 'variable.other.substitution');
  const cert = lineWith(lines, 'certfile');
  assertScope(lines, cert, 'EMQX_ETC_DIR', 'variable.other.placeholder');
  assertScope(lines, cert, 'EMQX_ETC_DIR', 'string.quoted.double');
  assertScope(lines, cert, '/certs/cert.pem', 'string.quoted.double');
});

test('durations, sizes, percentages and rates are numeric with a unit', async () => {
  const lines = await sample('emqx.conf');
  const cases: Array<[key: string, value: string, digits: string, unit: string, scope: string]> = [
    ['handshake_timeout', '15s', '15', 's', 'constant.numeric.duration'],
    ['mem_check_interval', '100ms', '100', 'ms', 'constant.numeric.duration'],
    ['session_expiry_interval', '2h', '2', 'h', 'constant.numeric.duration'],
    ['mqtt.max_packet_size', '16MB', '16', 'MB', 'constant.numeric.size'],
    ['buffer', '1gb', '1', 'gb', 'constant.numeric.size'],
    ['high_watermark', '80%', '80', '%', 'constant.numeric.percent'],
    ['bytes_rate', '10MB/s', '10', 'MB', 'constant.numeric.rate'],
  ];
  for (const [key, value, digits, unit, scope] of cases) {
    const n = lineWith(lines, key);
    assertScope(lines, n, value, scope, -1);
    assertScope(lines, n, value, 'constant.numeric', -1);
    assertScope(lines, n, unit, 'keyword.other.unit', -1);
    assertNoScope(lines, n, digits, 'keyword.other.unit', -1);
  }
  assertScope(lines, lineWith(lines, 'bytes_rate'), '/s', 'constant.numeric.rate');
  const plain = lineWith(lines, 'keepalive_multiplier');
  assertWholeToken(lines, plain, '1.5');
  assertScope(lines, plain, '1.5', 'constant.numeric');
});

test('literals: booleans, null, infinity and well-known enum values', async () => {
  const lines = await sample('emqx.conf');
  assertScope(lines, lineWith(lines, 'enable = true'), 'true', 'constant.language.boolean');
  assertScope(lines, lineWith(lines, 'disabled = false'), 'false', 'constant.language.boolean');
  assertScope(lines, lineWith(lines, 'nothing = null'), 'null', 'constant.language.null');
  assertScope(lines, lineWith(lines, 'max_connections'), 'infinity', 'constant.language');
  assertScope(lines, lineWith(lines, 'verify = verify_peer'), 'verify_peer', 'constant.language');
  const versions = lineWith(lines, 'versions = [');
  assertScope(lines, versions, 'tlsv1.3', 'constant.language');
  assertWholeToken(lines, versions, 'tlsv1.3');
  assertScope(lines, lineWith(lines, 'proto_dist = inet_tls'), 'inet_tls', 'constant.language');
  const notEnum = lineWith(lines, 'verify_peer_extra');
  assertScope(lines, notEnum, 'verify_peer_x', 'string.unquoted');
  assertNoScope(lines, notEnum, 'verify_peer_x', 'constant.language');
});

test('comments: # after a value, // on its own line; // inside a URL is not a comment', async () => {
  const lines = await sample('emqx.conf');
  const after = lineWith(lines, 'comment after a value');
  assertScope(lines, after, 'verify_peer', 'constant.language');
  assertScope(lines, after, '# comment after a value', 'comment.line.number-sign');
  assertScope(lines, 0, '## EMQX 5.x sample', 'comment.line.number-sign');
  assertScope(lines, lineWith(lines, '// double-slash'), '// double-slash comment', 'comment.line.double-slash');
  const tight = tokenize(await loadGrammar(SCOPE), 'a = "x"// after a string\nb {// after a brace\n}\n');
  assertScope(tight, 0, '"x"', 'string.quoted.double');
  assertScope(tight, 0, '// after a string', 'comment.line.double-slash');
  assertScope(tight, 1, '// after a brace', 'comment.line.double-slash');
  assert.equal(tight[2].depth, 1);
  const flat = await sample('emqx4.conf');
  const cors = lineWith(flat, 'dashboard.cors');
  assertNoScope(flat, cors, '//localhost', 'comment');
  assertScope(flat, cors, 'http://localhost:18083', 'string.unquoted');
});

test('include "f" and include required("f") are keyword plus string; url()/file() are flagged', async () => {
  const lines = await sample('emqx.conf');
  const plain = lineWith(lines, 'include "listeners.conf"');
  assertScope(lines, plain, 'include', 'keyword.control.import');
  assertScope(lines, plain, '"listeners.conf"', 'string.quoted.double');
  const required = lineWith(lines, 'include required(');
  assertScope(lines, required, 'include', 'keyword.control.import');
  assertScope(lines, required, 'required', 'support.function');
  assertScope(lines, required, '(', 'punctuation.section.parens.begin');
  assertScope(lines, required, '"/etc/emqx/extra.conf"', 'string.quoted.double');
  assertScope(lines, lineWith(lines, 'include file('), 'file("nope.conf")', 'invalid.illegal.unsupported-include');
});

test('{{ placeholder }} build templates stand out in strings and in unquoted values', async () => {
  const lines = await sample('emqx.conf');
  const cookie = lineWith(lines, 'cookie = ');
  assertScope(lines, cookie, '{{ emqx_default_erlang_cookie }}', 'invalid.illegal.template-placeholder');
  assertScope(lines, cookie, '{{ emqx_default_erlang_cookie }}', 'meta.template.expression');
  const flat = await sample('emqx4.conf');
  const dataDir = lineWith(flat, 'node.data_dir');
  assertScope(flat, dataDir, '{{ platform_data_dir }}', 'invalid.illegal.template-placeholder');
  assertNoScope(flat, dataDir, '{{', 'meta.object');
  assert.equal(flat[dataDir].depth, 1, 'a template does not open a block');
});

test('string escapes: known ones are constants, unknown ones invalid; an unterminated string stops at the line end', async () => {
  const lines = await sample('emqx.conf');
  const n = lineWith(lines, 'escaped = ');
  assertScope(lines, n, '\\t', 'constant.character.escape');
  assertScope(lines, n, '\\"', 'constant.character.escape');
  assertScope(lines, n, '\\q', 'invalid.illegal.unrecognized-string-escape');
  const next = lineWith(lines, 'next_line');
  assertScope(lines, next, 'next_line', 'support.type.property-name');
  assertScope(lines, next, '2', 'constant.numeric');
});

test('EMQX 4.x flat files: dotted keys, whole unquoted values, comma lists stay one value', async () => {
  const lines = await sample('emqx4.conf');
  const tcp = lineWith(lines, 'listener.tcp.external');
  assertScope(lines, tcp, 'listener.tcp.external', 'support.type.property-name');
  assertWholeToken(lines, tcp, '0.0.0.0:1883');
  assertScope(lines, tcp, '0.0.0.0:1883', 'string.unquoted');
  assertNoScope(lines, tcp, '0.0.0.0:1883', 'constant.numeric');
  const name = lineWith(lines, 'node.name');
  assertWholeToken(lines, name, 'emqx@127.0.0.1');
  const versions = lineWith(lines, 'tls_versions');
  assertScope(lines, versions, 'tlsv1.3', 'constant.language');
  assertScope(lines, versions, 'tlsv1.2', 'constant.language');
  const params = lineWith(lines, 'auth_req.params');
  assertScope(lines, params, 'clientid=%c', 'string.unquoted');
  assertScope(lines, params, 'username=%u', 'string.unquoted');
  assertNoScope(lines, params, 'username', 'support.type.property-name');
  assertScope(lines, lineWith(lines, 'content-type'), 'web.hook.headers.content-type', 'support.type.property-name');
  assertScope(lines, lineWith(lines, 'autoclean'), '5m', 'constant.numeric.duration');
  assertScope(lines, lineWith(lines, 'enable_acl'), 'on', 'constant.language.boolean', -1);
  assertScope(lines, lineWith(lines, 'acl_nomatch'), 'allow', 'constant.language', -1);
  for (const line of lines) assert.equal(line.depth, 1, `flat files never nest: ${line.text}`);
});

test('CRLF files tokenize exactly like LF files', async () => {
  const grammar = await loadGrammar(SCOPE);
  for (const name of ['emqx.conf', 'emqx4.conf']) {
    const lf = readSample(name);
    assert.ok(!lf.includes('\r'));
    const crlf = tokenize(grammar, lf.replace(/\n/g, '\r\n'));
    const plain = tokenize(grammar, lf);
    assert.equal(crlf.length, plain.length);
    assert.deepEqual(crlf.map((l) => l.tokens), plain.map((l) => l.tokens), name);
  }
  // Tools that split on \n only leave a \r at each line end: the multi-line forms must still open and close.
  const stray = tokenize(grammar, 'a = """~\r\n  x\r\n~"""\r\nb = 15s # c\r\n', 1000, /\n/);
  assert.ok(stray[0].text.endsWith('\r'));
  assertScope(stray, 1, 'x', 'string.quoted.triple.indented');
  assertScope(stray, 2, '"""', 'punctuation.definition.string.end');
  assertScope(stray, 3, 'b', 'support.type.property-name');
  assertScope(stray, 3, '15s', 'constant.numeric.duration');
  assertScope(stray, 3, '# c', 'comment.line.number-sign');
  assert.equal(stray[stray.length - 1].depth, 1);
});

test('every HOCON file of the corpus tokenizes quickly with a shallow rule stack and closes every block', async () => {
  const grammar = await loadGrammar(SCOPE);
  const files = [
    ...findFiles(path.join(CORPUS_DIR, 'emqx'), (n) => /\.(conf|hocon|conf\.example)$/.test(n) && n !== 'acl.conf' && n !== 'ssl_dist.conf'),
    ...findFiles(path.join(CORPUS_DIR, 'hocon', 'emqx-hocon'), (n) => /\.(conf|hocon)$/.test(n)),
  ];
  assert.ok(files.length > 150, `expected the corpus, found ${files.length} files`);
  let emqxConfs = 0;
  for (const file of files) {
    if (path.basename(file) === 'emqx.conf') emqxConfs++;
    const lines = tokenize(grammar, fs.readFileSync(file, 'utf8'), 500);
    const rel = path.relative(CORPUS_DIR, file);
    assert.ok(lines.every((l) => !l.stoppedEarly), `${rel}: tokenizer stopped early`);
    assert.ok(maxDepth(lines) <= 12, `${rel}: rule stack grew to ${maxDepth(lines)}`);
    assert.equal(lines[lines.length - 1].depth, 1, `${rel}: ends inside a block or string`);
  }
  assert.ok(emqxConfs >= 3, 'the shipped emqx.conf files are part of the run');
});

test('shipped files read as expected: the 4.x emqx.conf and the 5.8 TLS listener example', async () => {
  const grammar = await loadGrammar(SCOPE);
  const v4 = tokenize(grammar, fs.readFileSync(path.join(CORPUS_DIR, 'emqx', 'v4.4.19', 'etc', 'emqx.conf'), 'utf8'));
  const tcp = v4.findIndex((l) => l.text === 'listener.tcp.external = 0.0.0.0:1883');
  assert.ok(tcp >= 0);
  assertScope(v4, tcp, 'listener.tcp.external', 'support.type.property-name');
  assertWholeToken(v4, tcp, '0.0.0.0:1883');
  const ciphers = v4.findIndex((l) => l.text.startsWith('listener.ssl.external.ciphers = '));
  assert.ok(ciphers >= 0);
  assertScope(v4, ciphers, 'ECDHE-ECDSA-DES-CBC3-SHA', 'string.unquoted');
  const ssl = tokenize(grammar, fs.readFileSync(path.join(CORPUS_DIR, 'emqx', 'v5.8.9', 'rel', 'config', 'examples', 'listeners.ssl.conf.example'), 'utf8'));
  const verify = lineWith(ssl, 'verify = verify_none');
  assertScope(ssl, verify, 'verify', 'support.type.property-name');
  assertScope(ssl, verify, 'verify_none', 'constant.language');
  assertScope(ssl, verify, '## use verify_peer to enable', 'comment.line.number-sign');
  const cert = lineWith(ssl, 'certfile = "${EMQX_ETC_DIR}');
  assertScope(ssl, cert, 'EMQX_ETC_DIR', 'variable.other.placeholder');
  assertScope(ssl, lineWith(ssl, 'handshake_timeout'), '15s', 'constant.numeric.duration');
});
