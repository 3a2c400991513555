import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/erlang/cookie-mismatch';
import { runRuleTests, findingsOf } from '../ruleTester';

const STRONG = 'Vb7TqkL2mXw9RzH4pNc8sJd3FgY6aKe5Q1uBnZrWtMhx0oPi';
const OTHER = 'Qz8WmL3kTx7Rb2NcVp5HsJd9GfY4aKe6U1uBnZrWtMhx0oPj';
const UNIT = (env: string) => `[Unit]\nDescription=EMQX\n\n[Service]\n${env}\nExecStart=/opt/emqx/bin/emqx foreground\n`;

runRuleTests(rule, {
  valid: [
    {
      name: 'hardened: the same strong cookie in emqx.conf and vm.args',
      files: { 'emqx.conf': `node {\n  name = "emqx1@10.0.1.5"\n  cookie = "${STRONG}"\n}\n`, 'vm.args': `-name emqx1@10.0.1.5\n-setcookie ${STRONG}\n` },
    },
    { name: 'a single place sets the cookie', files: { 'emqx.conf': `node.cookie = "${STRONG}"\n`, 'vm.args': '-name emqx1@10.0.1.5\n' } },
    { name: 'no cookie anywhere', files: { 'emqx.conf': 'node.name = "emqx@127.0.0.1"\n' } },
    {
      name: 'the environment repeats the file\'s cookie',
      files: { 'emqx.conf': `node.cookie = "${STRONG}"\n`, 'emqx.service': UNIT(`Environment=EMQX_NODE__COOKIE=${STRONG}`) },
    },
  ],
  invalid: [
    {
      name: 'emqx.conf and vm.args disagree (5.x)',
      files: { 'emqx.conf': 'node {\n  cookie = "emqxsecretcookie"\n}\n', 'vm.args': '-name emqx1@10.0.1.5\n-setcookie plant2024\n' },
      errors: [
        { text: '"emqxsecretcookie"', line: 2, message: /^node\.cookie in emqx\.conf sets the Erlang cookie "emq…" \(16 characters\), but -setcookie in vm\.args sets "pla…" \(9 characters\)/ },
        { file: 'vm.args', text: 'plant2024', line: 2, message: /^-setcookie in vm\.args sets the Erlang cookie "pla…".*node\.cookie in emqx\.conf/ },
      ],
    },
    {
      name: 'EMQX_NODE__COOKIE in the unit replaces a different node.cookie in emqx.conf',
      files: { 'emqx.conf': `node.cookie = "${STRONG}"\n`, 'emqx.service': UNIT(`Environment=EMQX_NODE__COOKIE=${OTHER}`) },
      errors: [
        { text: `"${STRONG}"`, message: /^node\.cookie in emqx\.conf .* but EMQX_NODE__COOKIE in emqx\.service sets "Qz8…"/ },
        { file: 'emqx.service', text: OTHER, message: /^EMQX_NODE__COOKIE in emqx\.service sets the Erlang cookie "Qz8…" \(48 characters\)/ },
      ],
    },
    {
      name: '4.x flat node.cookie against EMQX_NODE_COOKIE',
      files: {
        'emqx.conf': 'node.name = emqx@127.0.0.1\nnode.cookie = emqxsecretcookie\nlistener.tcp.external = 0.0.0.0:1883\n',
        'emqx.service': UNIT(`Environment="EMQX_NODE_COOKIE=${OTHER}"`),
      },
      errors: [{ line: 2, text: 'emqxsecretcookie', message: /EMQX_NODE_COOKIE in emqx\.service/ }, { file: 'emqx.service', text: OTHER }],
    },
    {
      name: '4.x flat node.cookie against EMQX_NODE__COOKIE (the flat view does not apply the environment itself)',
      files: { 'emqx.conf': `node.name = emqx@127.0.0.1\nnode.cookie = ${STRONG}\n`, 'emqx.service': UNIT(`Environment=EMQX_NODE__COOKIE=${OTHER}`) },
      errors: [{ line: 2, text: STRONG, message: /but EMQX_NODE__COOKIE in emqx\.service sets "Qz8…"/ }, { file: 'emqx.service', text: OTHER }],
    },
  ],
});

test('each finding points at the other cookie sites and never shows a cookie whole', () => {
  const files = { 'emqx.conf': `node.cookie = "${STRONG}"\n`, 'vm.args': `-setcookie ${OTHER}\n` };
  const found = findingsOf(rule.id, { name: 'pair', files });
  assert.equal(found.length, 2);
  assert.deepEqual(found[0].related?.map((r) => r.file), ['/deploy/vm.args']);
  assert.deepEqual(found[1].related?.map((r) => r.file), ['/deploy/emqx.conf']);
  for (const f of found) {
    assert.ok(!f.message.includes(STRONG.slice(0, 6)));
    assert.ok(!f.message.includes(OTHER.slice(0, 6)));
  }
});

test('three sites with three values: each names one other and counts the rest', () => {
  const files = {
    'emqx.conf': `node.cookie = "${STRONG}"\n`,
    'vm.args': `-setcookie ${OTHER}\n`,
    'vm.args.override': '-setcookie Third3CookieValueThatIsLongEnough0000\n',
  };
  const found = findingsOf(rule.id, { name: 'three', files });
  assert.equal(found.length, 3);
  assert.match(found[0].message, /and 1 more place;/);
  assert.equal(found[0].related?.length, 2);
});
