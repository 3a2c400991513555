import { rule } from '../../../../server/src/rules/mqtt/weak-password-hash';
import { runRuleTests } from '../ruleTester';
import { HARDENED } from './fixtures';

const chain = (algo: string) => `authentication = [\n  {\n    mechanism = password_based\n    backend = built_in_database\n    password_hash_algorithm ${algo}\n  }\n]\n`;

runRuleTests(rule, {
  valid: [
    { name: 'a hardened config (pbkdf2)', files: { 'emqx.conf': HARDENED } },
    { name: 'bcrypt', files: { 'emqx.conf': chain('{ name = bcrypt, salt_rounds = 12 }') } },
    { name: 'salted sha256 (the built-in default)', files: { 'emqx.conf': chain('{ name = sha256, salt_position = prefix }') } },
    { name: 'no algorithm written (EMQX salts sha256 by default)', files: { 'emqx.conf': 'authentication = [{ mechanism = password_based, backend = built_in_database }]\n' } },
    { name: '4.x bcrypt in mysql', files: { 'emqx.conf': 'node.name = emqx@127.0.0.1\nauth.mysql.password_hash = bcrypt\n' } },
  ],
  invalid: [
    {
      name: 'md5',
      files: { 'emqx.conf': chain('{\n      name = md5\n      salt_position = suffix\n    }') },
      errors: [{ text: 'md5', line: 6, message: /authentication\.0\.password_hash_algorithm uses md5.*built_in_database user store/ }],
      output: { 'emqx.conf': chain('{ name = pbkdf2, mac_fun = sha256, iterations = 100000 }') },
    },
    {
      name: 'plain',
      files: { 'emqx.conf': chain('{ name = plain }') },
      errors: [{ text: 'plain', message: /stores passwords as they are/ }],
      output: { 'emqx.conf': chain('{ name = pbkdf2, mac_fun = sha256, iterations = 100000 }') },
    },
    {
      name: 'unsalted sha512 on a listener chain',
      files: { 'emqx.conf': 'listeners.tcp.default.authentication = [{ mechanism = password_based, backend = mysql, password_hash_algorithm { name = sha512, salt_position = disable } }]\n' },
      errors: [{ text: 'sha512', message: /listeners\.tcp\.default\.authentication\.0\.password_hash_algorithm uses sha512 without salt.*mysql/ }],
    },
    {
      name: '4.x auth.mnesia.password_hash = sha256 (unsalted there)',
      files: { 'emqx.conf': 'node.name = emqx@127.0.0.1\nauth.mnesia.password_hash = sha256\n' },
      errors: [{ text: 'sha256', line: 2, message: /auth\.mnesia\.password_hash is sha256 without salt/ }],
    },
  ],
});
