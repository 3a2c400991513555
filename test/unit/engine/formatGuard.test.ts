// A fix never tips how an emqx.conf is read (HOCON or 4.x flat): the fuzz bench found "Rename to `cluster`"
// turning a short HOCON file into a 4.x one full of syntax errors (issue 25 item 18).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkEngine } from '../robustness/fuzzSupport';
import { FormatGuard } from '../../../server/src/engine/formatGuard';
import { parseFile } from '../../../server/src/parsers';

describe('fixes keep the file format', () => {
  it('the fuzz finding: renaming `clwster` to `cluster` would make `cluster.discovery`, a 4.x-only key', () => {
    const main = 'clwster.discovery = static\n#lwm2m.dtls.verify = +Pverify_peer\ncluster.static.see\u1064s = "emqx1@127.0.7.0.0.1"\n';
    assert.deepEqual(checkEngine({ 'etc/emqx.conf': main }, { eachFix: true }), []);
  });

  it('judges only the edited lines, in either direction', () => {
    const hocon = parseFile('/d/emqx.conf', 'a = 1\nb = 2\n', 'emqx-conf')!;
    const flat = parseFile('/d/emqx.conf', 'listener.tcp.external = 0.0.0.0:1883\n', 'emqx-conf')!;
    const guard = new FormatGuard([hocon]);
    assert.equal(guard.keepsFormat([{ file: '/d/emqx.conf', offset: 0, length: 1, newText: 'zone.x.y' }]), false, 'a 4.x-only key tips a file without HOCON-only lines');
    assert.equal(guard.keepsFormat([{ file: '/d/emqx.conf', offset: 0, length: 1, newText: 'c' }]), true);
    assert.equal(guard.keepsFormat([{ file: '/d/other.conf', offset: 0, length: 1, newText: 'zone.x.y' }]), true, 'files it does not know are not judged');
    const flatGuard = new FormatGuard([flat]);
    assert.equal(flatGuard.keepsFormat([{ file: '/d/emqx.conf', offset: 24, length: 12, newText: '"0.0.0.0:1883"' }]), false, 'quoting the only 4.x-shaped value tips a 4.x file');
    assert.equal(flatGuard.keepsFormat([{ file: '/d/emqx.conf', offset: 24, length: 12, newText: '0.0.0.0:1884' }]), true);
  });
});
