import * as path from 'node:path';
import type { DeploymentModel, Fact, Origin } from '../../model/deploymentModel';
import type { Rule } from '../types';
import { docsPath } from '../types';
import { redact, secretPlaceholder } from '../../core/secrets';
import { defaultNote } from '../messages';
import { flatSetting } from '../../model/flatSettings';

const id = 'dashboard/default-password';
const FLAT_KEYS = ['dashboard.default_user.password', 'management.default_application.secret'];

/**
 * A fresh password in the alphabet of where it is written. EMQX parses EMQX_* environment values as
 * HOCON (a `#` would start a comment) and systemd expands `%`, so values set through the environment keep
 * to characters plain in both; a 4.x flat value must not start with what makes the file look like HOCON;
 * a HOCON value is written quoted (fixes.ts quotes it), where more symbols are plain.
 */
export function freshPassword(origin: Origin, format: 'hocon' | 'emqx4'): string {
  if (origin.env) return secretPlaceholder('password', isUnitFile(origin.file) ? 'systemd' : 'env');
  return secretPlaceholder('password', format === 'emqx4' ? 'emqx4' : 'hocon-string');
}

/** True when the text at an origin is the literal `public`, quoted or not. */
function writesPublic(model: DeploymentModel, o: Origin): boolean {
  const text = model.edits.fileText(o.file)?.slice(o.span.start, o.span.end);
  return text === 'public' || text === '"public"';
}

function where(model: DeploymentModel, fact: Fact<unknown>): string {
  return fact.origin.env ? `${fact.origin.env} in ${path.basename(fact.origin.file)}` : 'dashboard.default_password';
}

export const rule: Rule = {
  id,
  severity: 'error',
  fixable: true,
  docs: { title: 'The dashboard keeps its published default password', path: docsPath(id) },
  check({ model, report }) {
    const view = model.emqx;
    if (!view) return;
    if (view.format === 'emqx4') {
      // The keys live in plugin files (etc/plugins/emqx_dashboard.conf, emqx_management.conf): report what is written.
      for (const key of FLAT_KEYS) {
        const fact = flatSetting(model, key);
        if (!fact || fact.value !== 'public') continue;
        report({
          file: fact.origin.file,
          span: fact.origin.span,
          message: `${key} is EMQX's published default "${redact(fact.value)}": whoever reaches the ${key.startsWith('dashboard') ? 'dashboard' : 'REST API'} logs in as administrator.`,
          fixes: [{ title: 'Set a fresh random password', edits: model.edits.replaceValue(fact, freshPassword(fact.origin, 'emqx4')), preferred: true, safe: true }],
        });
      }
      return;
    }
    const settingPath = ['dashboard', 'default_password'];
    const fact = view.get(settingPath) ?? { value: 'public', explicit: false, origin: view.anchor(settingPath), overridden: [] };
    if (fact.value === 'public') {
      report({
        file: fact.origin.file,
        span: fact.origin.span,
        message: `${where(model, fact)} is EMQX's published default "${redact('public')}"${defaultNote(model, fact)}: on a fresh node whoever reaches the dashboard first logs in as admin and controls the broker.`,
        fixes: [{ title: 'Set a fresh random password', edits: model.edits.setSetting(settingPath, freshPassword(fact.origin, 'hocon')), preferred: true, safe: true }],
      });
      return;
    }
    // The winning value is fine, but an overridden `public` comes back whenever EMQX starts without the override.
    for (const o of fact.overridden) {
      if (o.env || !writesPublic(model, o)) continue;
      // Generated passwords hold no quote or backslash, so plain quotes suffice.
      const literal = `"${secretPlaceholder('password', 'hocon-string')}"`;
      report({
        file: o.file,
        span: o.span,
        severity: 'warning',
        message: `dashboard.default_password is still EMQX's published default "${redact('public')}" here; ${where(model, fact)} overrides it today, but any start without that override (emqx console, another unit, a container) creates the admin account with it.`,
        fixes: [{ title: 'Replace it with a fresh random password', edits: [{ file: o.file, offset: o.span.start, length: o.span.end - o.span.start, newText: literal }], preferred: true, safe: true }],
      });
    }
  },
};

/** A systemd unit or one of its drop-ins (`x.service`, `x.service.d/y.conf`), where `%` is a specifier. */
function isUnitFile(file: string): boolean {
  if (file.endsWith('.service')) return true;
  const dropIn = Math.max(file.lastIndexOf('.service.d/'), file.lastIndexOf('.service.d\\'));
  return dropIn >= 0 && file.endsWith('.conf');
}
