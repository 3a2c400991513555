/**
 * The etc/ of a default EMQX package install, rebuilt from the sources EMQX ships (../shared/corpus/emqx) the
 * way its packaging does it, so the tests see what a fresh deb/rpm puts on disk:
 *
 * - 5.x/6.x: etc/emqx.conf is scripts/merge-config.escript's emqx.conf.all (apps/emqx_conf/etc/emqx_conf.conf,
 *   then every app's etc/emqx*.conf, trimmed, empty ones dropped, emqx first, then emqx_dashboard, emqx_auth,
 *   then the other apps in reverse order); etc/base.hocon; etc/vm.args from apps/emqx/etc/vm.args.cloud.
 *   `{{ name }}` placeholders are rendered with the package (pkg) variables of rebar.config.erl (5.x) or
 *   mix.exs (6.x): the cookie is `emqxsecretcookie` for rebar builds and `emqx50elixir` for mix builds.
 * - 4.4: etc/emqx.conf, etc/vm.args from etc/emqx_cloud/vm.args, and the plugin configs the package copies to
 *   etc/plugins/ (the dashboard's and the management API's, which hold the default credentials).
 * - The service unit is deploy/packages/emqx.service.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const EMQX_CORPUS = path.resolve('..', 'shared', 'corpus', 'emqx');

export type ShippedVersion = 'v5.8.9' | '6.2.2' | 'v4.4.19';

/** Package variables of a deb/rpm build (rebar.config.erl overlay_vars_pkg(pkg); mix.exs template_vars(:pkg)). */
function packageVariables(version: ShippedVersion): Record<string, string> {
  const common = {
    platform_data_dir: '/var/lib/emqx',
    platform_etc_dir: '/etc/emqx',
    platform_log_dir: '/var/log/emqx',
    platform_plugins_dir: '/var/lib/emqx/plugins',
    runner_bin_dir: '/usr/bin',
    emqx_etc_dir: '/etc/emqx',
    runner_log_dir: '/var/log/emqx',
    runner_user: 'emqx',
    emqx_configuration_doc: 'https://www.emqx.io/docs/en/latest/configuration/configuration.html',
    emqx_configuration_doc_log: 'https://www.emqx.io/docs/en/latest/configuration/logs.html',
  };
  // mix.exs default_cookie() for every 6.x build; rebar.config.erl for 5.x and 4.x.
  return { ...common, emqx_default_erlang_cookie: version === '6.2.2' ? 'emqx50elixir' : 'emqxsecretcookie' };
}

/**
 * Renders `{{ name }}` placeholders the way the packaging does. Only the spaced form is a template variable
 * (mix.exs: "we must not consider surrounding space"); `{{id}}` in a comment is help text and stays.
 */
export function renderTemplate(text: string, variables: Record<string, string>): string {
  return text.replace(/\{\{ ([A-Za-z0-9_]+) \}\}/g, (whole, name: string) => variables[name] ?? whole);
}

/** scripts/merge-config.escript: emqx_conf.conf, then the apps' etc/emqx*.conf files, trimmed, empty ones dropped. */
export function mergeConfig(sourceRoot: string): string {
  const apps = path.join(sourceRoot, 'apps');
  const first = ['emqx_auth', 'emqx_dashboard', 'emqx'];
  const names = fs.readdirSync(apps).filter((n) => n !== 'emqx_machine' && n !== 'emqx_conf').sort();
  // Apps1 = (Apps0 -- APPS) ++ reverse(APPS); a foldl that prepends each app's files reverses the order again.
  const ordered = [...names.filter((n) => !first.includes(n)), ...first];
  let configs: string[] = [];
  for (const app of ordered) {
    const etc = path.join(apps, app, 'etc');
    if (!fs.existsSync(etc)) continue;
    const own = fs.readdirSync(etc).filter((n) => /^emqx.*\.conf$/.test(n)).sort().map((n) => path.join(etc, n));
    configs = [...own, ...configs];
  }
  const base = fs.readFileSync(path.join(apps, 'emqx_conf', 'etc', 'emqx_conf.conf'), 'utf8');
  const parts = [base, ...configs.map((f) => fs.readFileSync(f, 'utf8').trim())].filter((p) => p.length > 0);
  return parts.join('\n') + '\n';
}

/** The files of a default install, by path relative to the install root. */
export function defaultInstallFiles(version: ShippedVersion): Record<string, string> {
  const src = path.join(EMQX_CORPUS, version);
  const vars = packageVariables(version);
  const read = (rel: string) => renderTemplate(fs.readFileSync(path.join(src, rel), 'utf8'), vars);
  const files: Record<string, string> = {};
  if (version === 'v4.4.19') {
    files['etc/emqx.conf'] = read('etc/emqx.conf');
    files['etc/vm.args'] = read('etc/emqx_cloud/vm.args');
    files['etc/plugins/emqx_dashboard.conf'] = read('lib-ce/emqx_dashboard/etc/emqx_dashboard.conf');
    files['etc/plugins/emqx_management.conf'] = read('apps/emqx_management/etc/emqx_management.conf');
  } else {
    files['etc/emqx.conf'] = renderTemplate(mergeConfig(src), vars);
    files['etc/base.hocon'] = read('apps/emqx_conf/etc/base.hocon');
    files['etc/vm.args'] = read('apps/emqx/etc/vm.args.cloud');
  }
  files['emqx.service'] = read('deploy/packages/emqx.service');
  return files;
}

/** Writes files under a fresh temporary folder and returns its path. */
export function writeTemp(prefix: string, files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [rel, text] of Object.entries(files)) {
    const target = path.join(dir, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
  return dir;
}

/** Reads back every file below a folder, by relative path (forward slashes). */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out[path.relative(dir, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}
