import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS_DIR, assertNoScope, assertScope, assertWholeToken, findFiles, lineWith, loadGrammar, maxDepth, readSample, tokenize, type TokenizedLine } from './tokenize';

async function sample(scope: string, name: string): Promise<TokenizedLine[]> {
  return tokenize(await loadGrammar(scope), readSample(name));
}

/** Every line tokenizes in time, the stack stays flat, and the file ends at the root state. */
async function assertTokenizesCleanly(scope: string, files: string[], maxStack: number): Promise<void> {
  const grammar = await loadGrammar(scope);
  for (const file of files) {
    const lines = tokenize(grammar, fs.readFileSync(file, 'utf8'), 500);
    const rel = path.relative(path.resolve('..'), file);
    assert.ok(lines.every((l) => !l.stoppedEarly), `${rel}: tokenizer stopped early`);
    assert.ok(maxDepth(lines) <= maxStack, `${rel}: rule stack grew to ${maxDepth(lines)}`);
    assert.equal(lines[lines.length - 1].depth, 1, `${rel}: does not end at the root state`);
  }
}

// ---------------------------------------------------------------- vm.args

test('vm.args: flags, their arguments, tuples and comments', async () => {
  const lines = await sample('source.erlang-vmargs', 'vm.args');
  assertScope(lines, 0, '## Node name and cookie', 'comment.line.number-sign');
  const name = lineWith(lines, '-name');
  assertScope(lines, name, '-name', 'keyword.other.flag');
  assertWholeToken(lines, name, 'emqx@127.0.0.1');
  assertScope(lines, name, 'emqx@127.0.0.1', 'string.unquoted.node-name');
  const cookie = lineWith(lines, '-setcookie');
  assertScope(lines, cookie, '-setcookie', 'keyword.other.flag');
  assertScope(lines, cookie, "'emqx secret'", 'constant.other.symbol.quoted.single');
  const p = lineWith(lines, '+P');
  assertScope(lines, p, '+P', 'keyword.other.flag.emulator');
  assertScope(lines, p, '2097152', 'constant.numeric');
  const sd = lineWith(lines, '+SDcpu');
  assertScope(lines, sd, '8', 'constant.numeric', 0);
  assertScope(lines, sd, '8', 'constant.numeric', 1);
  const env = lineWith(lines, 'ERL_MAX_PORTS');
  assertScope(lines, env, '-env', 'keyword.other.flag');
  assertScope(lines, env, 'ERL_MAX_PORTS', 'variable.other.env');
  assertScope(lines, env, '# inline note', 'comment.line.number-sign');
  const kernel = lineWith(lines, 'inet_dist_listen_min');
  assertScope(lines, kernel, '-kernel', 'keyword.other.flag.application');
  assertScope(lines, kernel, 'inet_dist_listen_min', 'support.type.property-name');
  assertScope(lines, kernel, '4370', 'constant.numeric');
  const tuple = lineWith(lines, '{10,0,1,5}');
  assertScope(lines, tuple, '{10,0,1,5}', 'meta.structure.tuple');
  assertScope(lines, tuple, '{', 'punctuation.definition.tuple.begin');
  assertScope(lines, tuple, '10', 'constant.numeric');
  assertScope(lines, tuple, ',', 'punctuation.separator.comma');
  assertScope(lines, tuple, '}', 'punctuation.definition.tuple.end');
  assertScope(lines, lineWith(lines, '-proto_dist'), 'inet_tls', 'constant.other.symbol');
  assertScope(lines, lineWith(lines, '-ssl_dist_optfile'), '"/etc/emqx/ssl_dist.conf"', 'string.quoted.double');
  assertScope(lines, lineWith(lines, '+spp'), 'true', 'constant.language.boolean');
  const sct = lineWith(lines, '+sct');
  assertWholeToken(lines, sct, 'L0-3c0-3p0N0:L4-7c0-3p1N1');
  assertNoScope(lines, sct, 'L0-3c0-3p0N0:L4-7c0-3p1N1', 'keyword.other.flag');
  const pa = lineWith(lines, '-pa');
  assertScope(lines, pa, '{{ platform_data_dir }}', 'invalid.illegal.template-placeholder');
  assertScope(lines, pa, '/patches', 'string.quoted.double');
  const crash = lineWith(lines, 'ERL_CRASH_DUMP');
  assertScope(lines, crash, '{{ platform_log_dir }}', 'invalid.illegal.template-placeholder');
  assertNoScope(lines, crash, '{{ platform_log_dir }}', 'meta.structure.tuple');
  const commented = lineWith(lines, '#+Q');
  assertScope(lines, commented, '+Q 65536', 'comment.line.number-sign');
  assertNoScope(lines, commented, '+Q', 'keyword.other.flag');
  const logger = lineWith(lines, '-kernel logger');
  assertScope(lines, logger, '[', 'punctuation.definition.list.begin');
  assertScope(lines, logger, 'handler', 'meta.structure.tuple');
  assertScope(lines, logger, 'handler', 'meta.structure.list');
  for (const line of lines) assert.equal(line.depth, 1, `one argument list per line: ${line.text}`);
});

test('vm.args: an unclosed tuple or string does not leak into the next line', async () => {
  const lines = tokenize(await loadGrammar('source.erlang-vmargs'), '-kernel x {1,2\n-name "a\n+P 10\n');
  assertScope(lines, 1, '-name', 'keyword.other.flag');
  assertScope(lines, 2, '+P', 'keyword.other.flag.emulator');
  assertNoScope(lines, 2, '+P', 'string');
});

test('vm.args: every corpus vm.args tokenizes cleanly', async () => {
  const files = findFiles(path.join(CORPUS_DIR, 'emqx'), (n) => /vm\.args/.test(n));
  assert.ok(files.length >= 6, `found ${files.length} vm.args files`);
  await assertTokenizesCleanly('source.erlang-vmargs', files, 4);
});

// ---------------------------------------------------------------- sysctl

test('sysctl: keys, separators, values, both comment styles and the leading -', async () => {
  const lines = await sample('source.sysctl-conf', 'sysctl.conf');
  assertScope(lines, 0, '# Kernel tuning for EMQX', 'comment.line.number-sign');
  assertScope(lines, 1, '; also a comment', 'comment.line.semicolon');
  const fileMax = lineWith(lines, 'fs.file-max');
  assertScope(lines, fileMax, 'fs.file-max', 'support.type.property-name');
  assertScope(lines, fileMax, '.', 'punctuation.separator.key-path');
  assertScope(lines, fileMax, '=', 'punctuation.separator.key-value');
  assertScope(lines, fileMax, '2097152', 'constant.numeric');
  const tight = lineWith(lines, 'somaxconn=');
  assertScope(lines, tight, 'net.core.somaxconn', 'support.type.property-name');
  assertScope(lines, tight, '32768', 'constant.numeric');
  const dash = lineWith(lines, '-net.netfilter');
  assertScope(lines, dash, '-', 'keyword.operator.ignore-failure');
  assertScope(lines, dash, 'net.netfilter.nf_conntrack_max', 'support.type.property-name');
  assertNoScope(lines, dash, '-', 'support.type.property-name');
  const slash = lineWith(lines, 'net/ipv4');
  assertScope(lines, slash, 'net/ipv4/tcp_max_syn_backlog', 'support.type.property-name');
  assertScope(lines, slash, '/', 'punctuation.separator.key-path');
  const rmem = lineWith(lines, 'tcp_rmem');
  for (const n of ['4096', '87380', '16777216']) assertScope(lines, rmem, n, 'constant.numeric');
  assertScope(lines, lineWith(lines, 'conf.*.rp_filter'), '*', 'keyword.operator.wildcard');
  const pattern = lineWith(lines, 'core_pattern');
  assertScope(lines, pattern, '# not a comment', 'meta.value');
  assertNoScope(lines, pattern, '# not a comment', 'comment');
  assertScope(lines, lineWith(lines, 'ip_local_port_range'), 'net.ipv4.ip_local_port_range', 'support.type.property-name');
});

// ---------------------------------------------------------------- systemd

test('systemd: sections, keys, values, Environment quoting, Exec prefixes and continuation lines', async () => {
  const lines = await sample('source.emqx-systemd', 'emqx.service');
  assertScope(lines, 0, 'Unit', 'entity.name.section.group-title');
  assertScope(lines, 0, '[', 'punctuation.definition.section.begin');
  const user = lineWith(lines, 'User=');
  assertScope(lines, user, 'User', 'support.type.property-name');
  assertScope(lines, user, '=', 'punctuation.separator.key-value');
  assertScope(lines, user, 'emqx', 'string.unquoted');
  assertScope(lines, lineWith(lines, '# The ExecStart='), '# The ExecStart= is foreground', 'comment.line.number-sign');
  assertScope(lines, lineWith(lines, '; semicolon'), '; semicolon comment', 'comment.line.semicolon');
  const home = lineWith(lines, 'Environment=HOME');
  assertScope(lines, home, 'HOME', 'variable.other.env');
  assertScope(lines, home, '/var/lib/emqx', 'string.unquoted');
  const quoted = lineWith(lines, 'EMQX_NODE__COOKIE');
  assertScope(lines, quoted, '"EMQX_NODE__COOKIE=change me"', 'string.quoted.double');
  assertScope(lines, quoted, 'EMQX_NODE__COOKIE', 'variable.other.env');
  assertScope(lines, quoted, 'change me', 'string.quoted.double');
  assertScope(lines, quoted, 'EMQX_LOG__LEVEL', 'variable.other.env');
  assertScope(lines, quoted, 'warning', 'string.unquoted');
  const start = lineWith(lines, 'ExecStart=/bin');
  assertScope(lines, start, '/bin/bash', 'entity.name.function.command');
  const stop = lineWith(lines, 'ExecStop=');
  assertScope(lines, stop, '-', 'keyword.operator.exec-prefix');
  assertScope(lines, stop, "'/usr/bin/emqx stop; exit 0'", 'string.quoted.single');
  assertScope(lines, lineWith(lines, 'LimitNOFILE'), '1048576', 'constant.numeric');
  const timeout = lineWith(lines, 'TimeoutStopSec');
  assertScope(lines, timeout, '120', 'constant.numeric');
  assertScope(lines, timeout, 's', 'keyword.other.unit', -1);
  assertScope(lines, lineWith(lines, 'RestartSec'), 'min', 'keyword.other.unit');
  assertScope(lines, lineWith(lines, 'NoNewPrivileges'), 'yes', 'constant.language.boolean');
  assertNoScope(lines, lineWith(lines, 'Restart=on-failure'), 'on-failure', 'constant.language');
  assertScope(lines, lineWith(lines, 'WorkingDirectory'), '%i', 'constant.other.placeholder');
  const cont = lineWith(lines, 'ReadWritePaths');
  assertScope(lines, cont, '\\', 'constant.character.escape.line-continuation');
  assertScope(lines, cont + 1, '/var/log/emqx', 'meta.entry');
  assertScope(lines, cont + 1, '/var/log/emqx', 'string.unquoted');
  assertScope(lines, cont + 2, 'ProtectSystem', 'support.type.property-name');
  assertScope(lines, lineWith(lines, 'WantedBy'), 'multi-user.target', 'string.unquoted');
});

test('systemd: # is a comment only at the start of a line', async () => {
  const lines = tokenize(await loadGrammar('source.emqx-systemd'), 'Description=EMQX # broker\n  # indented comment\n');
  assertNoScope(lines, 0, '# broker', 'comment');
  assertScope(lines, 1, '# indented comment', 'comment.line.number-sign');
});

test('systemd: every corpus service unit tokenizes cleanly', async () => {
  const files = findFiles(path.join(CORPUS_DIR, 'emqx'), (n) => n.endsWith('.service'));
  assert.ok(files.length >= 3, `found ${files.length} units`);
  await assertTokenizesCleanly('source.emqx-systemd', files, 3);
  const unit = tokenize(await loadGrammar('source.emqx-systemd'), fs.readFileSync(files[0], 'utf8'));
  assertScope(unit, lineWith(unit, '[Service]'), 'Service', 'entity.name.section.group-title');
  assertScope(unit, lineWith(unit, 'LimitNOFILE'), 'LimitNOFILE', 'support.type.property-name');
});

// ---------------------------------------------------------------- limits.conf

test('limits.conf: domain, type, item and value columns, comments and typos', async () => {
  const lines = await sample('source.limits-conf', 'limits.conf');
  assertScope(lines, 0, '# <domain> <type> <item> <value>', 'comment.line.number-sign');
  const star = lineWith(lines, '*        soft');
  assertScope(lines, star, '*', 'entity.name.tag.domain');
  assertScope(lines, star, '*', 'keyword.operator.wildcard');
  assertScope(lines, star, 'soft', 'keyword.other.limit-type');
  assertScope(lines, star, 'nofile', 'support.type.property-name');
  assertScope(lines, star, '1048576', 'constant.numeric');
  const user = lineWith(lines, '# the broker');
  assertScope(lines, user, 'emqx', 'entity.name.tag.domain');
  assertScope(lines, user, 'hard', 'keyword.other.limit-type');
  assertScope(lines, user, '# the broker', 'comment.line.number-sign');
  const group = lineWith(lines, '@mqtt');
  assertScope(lines, group, '@', 'punctuation.definition.group');
  assertScope(lines, group, 'mqtt', 'entity.name.tag.domain');
  assertScope(lines, group, '-', 'keyword.other.limit-type');
  assertScope(lines, group, 'unlimited', 'constant.language');
  assertScope(lines, lineWith(lines, '%admins'), 'maxlogins', 'support.type.property-name');
  const typo = lineWith(lines, 'sfot');
  assertScope(lines, typo, 'sfot', 'invalid.illegal.limit-type');
  assertScope(lines, typo, 'nofiles', 'invalid.illegal.unknown-item');
  const partial = lineWith(lines, 'emqx     soft    nofile\n'.trimEnd());
  assert.equal(lines[partial].text.trim(), 'emqx     soft    nofile');
  assertScope(lines, partial, 'nofile', 'support.type.property-name');
  assertScope(lines, lineWith(lines, 'extra'), 'extra', 'invalid.illegal.extra-column');
});
