import * as path from 'node:path';
import type { Rule } from '../types';
import { docsPath } from '../types';
import type { DeploymentModel, Fact, Origin } from '../../model/deploymentModel';
import { isSecretVariableName } from '../helpers/systemdUnit';

const id = 'files/secret-permissions';

/** A secret and the file it sits in, or (for a private key) the setting that names the key file. */
interface SecretHolder {
  /** The file whose mode matters. */
  target: string;
  /** What the file holds, for the message. */
  what: string;
  /** Where the finding is shown. */
  at: Origin;
}

/** EMQX settings whose value is a secret, in both formats. */
const SECRET_SETTINGS: [string[], string][] = [
  [['dashboard', 'default_password'], 'the dashboard password'],
  [['dashboard', 'default_user', 'password'], 'the dashboard password'],
  [['management', 'default_application', 'secret'], 'the management API secret'],
];

/**
 * Who besides the owner can read the file: others always count; the group counts unless root owns the
 * file, since root:emqx with mode 640 is how a root-managed secret is shared with the service account only.
 */
export function extraReaders(mode: number, uid: number): 'every local user' | 'its group' | undefined {
  if (mode & 0o004) return 'every local user';
  if (mode & 0o040 && uid !== 0) return 'its group';
  return undefined;
}

function holders(model: DeploymentModel): SecretHolder[] {
  const out: SecretHolder[] = [];
  const kindOf = (file: string) => model.files.find((f) => f.file === file)?.kind;
  // Unit files are systemd/secret-in-environment's business: the fix there is to move the secret out.
  const add = (fact: Fact<unknown>, what: string) => {
    if (kindOf(fact.origin.file) !== 'systemd') out.push({ target: fact.origin.file, what, at: fact.origin });
  };
  for (const cookie of model.node.cookies) if (cookie.explicit) add(cookie, 'the Erlang cookie');
  for (const [settingPath, what] of SECRET_SETTINGS) {
    const fact = model.emqx?.get(settingPath);
    if (fact?.explicit && typeof fact.value === 'string' && fact.value !== '') add(fact, what);
  }
  for (const [name, fact] of model.environment) if (isSecretVariableName(name) && fact.value !== '') add(fact, name);
  for (const key of model.keyFiles) out.push({ target: key.file, what: `the private key of ${key.owner}`, at: key.setting.origin });
  return out;
}

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: false,
  docs: { title: 'A file that holds a secret is readable by other users', path: docsPath(id) },
  check({ model, report }) {
    const seen = new Set<string>();
    for (const holder of holders(model)) {
      if (seen.has(holder.target)) continue;
      const stat = model.fileModes.get(holder.target);
      const who = stat && extraReaders(stat.mode, stat.uid);
      if (!stat || !who) continue;
      seen.add(holder.target);
      const mode = stat.mode;
      report({
        file: holder.at.file,
        span: holder.at.span,
        message: `${path.basename(holder.target)} holds ${holder.what} and has mode ${(mode).toString(8).padStart(3, '0')}, so ${who} can read it; restrict it to its owner with \`chmod 600 ${holder.target}\`.`,
      });
    }
  },
};
