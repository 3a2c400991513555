import type { FileEdit } from '../../core/text';
import type { DeploymentModel } from '../../model/deploymentModel';
import type { Rule, RuleContext } from '../types';
import { docsPath } from '../types';
import { enabledMqttListeners } from '../helpers/mqttSettings';
import { flatFiles } from '../../model/flatSettings';

const id = 'mqtt/weak-password-hash';

const PBKDF2 = '{ name = pbkdf2, mac_fun = sha256, iterations = 100000 }';
const BCRYPT = '{ name = bcrypt, salt_rounds = 12 }';

/** Why a 5.x password_hash_algorithm object is weak, or undefined. */
function weakness(algo: Record<string, unknown>): string | undefined {
  const name = String(algo.name ?? '');
  if (name === 'plain') return 'stores passwords as they are';
  if (name === 'md5' || name === 'sha') return `uses ${name}, which is fast enough to guess billions of passwords per second`;
  if ((name === 'sha256' || name === 'sha512') && algo.salt_position === 'disable') return `uses ${name} without salt, so equal passwords hash equally and precomputed tables apply`;
  return undefined;
}

/** Paths of the authenticators of the global chain and of each enabled listener's own chain. */
function authenticatorPaths(model: DeploymentModel): string[][] {
  const view = model.emqx!;
  const chains = [['authentication'], ...enabledMqttListeners(model).map((l) => [...l.path, 'authentication'])];
  const paths: string[][] = [];
  for (const chain of chains) {
    const value = view.get(chain)?.value;
    if (Array.isArray(value)) value.forEach((_, i) => paths.push([...chain, String(i)]));
    else if (value && typeof value === 'object') paths.push(chain);
  }
  return paths;
}

/** Replaces a whole password_hash_algorithm object written with braces; other layouts get no fix. */
function replaceObject(model: DeploymentModel, path: string[], literal: string): FileEdit[] {
  const fact = model.emqx!.get(path);
  if (!fact || fact.origin.env) return [];
  const text = model.edits.fileText(fact.origin.file);
  const { start, end } = fact.origin.span;
  if (text === undefined || text[start] !== '{' || text[end - 1] !== '}') return [];
  return [{ file: fact.origin.file, offset: start, length: end - start, newText: literal }];
}

function checkHocon({ model, report }: RuleContext): void {
  const view = model.emqx!;
  for (const path of authenticatorPaths(model)) {
    const algoPath = [...path, 'password_hash_algorithm'];
    const algo = view.get(algoPath)?.value;
    if (!algo || typeof algo !== 'object') continue;
    const why = weakness(algo as Record<string, unknown>);
    if (!why) continue;
    const at = view.get([...algoPath, 'name'])?.origin ?? view.get(algoPath)!.origin;
    const backend = String(view.get([...path, 'backend'])?.value ?? 'this');
    report({
      file: at.file,
      span: at.span,
      message: `${algoPath.join('.')} ${why}; anyone who gets a copy of the ${backend} user store recovers the MQTT passwords.`,
      fixes: [
        { title: 'Hash with pbkdf2 (sha256, 100000 iterations); existing users must set their passwords again', edits: replaceObject(model, algoPath, PBKDF2), preferred: true, safe: false },
        { title: 'Hash with bcrypt; existing users must set their passwords again', edits: replaceObject(model, algoPath, BCRYPT), safe: false },
      ],
    });
  }
}

/** 4.x auth plugins (auth.mnesia.password_hash, auth.mysql.password_hash, ...): unsalted hashes only. */
function checkFlat({ model, report }: RuleContext): void {
  for (const f of flatFiles(model)) {
    for (const e of f.doc.entries) {
      if (!/^auth\.\w+(\.auth_query)?\.password_hash$/.test(e.key)) continue;
      const algo = e.value.trim().toLowerCase();
      if (!['plain', 'md5', 'sha', 'sha256', 'sha512'].includes(algo)) continue;
      report({
        file: f.file,
        span: e.valueSpan,
        message: `${e.key} is ${algo}${algo === 'plain' ? ', which stores passwords as they are' : ' without salt, which is fast to guess and open to precomputed tables'}; anyone who gets a copy of the user store recovers the MQTT passwords.`,
      });
    }
  }
}

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'MQTT passwords are hashed weakly', path: docsPath(id) },
  check(context) {
    const view = context.model.emqx;
    if (!view) return;
    if (view.format === 'emqx4') checkFlat(context);
    else checkHocon(context);
  },
};
