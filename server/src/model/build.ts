/** Builds the DeploymentModel of one deployment from its parsed files. */
import * as path from 'node:path';
import type { DeploymentModel, EmqxVersion, NodeFacts, CookieFact, Fact } from './deploymentModel';
import { nodeOffset } from './deploymentModel';
import type { Settings } from '../engine/settings';
import type { ParsedFile, ParsedHocon } from '../parsers';
import type { HoconDocument } from '../parsers/hocon/ast';
import type { FileReader } from '../parsers/hocon/resolved';
import { resolveHocon } from '../parsers/hocon';
import { hoconConfigView } from './extract/hoconView';
import type { EmqxConfigView } from './emqxConfig';
import { scalar } from './emqxConfig';

/** Precedence of EMQX 5 config layers, lowest first; other HOCON files are includes or stand-alone. */
const LAYER_ORDER = ['base.hocon', 'cluster.hocon', 'emqx.conf'];

export interface BuildInput {
  root: string;
  files: ParsedFile[];
  settings: Settings;
  /** Reads include targets that are not among `files` (the disk in the CLI, buffers-then-disk in the server). */
  reader: FileReader;
}

export function buildModel(input: BuildInput): DeploymentModel {
  const { files, settings } = input;
  const environment = new Map<string, Fact<string>>();
  const problems: DeploymentModel['problems'] = [];
  const emqx = buildEmqxView(input, environment, problems);
  const version = settings.emqxVersion !== 'auto' ? settings.emqxVersion : detectVersion(files, emqx);
  return {
    root: input.root,
    version,
    versionSource: settings.emqxVersion !== 'auto' ? 'setting' : 'detected',
    files,
    emqx,
    node: nodeFacts(emqx),
    problems,
    environment,
  };
}

function buildEmqxView(input: BuildInput, environment: Map<string, Fact<string>>, problems: DeploymentModel['problems']): EmqxConfigView | undefined {
  const hocons = input.files.filter((f): f is ParsedHocon => f.kind === 'emqx-conf' && f.format === 'hocon');
  const layers = LAYER_ORDER.map((name) => hocons.find((f) => path.basename(f.file) === name)).filter((f): f is ParsedHocon => !!f);
  if (layers.length === 0 && hocons.length === 1) layers.push(hocons[0]);
  if (layers.length === 0) return undefined;
  const documents = new Map<string, HoconDocument>(hocons.map((f) => [f.file, f.doc]));
  const env: Record<string, string> = {};
  for (const [name, fact] of environment) if (name.startsWith('EMQX_')) env[name] = fact.value;
  const result = resolveHocon(
    layers.map((f) => f.file),
    input.reader,
    { env, documents },
  );
  problems.push(...result.problems);
  return hoconConfigView(result, layers[layers.length - 1].file);
}

function nodeFacts(emqx: EmqxConfigView | undefined): NodeFacts {
  const node: NodeFacts = { cookies: [] };
  const name = scalar(emqx, ['node', 'name']);
  if (name && typeof name.value === 'string') {
    node.name = name as Fact<string>;
    const n = nodeOffset(name.value);
    node.distPort = 4370 + n;
    node.rpcPort = 5370 + n;
  }
  const cookie = scalar(emqx, ['node', 'cookie']);
  if (cookie) {
    const fact: CookieFact = { ...(cookie as Fact<string>), value: String(cookie.value), source: cookie.origin.env ? 'env' : 'emqx.conf' };
    node.cookies.push(fact);
  }
  return node;
}

/** The EMQX version the files are written for: 4.x flat format, else 5 unless a 6.x marker is present. */
function detectVersion(files: ParsedFile[], emqx: EmqxConfigView | undefined): EmqxVersion {
  if (emqx?.format === 'emqx4') return '4';
  // 6.x builds render the Elixir default cookie; 5.x rebar builds render emqxsecretcookie.
  const cookie = scalar(emqx, ['node', 'cookie']);
  if (cookie?.value === 'emqx50elixir') return '6';
  void files;
  return '5';
}
