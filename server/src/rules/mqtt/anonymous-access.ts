import type { Rule, RuleContext } from '../types';
import { docsPath } from '../types';
import { defaultNote } from '../messages';
import { enabledMqttListeners, isOff, isOn, listenerName, settingFact } from '../helpers/mqttSettings';

const id = 'mqtt/anonymous-access';

/** A built-in database authenticator with a strong hash; users still have to be created before clients can log in. */
const AUTHN_CHAIN = `[
  {
    mechanism = password_based
    backend = built_in_database
    user_id_type = username
    password_hash_algorithm {
      name = pbkdf2
      mac_fun = sha256
      iterations = 100000
    }
  }
]`;

/** How many authenticators of a chain take part (`enable` not false); EMQX also accepts a single object. */
function activeAuthenticators(chain: unknown): number {
  const items = Array.isArray(chain) ? chain : chain && typeof chain === 'object' ? [chain] : [];
  return items.filter((a) => a && typeof a === 'object' && !isOff((a as Record<string, unknown>).enable)).length;
}

function checkHocon({ model, report }: RuleContext): void {
  const view = model.emqx!;
  const global = activeAuthenticators(view.get(['authentication'])?.value);
  const open: string[] = [];
  let quickDeny = false;
  for (const l of enabledMqttListeners(model)) {
    const mode = view.get([...l.path, 'enable_authn']);
    if (mode && isOff(mode.value)) {
      report({
        file: mode.origin.file,
        span: mode.origin.span,
        message: `${listenerName(l)}.enable_authn is false: every client on this listener connects without credentials, whatever authenticators are configured.`,
        fixes: [{ title: 'Set enable_authn = true', edits: model.edits.setSetting([...l.path, 'enable_authn'], true), preferred: true, safe: false }],
      });
      continue;
    }
    if (activeAuthenticators(view.get([...l.path, 'authentication'])?.value) > 0 || global > 0) continue;
    open.push(listenerName(l));
    if (mode?.value === 'quick_deny_anonymous') quickDeny = true;
  }
  if (open.length === 0) return;
  const chain = settingFact(model, ['authentication'], [])!;
  const edits = chain.explicit
    ? chain.origin.env ? [] : [{ file: chain.origin.file, offset: chain.origin.span.start, length: chain.origin.span.end - chain.origin.span.start, newText: AUTHN_CHAIN }]
    : model.edits.insertBlock(['authentication'], AUTHN_CHAIN);
  const quick = quickDeny ? ' (quick_deny_anonymous only turns away clients that send no username; any username gets in)' : '';
  report({
    file: chain.origin.file,
    span: chain.origin.span,
    message: `No authenticator is enabled in authentication${defaultNote(model, chain)}, so ${open.join(', ')} let every client connect without checking credentials${quick}.`,
    fixes: [{ title: 'Add a built-in database authenticator with pbkdf2 (then create the users)', edits, preferred: true, safe: false }],
  });
}

function checkFlat({ model, report }: RuleContext): void {
  const fact = settingFact(model, ['allow_anonymous'], 'true')!;
  if (isOn(fact.value)) {
    report({
      file: fact.origin.file,
      span: fact.origin.span,
      message: `allow_anonymous is true${defaultNote(model, fact)}: a client that no authentication plugin recognises connects without credentials.`,
      fixes: [{ title: 'Set allow_anonymous = false', edits: model.edits.setSetting(['allow_anonymous'], 'false'), preferred: true, safe: false }],
    });
  }
  // A zone can turn anonymous access back on for the listeners that use it.
  const zones = new Set(enabledMqttListeners(model).filter((l) => l.exposed).map((l) => model.emqx!.get([...l.path, 'zone'])?.value).filter((z): z is string => typeof z === 'string'));
  for (const zone of zones) {
    const z = model.emqx!.get(['zone', zone, 'allow_anonymous']);
    if (!z || !isOn(z.value)) continue;
    report({
      file: z.origin.file,
      span: z.origin.span,
      message: `zone.${zone}.allow_anonymous is true and an exposed listener uses zone ${zone}: its clients connect without credentials.`,
      fixes: [{ title: `Set zone.${zone}.allow_anonymous = false`, edits: model.edits.setSetting(['zone', zone, 'allow_anonymous'], 'false'), preferred: true, safe: false }],
    });
  }
}

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'Clients can connect without credentials', path: docsPath(id) },
  check(context) {
    const view = context.model.emqx;
    if (!view) return;
    if (view.format === 'emqx4') checkFlat(context);
    else checkHocon(context);
  },
};
