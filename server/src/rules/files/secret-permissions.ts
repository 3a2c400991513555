import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Rule } from '../types';
import { docsPath } from '../types';
import type { DeploymentModel, Fact, Origin } from '../../model/deploymentModel';
import { isSecretVariableName } from '../systemd/unit';
import { readsOutsideModel } from '../../model/observe';

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

/** Mode bits and owner of a file on disk; undefined when it is not there (a virtual or unsaved file) or modes mean nothing. */
function statOf(file: string): { mode: number; uid: number } | undefined {
  // A file's mode can change between two edits of the configuration: never reuse this rule's findings.
  readsOutsideModel();
  if (process.platform === 'win32') return undefined;
  const now = Date.now();
  const hit = statCache.get(file);
  if (hit && now - hit.at < STAT_TTL_MS) return hit.value;
  let value: { mode: number; uid: number } | undefined;
  try {
    const stat = fs.statSync(file);
    value = stat.isFile() ? { mode: stat.mode & 0o777, uid: stat.uid } : undefined;
  } catch {
    value = undefined;
  }
  if (statCache.size > 10_000) statCache.clear();
  statCache.set(file, { at: now, value });
  return value;
}

/**
 * The editor re-runs rules on every keystroke; file modes change rarely, so a mode read less than a
 * second ago is reused instead of asking the disk again for every key file.
 */
const STAT_TTL_MS = 1000;
const statCache = new Map<string, { at: number; value: { mode: number; uid: number } | undefined }>();

/**
 * Who besides the owner can read the file: others always count; the group counts unless root owns the
 * file, since root:emqx with mode 640 is how a root-managed secret is shared with the service account only.
 */
export function extraReaders(mode: number, uid: number): 'every local user' | 'its group' | undefined {
  if (mode & 0o004) return 'every local user';
  if (mode & 0o040 && uid !== 0) return 'its group';
  return undefined;
}

/** Candidates by root, value and config file: every TLS listener of a large file names its key file. */
const candidates = new Map<string, string[]>();

/** Where a key file path points inside the deployment folder (the product never looks at a machine's /etc). */
function keyFileCandidates(model: DeploymentModel, value: string, configFile: string): string[] {
  const key = `${model.root}\0${value}\0${configFile}`;
  let found = candidates.get(key);
  if (!found) {
    if (candidates.size > 10_000) candidates.clear();
    candidates.set(key, (found = keyFileCandidatesUncached(model.root, value, configFile)));
  }
  return found;
}

function keyFileCandidatesUncached(root: string, value: string, configFile: string): string[] {
  const p = value.replace(/^file:\/\//, '').replace(/\$\{EMQX_ETC_DIR\}/g, 'etc').replace(/\$\{EMQX_DATA_DIR\}/g, 'data');
  const found = path.isAbsolute(p)
    ? [p, path.join(root, p), path.join(root, p.replace(/^\/etc\/emqx\//, '')), path.join(root, 'etc', p.replace(/^\/etc\/emqx\//, ''))]
    : [path.join(path.dirname(configFile), p), path.join(root, p), path.join(root, p.replace(/^etc\//, ''))];
  return found.filter((c) => c.startsWith(root + path.sep));
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
  for (const tls of model.tls) {
    const keyfile = tls.option('keyfile');
    if (!keyfile?.explicit || typeof keyfile.value !== 'string') continue;
    const target = keyFileCandidates(model, keyfile.value, keyfile.origin.file).find((c) => statOf(c) !== undefined);
    if (target) out.push({ target, what: `the private key of ${tls.owner}`, at: keyfile.origin });
  }
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
      const stat = statOf(holder.target);
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
