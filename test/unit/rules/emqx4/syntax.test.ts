import { rule } from '../../../../server/src/rules/emqx4/syntax';
import { runRuleTests } from '../ruleTester';

runRuleTests(rule, {
  valid: [{ name: 'a well-formed line', files: { 'emqx.conf': 'listener.tcp.external = 127.0.0.1:1883\nnode.name = emqx@127.0.0.1\n' } }],
  invalid: [{ name: 'a line the parser cannot read', files: { 'emqx.conf': 'listener.tcp.external = 127.0.0.1:1883\nnode.name\n' }, errors: [{ text: 'node.name', message: /has no/ }] }],
});
