import { rule } from '../../../../server/src/rules/emqx/unrendered-template';
import { runRuleTests } from '../ruleTester';
import { HARDENED } from './hardened';

runRuleTests(rule, {
  valid: [
    { name: 'a hardened configuration', files: { 'emqx.conf': HARDENED } },
    {
      name: 'placeholders in comments (as the shipped templates have them) and EMQX\'s own ${...} variables',
      files: {
        'emqx.conf': '## See {{ emqx_configuration_doc }} for more information.\nnode.data_dir = "${EMQX_DATA_DIR}" // not {{ this }} either\n',
        'vm.args': '## {{ platform_data_dir }}\n-name emqx@10.0.1.5\n',
        'sysctl.conf': '# fs.file-max = {{ file_max }}\nfs.file-max = 2097152\n',
      },
    },
    { name: 'a rendered unit file', files: { 'emqx.service': '[Service]\nUser=emqx\nExecStart=/usr/bin/emqx foreground\n' } },
  ],
  invalid: [
    {
      name: 'the cookie and data_dir of the unrendered emqx_conf.conf template',
      files: { 'emqx.conf': 'node {\n  name = "emqx@127.0.0.1"\n  cookie = "{{ emqx_default_erlang_cookie }}"\n  data_dir = {{ platform_data_dir }}\n}\n' },
      errors: [
        { text: '{{ emqx_default_erlang_cookie }}', line: 3, message: /`node\.cookie` contains the build placeholder `\{\{ emqx_default_erlang_cookie \}\}`, which was never rendered/ },
        { text: '{{ platform_data_dir }}', line: 4, message: /`node\.data_dir`/ },
      ],
    },
    {
      name: 'a placeholder inside a longer path, in a nested listener block',
      files: { 'emqx.conf': 'listeners.ssl.default {\n  ssl_options { certfile = "{{ platform_etc_dir }}/certs/cert.pem" }\n}\n' },
      errors: [{ text: '{{ platform_etc_dir }}', line: 2, message: /`listeners\.ssl\.default\.ssl_options\.certfile`/ }],
    },
    {
      name: 'vm.args from the cloud template',
      files: { 'vm.args': '-name emqx@10.0.1.5\n-pa "{{ platform_data_dir }}/patches"\n' },
      errors: [{ text: '{{ platform_data_dir }}', line: 2, message: /`-pa` contains the build placeholder/ }],
    },
    {
      name: 'a unit file environment and a 4.x flat file with two placeholders',
      files: {
        'emqx.service': '[Service]\nUser=emqx\nEnvironment=EMQX_NODE__COOKIE={{ cookie }}\nExecStart=/usr/bin/emqx foreground\n',
        'emqx.conf': 'node.name = emqx@127.0.0.1\nnode.crash_dump = {{ platform_log_dir }}/{{ dump_name }}\n',
      },
      errors: [
        { file: 'emqx.conf', text: '{{ platform_log_dir }}', line: 2, message: /`node\.crash_dump`/ },
        { file: 'emqx.conf', text: '{{ dump_name }}', line: 2 },
        { file: 'emqx.service', text: '{{ cookie }}', line: 3, message: /`Environment=EMQX_NODE__COOKIE` contains/ },
      ],
    },
  ],
});
