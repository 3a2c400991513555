import type { Fact } from '../../model/deploymentModel';
import type { Rule } from '../types';
import { docsPath } from '../types';
import { joinEdits } from '../../model/edits';
import { listenerName } from '../helpers/mqttSettings';

const id = 'mqtt/peer-cert-identity-unverified';
const IDENTITY_KEYS = ['peer_cert_as_username', 'peer_cert_as_clientid'];

function isSet(fact: Fact<unknown> | undefined): fact is Fact<unknown> {
  return !!fact && typeof fact.value === 'string' && fact.value !== '' && fact.value !== 'disabled';
}

export const rule: Rule = {
  id,
  severity: 'error',
  fixable: true,
  docs: { title: 'Client identities come from certificates nobody checks', path: docsPath(id) },
  check({ model, report }) {
    const view = model.emqx;
    if (!view) return;
    for (const ctx of model.tls) {
      const l = ctx.listener;
      if (!l || l.kind !== 'mqtt' || !ctx.enabled) continue;
      // 5.x/6.x set the mapping in `mqtt`; 4.x per listener (and `mqtt.*` in some builds).
      const identity = IDENTITY_KEYS.map((k) => view.get([...l.path, k])).find(isSet) ?? IDENTITY_KEYS.map((k) => view.get(['mqtt', k])).find(isSet);
      if (!identity) continue;
      const verify = ctx.option('verify');
      const fail = ctx.option('fail_if_no_peer_cert');
      if (verify?.value === 'verify_peer' && fail?.value === true) continue;
      const name = listenerName(l);
      const related = verify ? [{ file: verify.origin.file, span: verify.origin.span, message: `${name}: verify is ${String(verify.value)}` }] : undefined;
      report({
        file: identity.origin.file,
        span: identity.origin.span,
        message: `Client identities are taken from certificates (${String(identity.value)}), but ${name} does not require a verified client certificate (verify = verify_peer with fail_if_no_peer_cert = true): a client can present any self-signed certificate and log in as anyone.`,
        related,
        fixes: [{
          title: `Require verified client certificates on ${name}`,
          edits: joinEdits([...model.edits.setSetting(ctx.optionPath('verify'), 'verify_peer'), ...model.edits.setSetting(ctx.optionPath('fail_if_no_peer_cert'), true)]),
          preferred: true,
          safe: true,
        }],
      });
    }
  },
};
