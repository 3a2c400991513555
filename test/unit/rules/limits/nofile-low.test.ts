import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../../server/src/core/text';
import { rule } from '../../../../server/src/rules/limits/nofile-low';
import { runRuleTests, findingsOf } from '../ruleTester';

runRuleTests(rule, {
  valid: [
    { name: 'the tuning guide value for the emqx user', files: { 'limits.conf': 'emqx soft nofile 2097152\nemqx hard nofile 2097152\n' } },
    { name: 'a wildcard line at the floor', files: { 'limits.conf': '*  -  nofile  1048576\n' } },
    { name: "the emqx user's own line beats a low wildcard", files: { 'limits.conf': '* - nofile 1024\n', 'limits.d/90-emqx.conf': 'emqx - nofile 2097152\n' } },
    { name: 'other users and items are not checked', files: { 'limits.conf': 'postgres - nofile 1024\nemqx - nproc 4096\n' } },
    { name: 'unlimited is not low', files: { 'limits.conf': 'emqx - nofile unlimited\n' } },
    { name: 'no limits file', files: { 'sysctl.conf': 'fs.nr_open = 2097152\n' } },
  ],
  invalid: [
    {
      name: 'a low wildcard with nothing more specific',
      files: { 'limits.conf': '# defaults\n*               -       nofile          65536\n' },
      errors: [{ text: '65536', line: 2, message: /^\* - nofile 65536 in limits\.conf lets an EMQX started from a login session open only 65,536 files, below 1,048,576/ }],
      output: { 'limits.conf': '# defaults\n*               -       nofile          2097152\n' },
    },
    {
      name: 'a low soft limit: the low hard limit is raised with it',
      files: { 'limits.d/emqx.conf': 'emqx soft nofile 65536\nemqx hard nofile 65536\n' },
      errors: [
        { text: '65536', line: 1, message: /^emqx soft nofile 65536/ },
        { text: '65536', line: 2, message: /^emqx hard nofile 65536/ },
      ],
    },
    {
      name: 'only the soft limit low',
      files: { 'limits.conf': 'emqx hard nofile 2097152\nemqx soft nofile 4096\n' },
      errors: [{ text: '4096', line: 2 }],
      output: { 'limits.conf': 'emqx hard nofile 2097152\nemqx soft nofile 2097152\n' },
    },
    {
      name: 'the group line when the user has none',
      files: { 'limits.conf': '* - nofile 2097152\n@emqx - nofile 100000\n' },
      errors: [{ text: '100000', message: /^@emqx - nofile 100000/ }],
      output: { 'limits.conf': '* - nofile 2097152\n@emqx - nofile 2097152\n' },
    },
  ],
});

test('raising a low soft limit raises a low hard limit with it', () => {
  const files = { 'limits.conf': 'emqx soft nofile 65536\nemqx hard nofile 65536\n' };
  const [soft] = findingsOf(rule.id, { name: 'x', files });
  assert.equal(applyEdits(files['limits.conf'], soft.fixes[0].edits), 'emqx soft nofile 2097152\nemqx hard nofile 2097152\n');
  assert.deepEqual(findingsOf(rule.id, { name: 'y', files: { 'limits.conf': applyEdits(files['limits.conf'], soft.fixes[0].edits) } }), []);
});
