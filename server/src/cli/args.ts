/** Command-line parsing for mqtt-harden; returns a usage error message instead of throwing. */
import type { Severity } from '../core/problems';
import type { RuleLevel } from '../core/settings';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliOptions {
  command: 'scan' | 'resolve' | 'explain' | 'list-rules' | 'help' | 'version';
  paths: string[];
  format: OutputFormat;
  /** Report only findings at or above this severity. */
  severity: Severity;
  /** Exit 1 when a reported finding is at or above this severity; 'none' never fails. */
  failOn: Severity | 'none';
  config?: string;
  emqxVersion?: string;
  targetConnections?: number;
  rules: Record<string, RuleLevel>;
  files: string[];
  fix: boolean;
  dryRun: boolean;
  explain?: string;
  color: boolean;
}

const SEVERITIES = ['error', 'warning', 'info', 'hint'];

export function parseArgs(argv: string[]): { options?: CliOptions; error?: string } {
  const o: CliOptions = { command: 'scan', paths: [], format: 'text', severity: 'hint', failOn: 'warning', rules: {}, files: [], fix: false, dryRun: false, color: false };
  const args = [...argv];
  if (args[0] === 'resolve') {
    o.command = 'resolve';
    args.shift();
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    switch (flag) {
      case '-h': case '--help': o.command = 'help'; break;
      case '-v': case '--version': o.command = 'version'; break;
      case '--list-rules': o.command = 'list-rules'; break;
      case '--explain': {
        o.command = 'explain';
        o.explain = value();
        if (!o.explain) return { error: '--explain needs a rule id, e.g. --explain erlang/weak-cookie' };
        break;
      }
      case '-f': case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') return { error: `--format must be text, json or sarif (got ${v ?? 'nothing'})` };
        o.format = v;
        break;
      }
      case '--severity': {
        const v = value();
        if (!v || !SEVERITIES.includes(v)) return { error: `--severity must be error, warning, info or hint (got ${v ?? 'nothing'})` };
        o.severity = v as Severity;
        break;
      }
      case '--fail-on': {
        const v = value();
        if (!v || ![...SEVERITIES, 'none'].includes(v)) return { error: `--fail-on must be error, warning, info, hint or none (got ${v ?? 'nothing'})` };
        o.failOn = v as Severity | 'none';
        break;
      }
      case '-c': case '--config': o.config = value(); if (!o.config) return { error: '--config needs a file' }; break;
      case '--emqx-version': o.emqxVersion = value(); break;
      case '--target-connections': {
        const n = Number(value());
        if (!Number.isFinite(n) || n < 1) return { error: '--target-connections needs a positive number' };
        o.targetConnections = Math.floor(n);
        break;
      }
      case '--rule': {
        const v = value() ?? '';
        const m = /^([\w./-]+)=(error|warning|info|hint|off)$/.exec(v);
        if (!m) return { error: `--rule takes ID=LEVEL with LEVEL error, warning, info, hint or off (got "${v}")` };
        o.rules[m[1]] = m[2] as RuleLevel;
        break;
      }
      case '--files': {
        const v = value();
        if (!v) return { error: '--files needs a glob pattern' };
        o.files.push(v);
        break;
      }
      case '--fix': o.fix = true; break;
      case '--dry-run': o.dryRun = true; break;
      case '--color': o.color = true; break;
      case '--no-color': o.color = false; break;
      default:
        if (arg.startsWith('-') && arg !== '-') return { error: `unknown option ${arg} (see --help)` };
        o.paths.push(arg);
    }
  }
  if (o.dryRun && !o.fix) return { error: '--dry-run goes with --fix' };
  if (o.command === 'resolve' && o.paths.length !== 1) return { error: 'resolve takes exactly one file: mqtt-harden resolve path/to/emqx.conf' };
  if (o.command === 'scan' && o.paths.length === 0) o.paths.push('.');
  return { options: o };
}

export const USAGE = `Usage: mqtt-harden [options] [paths...]
       mqtt-harden resolve FILE

Scans EMQX deployment files (emqx.conf, *.hocon, vm.args, sysctl.conf, sysctl.d/*.conf,
emqx*.service and drop-ins, limits.conf) for security and reliability weaknesses.
Folders are searched recursively; the default path is the current folder.

Options:
  -f, --format text|json|sarif   output format (default text)
      --severity LEVEL           report only findings at or above LEVEL (error, warning, info, hint)
      --fail-on LEVEL|none       exit 1 when a finding at or above LEVEL is reported (default warning)
      --rule ID=LEVEL            override a rule's severity, or switch it off (repeatable)
      --emqx-version V           assume EMQX version 4, 5.0, 5 or 6 (default: detect)
      --target-connections N     connections the deployment is sized for (default 1000000)
      --files GLOB               only files matching GLOB form the deployment (repeatable)
  -c, --config FILE              settings file (default: .mqtt-harden.json in the current folder)
      --fix                      apply safe fixes to the files and print what changed
      --fix --dry-run            print the fixes as a unified diff without writing
      --explain RULE             print a rule's documentation
      --list-rules               list every rule with its default severity
      --color / --no-color       colour the text output (default: off)
  -h, --help                     show this help
  -v, --version                  show the version

Commands:
  resolve FILE                   print the configuration EMQX would load from FILE as JSON

Exit codes:
  0  no finding at or above the --fail-on level
  1  findings at or above the --fail-on level (resolve: the file has errors)
  2  usage error, unreadable path or settings file, or nothing to scan
`;
