// No false unknown-key or invalid-value on the configs EMQX itself ships (5.8.9 and 6.2.2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHocon, type HoconObject, type HoconValue } from '../../../server/src/parsers/hocon/index';
import { checkValue, emqxKeyInfo, isKnownSection, type EmqxVersion } from '../../../server/src/schema/index';

const CORPUS = path.resolve('..', 'shared', 'corpus', 'emqx');

function shippedConfigs(release: string): string[] {
  const root = path.join(CORPUS, release);
  const files = [path.join(root, 'apps/emqx/etc/emqx.conf'), path.join(root, 'apps/emqx_conf/etc/base.hocon'), path.join(root, 'apps/emqx_conf/etc/emqx_conf.conf')];
  for (const dir of ['rel/config/examples', 'rel/config/ee-examples']) {
    const full = path.join(root, dir);
    if (!existsSync(full)) continue;
    for (const name of readdirSync(full)) if (/\.conf(\.example)?$/.test(name)) files.push(path.join(full, name));
  }
  return files.filter((f) => existsSync(f));
}

interface Seen {
  path: string[];
  value: HoconValue | undefined;
}

/** Every key path written in a document, with the value written there (objects merged by walking). */
function walk(obj: HoconObject, prefix: string[], out: Seen[]): void {
  for (const member of obj.members) {
    if (member.type !== 'field') continue;
    const keyPath = [...prefix];
    member.key.segments.forEach((seg, i) => {
      keyPath.push(seg.name);
      if (i < member.key.segments.length - 1) out.push({ path: [...keyPath], value: undefined });
    });
    out.push({ path: keyPath, value: member.value });
    visitValue(member.value, keyPath, out);
  }
}

function visitValue(value: HoconValue | undefined, keyPath: string[], out: Seen[]): void {
  if (!value) return;
  if (value.type === 'object') walk(value, keyPath, out);
  else if (value.type === 'array') value.items.forEach((item, i) => {
    if (item.type === 'object') walk(item, [...keyPath, String(i)], out);
  });
  else if (value.type === 'concat') value.parts.forEach((part) => visitValue(part, keyPath, out));
}

function plain(value: HoconValue | undefined): unknown {
  if (!value) return undefined;
  switch (value.type) {
    case 'string': case 'number': case 'boolean': return value.value;
    case 'null': return null;
    case 'array': return value.items.map(plain);
    case 'object': return {};
    default: return undefined; // substitutions and concatenations are left to the resolver
  }
}

for (const [release, version] of [['v5.8.9', '5'], ['6.2.2', '6']] as Array<[string, EmqxVersion]>) {
  test(`every key in EMQX ${release}'s shipped configs is known and every value valid`, () => {
    const files = shippedConfigs(release);
    assert.ok(files.length > 30, `found ${files.length} shipped configs`);
    const unknown: string[] = [];
    const invalid: string[] = [];
    let checked = 0;
    for (const file of files) {
      const doc = parseHocon(readFileSync(file, 'utf8'));
      const seen: Seen[] = [];
      walk(doc.root, [], seen);
      for (const { path: keyPath, value } of seen) {
        if (!isKnownSection(keyPath.slice(0, -1), version)) continue;
        checked++;
        const info = emqxKeyInfo(keyPath, version);
        const where = `${path.basename(file)}: ${keyPath.join('.')}`;
        if (!info) {
          unknown.push(where);
          continue;
        }
        const v = plain(value);
        if (v !== undefined) {
          const problem = checkValue(info, v);
          if (problem) invalid.push(`${where} = ${JSON.stringify(v)}: ${problem.message}`);
        }
      }
    }
    assert.ok(checked > 300, `checked ${checked} keys`);
    assert.deepEqual(unknown, []);
    assert.deepEqual(invalid, []);
  });
}

test('the corpus walk does report keys the tables do not know', () => {
  const doc = parseHocon('listeners.ssl.default.ssl_options { fail_if_no_peer_certs = true }\nnode.cokie = x\n');
  const seen: Seen[] = [];
  walk(doc.root, [], seen);
  const unknown = seen.filter((s) => isKnownSection(s.path.slice(0, -1), '5') && !emqxKeyInfo(s.path, '5')).map((s) => s.path.join('.'));
  assert.deepEqual(unknown, ['listeners.ssl.default.ssl_options.fail_if_no_peer_certs', 'node.cokie']);
});

test('values in EMQX v4.4.19\'s shipped flat configs pass the 4.x checks', () => {
  const root = path.join(CORPUS, 'v4.4.19');
  const files = [
    'etc/emqx.conf',
    'lib-ce/emqx_dashboard/etc/emqx_dashboard.conf',
    'apps/emqx_management/etc/emqx_management.conf',
  ].map((f) => path.join(root, f));
  let checked = 0;
  const invalid: string[] = [];
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const m = /^([a-z][\w.$-]*)\s*=\s*(.*?)\s*$/.exec(line);
      if (!m || m[2].includes('{{')) continue;
      const info = emqxKeyInfo(m[1].split('.'), '4');
      if (!info) continue;
      checked++;
      const problem = checkValue(info, m[2]);
      if (problem) invalid.push(`${m[1]} = ${m[2]}: ${problem.message}`);
    }
  }
  assert.ok(checked > 40, `checked ${checked} keys`);
  assert.deepEqual(invalid, []);
});
