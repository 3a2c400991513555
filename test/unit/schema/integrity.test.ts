// The tables agree with themselves and with the rule catalogue in ../shared/design/rules.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EMQX_KEYS } from '../../../server/src/schema/emqxKeys';
import { EMQX4_KEYS } from '../../../server/src/schema/emqx4Keys';
import {
  checkValue, emqxKeyInfo, listKernelParams, listLimitsItems, listSysctlKeys, listSystemdDirectives, listVmargsFlags,
  type EmqxVersion, type KeyInfo,
} from '../../../server/src/schema/index';

const HOCON: EmqxVersion[] = ['5.0', '5', '6'];
const versionsOf = (k: KeyInfo, fallback: EmqxVersion[]) => k.versions ?? fallback;

test('every rule id named in the tables exists in the rule catalogue', () => {
  const catalogue = readFileSync(path.resolve('..', 'shared', 'design', 'rules.md'), 'utf8');
  const known = new Set([...catalogue.matchAll(/\| `([a-z0-9-]+\/[a-z0-9-]+)` \|/g)].map((m) => m[1]));
  assert.ok(known.size > 50, 'the catalogue was read');
  const used = [
    ...EMQX_KEYS.flatMap((k) => k.ruleIds ?? []),
    ...EMQX4_KEYS.flatMap((k) => k.ruleIds ?? []),
    ...listSysctlKeys().flatMap((k) => k.ruleIds),
    ...listVmargsFlags().flatMap((k) => k.ruleIds),
    ...listKernelParams().flatMap((k) => k.ruleIds),
    ...listSystemdDirectives().flatMap((k) => k.ruleIds),
    ...listLimitsItems().flatMap((k) => k.ruleIds),
  ];
  const unknown = [...new Set(used.filter((id) => !known.has(id)))];
  assert.deepEqual(unknown, []);
});

test('no pattern is defined twice for the same version', () => {
  for (const [table, fallback] of [[EMQX_KEYS, HOCON], [EMQX4_KEYS, ['4']]] as const) {
    const seen = new Map<string, string>();
    for (const k of table) {
      for (const v of versionsOf(k, [...fallback])) {
        const id = `${v} ${k.path}`;
        assert.ok(!seen.has(id), `duplicate ${id}`);
        seen.set(id, k.path);
      }
    }
  }
});

test('every default passes its own value check and every enum default is a member', () => {
  for (const k of [...EMQX_KEYS, ...EMQX4_KEYS]) {
    for (const [version, value] of Object.entries(k.defaults ?? {})) {
      assert.equal(checkValue(k, value), undefined, `${k.path} default for ${version}: ${JSON.stringify(value)}`);
    }
    if (k.type === 'enum') assert.ok(k.enum?.length, `${k.path} has enum values`);
  }
});

test('every deprecated key points at a current key of the same version', () => {
  for (const k of EMQX_KEYS.filter((x) => x.deprecated)) {
    for (const v of versionsOf(k, HOCON)) {
      const target = emqxKeyInfo(k.deprecated!.replacedBy.split('.'), v);
      assert.ok(target, `${k.path} -> ${k.deprecated!.replacedBy} in ${v}`);
      assert.equal(target.deprecated, undefined, `${k.path} -> ${k.deprecated!.replacedBy} is current`);
      assert.ok(k.ruleIds?.includes('emqx/deprecated-key'), `${k.path} names emqx/deprecated-key`);
    }
  }
});

test('every key has a short description of its own and secrets are marked sensitive', () => {
  for (const k of EMQX_KEYS) {
    assert.ok(k.description.length > 10 && k.description.length < 320, `${k.path}: ${k.description}`);
    if (k.type === 'secret') assert.equal(k.sensitive, true, `${k.path} is sensitive`);
    if (k.ruleIds?.length && k.securityNote) assert.ok(!k.securityNote.includes('\n'), k.path);
  }
  for (const name of ['node.cookie', 'dashboard.default_password', 'listeners.ssl.default.ssl_options.password', 'authentication.0.password']) {
    assert.equal(emqxKeyInfo(name.split('.'), '5')?.sensitive, true, name);
  }
});
