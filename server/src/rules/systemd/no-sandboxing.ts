import type { Rule } from '../types';
import { docsPath } from '../types';
import { systemdDirectiveInfo } from '../../schema';
import { emqxUnits, insertDirectivesEdits, mainPart, serviceHeader } from '../helpers/systemdUnit';

const id = 'systemd/no-sandboxing';

/** Any one of these shows the unit was hardened on purpose. */
const MARKERS = ['NoNewPrivileges', 'ProtectSystem', 'PrivateTmp', 'ProtectHome'];
/**
 * The block the fix adds: protections EMQX runs under unchanged (it writes only below its own data and
 * log directories, which ProtectSystem=full leaves writable). MemoryDenyWriteExecute is left out: it
 * breaks the Erlang JIT.
 */
const BLOCK = ['NoNewPrivileges', 'ProtectSystem', 'ProtectHome', 'PrivateTmp', 'PrivateDevices', 'ProtectKernelTunables', 'ProtectKernelModules', 'ProtectControlGroups', 'RestrictSUIDSGID', 'LockPersonality'];

export const rule: Rule = {
  id,
  severity: 'info',
  fixable: true,
  docs: { title: 'The EMQX service has no sandboxing', path: docsPath(id) },
  check({ model, report }) {
    const pairs = BLOCK.map((key): [string, string] => [key, systemdDirectiveInfo('Service', key)?.recommended ?? 'true']);
    for (const unit of emqxUnits(model)) {
      if (MARKERS.some((key) => (unit.directive('Service', key)?.values.length ?? 0) > 0)) continue;
      report({
        ...serviceHeader(unit),
        message: `${unit.name} sets none of NoNewPrivileges=, ProtectSystem=, PrivateTmp= or ProtectHome=, so a compromised broker can write system files, read home directories and gain privileges through setuid programs.`,
        // Not safe: a site that keeps certificates or plugins under /home or /usr needs to adjust the block.
        fixes: [{ title: 'Add a sandboxing block to [Service]', edits: insertDirectivesEdits(mainPart(unit), 'Service', pairs), preferred: true, safe: false }],
      });
    }
  },
};
