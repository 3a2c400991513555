import { rule } from '../../../../server/src/rules/hocon/unresolved-substitution';
import { runRuleTests } from '../ruleTester';

runRuleTests(rule, {
  valid: [
    { name: 'a substitution that resolves', files: { 'emqx.conf': 'paths.data = "/var/lib/emqx"\nnode.data_dir = ${paths.data}\n' } },
    { name: 'an optional substitution', files: { 'emqx.conf': 'node.data_dir = ${?paths.data}\n' } },
    { name: 'a quoted ${EMQX_ETC_DIR} string is not a substitution', files: { 'emqx.conf': 'listeners.ssl.default.ssl_options.certfile = "${EMQX_ETC_DIR}/certs/cert.pem"\n' } },
  ],
  invalid: [{ name: 'a reference to nothing', files: { 'emqx.conf': 'node.data_dir = ${paths.data}\n' }, errors: [{ text: '${paths.data}' }] }],
});
