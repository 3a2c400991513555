// The whole engine (parse -> model -> rules -> findings -> fixes) on fuzzed deployments, fixed seed.
// Properties (see checkEngine in fuzzSupport.ts): no exception; finding, related and fix ranges inside their
// files; each offered fix applies and adds no syntax problem; "fix all" adds none and comes to a stop;
// a rule whose fix removed a finding does not rewrite that text on the next analysis.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { classifyEngineCase, deploymentArb, checkEngine, seeds, runProperty } from './fuzzSupport';

const SEED = 4242;

describe('engine under fuzzed deployments', () => {
  it('the unmutated examples and corpus main files hold every engine property', () => {
    const s = seeds();
    const cases: Array<Record<string, string>> = [
      { 'etc/emqx.conf': s.hocon[s.hocon.length - 1], 'etc/vm.args': s.vmargs[s.vmargs.length - 1], 'sysctl.d/99-emqx.conf': s.sysctl[0], 'emqx.service': s.systemd[s.systemd.length - 1], 'limits.d/emqx.conf': s.limits[0] },
      { 'etc/emqx.conf': s.emqx4[0] },
    ];
    for (const files of cases) assert.deepEqual(checkEngine(files), []);
  });

  it('25 fuzzed deployments: every property, fixes applied one by one, per rule and to a fixed point', () => {
    const failure = runProperty(deploymentArb(2500), (files) => classifyEngineCase(files).violations, SEED, 25);
    assert.equal(failure, undefined, failure);
  });

  it('200 more fuzzed deployments: ranges, each fix, and one round of fix all', () => {
    const failure = runProperty(deploymentArb(4000), (files) => classifyEngineCase(files, { eachFix: true }).violations, SEED + 1, 200);
    assert.equal(failure, undefined, failure);
  });
});
