import type { Rule } from '../types';
import { docsPath } from '../types';
import { settingOrDefault } from '../../model/emqxConfig';
import { defaultNote } from '../messages';
import { clustering } from '../helpers/clustering';

const id = 'erlang/dist-cleartext';
const PATH = ['cluster', 'proto_dist'];
const CLEARTEXT = new Set(['inet_tcp', 'inet6_tcp']);

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'Erlang distribution between cluster nodes is not encrypted', path: docsPath(id) },
  check({ model, report }) {
    const view = model.emqx;
    const cluster = clustering(model);
    if (!view || !cluster?.clustered) return;
    const proto = settingOrDefault(view, PATH, 'inet_tcp');
    const value = String(proto.value);
    if (!CLEARTEXT.has(value)) return;
    // 4.x offers inet_tls only; 5.x/6.x also inet6_tls for IPv6 clusters.
    const target = value === 'inet6_tcp' && view.format === 'hocon' ? 'inet6_tls' : 'inet_tls';
    const edits = model.edits.setSetting(PATH, target);
    report({
      file: proto.origin.file,
      span: proto.origin.span,
      message:
        `cluster.proto_dist is ${value}${defaultNote(model, proto)} while ${cluster.reason}: the cookie handshake and everything nodes ` +
        'replicate to each other (sessions, retained messages, ACL and user tables) cross the network in cleartext.',
      related: cluster.strategy.explicit ? [{ file: cluster.strategy.origin.file, span: cluster.strategy.origin.span, message: 'the node joins a cluster here' }] : undefined,
      fixes: edits.length
        ? [{ title: `Set cluster.proto_dist = ${target} (every node at once; configure certificates in etc/ssl_dist.conf)`, edits, preferred: true, safe: false }]
        : [],
    });
  },
};
