import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  kernelParamInfo, limitsItemInfo, listKernelParams, listSysctlKeys, listSystemdDirectives, sysctlKeyInfo,
  systemdDirectiveInfo, vmargsFlagInfo,
} from '../../../server/src/schema/index';

test('sysctl keys by dotted or slashed name, with tuning-guide values', () => {
  assert.equal(sysctlKeyInfo('fs.file-max')?.recommended, '2097152');
  assert.equal(sysctlKeyInfo('fs.nr_open')?.recommended, '2097152');
  assert.equal(sysctlKeyInfo('net/core/somaxconn')?.recommended, '32768');
  assert.equal(sysctlKeyInfo('net.ipv4.tcp_max_syn_backlog')?.recommended, '16384');
  assert.equal(sysctlKeyInfo('net.netfilter.nf_conntrack_max')?.recommended, '1000000');
  assert.ok(sysctlKeyInfo('net.nf_conntrack_max')?.ruleIds.includes('sysctl/conntrack-max-low'));
  assert.ok(sysctlKeyInfo('-net.ipv4.tcp_syncookies')?.ruleIds.includes('sysctl/syncookies-disabled'));
  assert.equal(sysctlKeyInfo('net.ipv4.tcp_rmem')?.type, 'integer-list');
  assert.equal(sysctlKeyInfo('kernel.unknown'), undefined);
  assert.ok(listSysctlKeys().length >= 20);
});

test('vm.args flags and kernel parameters', () => {
  assert.equal(vmargsFlagInfo('-setcookie')?.sensitive, true);
  assert.ok(vmargsFlagInfo('+P'));
  assert.equal(vmargsFlagInfo('+Nope'), undefined);
  const iface = kernelParamInfo('kernel', 'inet_dist_use_interface');
  assert.ok(iface?.ruleIds.includes('erlang/dist-interface-syntax'));
  assert.ok(kernelParamInfo('-kernel', 'inet_dist_listen_min')?.ruleIds.includes('ports/dist-port-mismatch'));
  assert.ok(listKernelParams().every((p) => p.app === 'kernel'));
  assert.equal(kernelParamInfo('kernel', 'no_such'), undefined);
});

test('systemd directives by section and limits.conf items', () => {
  assert.equal(systemdDirectiveInfo('Service', 'LimitNOFILE')?.recommended, '2097152');
  assert.ok(systemdDirectiveInfo('[Service]', 'User')?.ruleIds.includes('systemd/runs-as-root'));
  assert.ok(systemdDirectiveInfo('Service', 'NoNewPrivileges')?.ruleIds.includes('systemd/no-sandboxing'));
  assert.equal(systemdDirectiveInfo('Unit', 'LimitNOFILE'), undefined);
  assert.ok(listSystemdDirectives('Install').every((d) => d.section === 'Install'));
  assert.equal(limitsItemInfo('nofile')?.recommended, '2097152');
  assert.equal(limitsItemInfo('bogus'), undefined);
});
