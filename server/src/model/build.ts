/** Builds the DeploymentModel of one deployment from its parsed files. */
import * as path from 'node:path';
import type { DeploymentModel, EmqxVersion, Fact } from './deploymentModel';
import type { Settings } from '../engine/settings';
import type { ParsedEmqx4, ParsedFile, ParsedHocon, ParsedLimits, ParsedSysctl, ParsedVmArgs } from '../parsers';
import type { HoconDocument } from '../parsers/hocon/ast';
import type { FileReader } from '../parsers/hocon/resolved';
import { resolveHocon } from '../parsers/hocon';
import { resolveHoconAgain } from '../parsers/hocon/reresolve';
import { hoconConfigView } from './extract/hoconView';
import { emqx4ConfigView } from './extract/emqx4View';
import type { EmqxConfigView } from './emqxConfig';
import { scalar } from './emqxConfig';
import { extractListeners } from './extract/listeners';
import { extractTls } from './extract/tls';
import { extractSysctl } from './extract/kernel';
import { extractNode } from './extract/node';
import { extractEnvironment, extractServiceFacts } from './extract/service';
import type { ResolveResult } from '../parsers/hocon/resolved';
import { observedView, recording, Reads, type DerivedPart } from './observe';

/** What building a model saw, for re-using rule results after an edit (engine/reuse.ts). */
export interface ModelTrace {
  /** The merged HOCON configuration, when the deployment has HOCON layers. */
  resolved?: ResolveResult;
  /** The HOCON layer files, lowest precedence first: their roots are the configuration's root. */
  layers: string[];
  /** The config reads behind each derived part of the model. */
  derived: Record<DerivedPart, Reads>;
}

const traces = new WeakMap<DeploymentModel, ModelTrace>();

export function modelTrace(model: DeploymentModel): ModelTrace | undefined {
  return traces.get(model);
}

/** Precedence of EMQX 5 config layers, lowest first; other HOCON files are includes or stand-alone. */
const LAYER_ORDER = ['base.hocon', 'cluster.hocon', 'emqx.conf'];

export interface BuildInput {
  root: string;
  files: ParsedFile[];
  settings: Settings;
  /** Reads include targets that are not among `files` (the disk in the CLI, buffers-then-disk in the server). */
  reader: FileReader;
  /** Keep a ModelTrace (what each derived part read), for re-using rule results after an edit. */
  trace?: boolean;
  /** The deployment's previous model, built with `trace`: its resolution is updated instead of redone when only one block changed. */
  previous?: DeploymentModel;
}

export function buildModel(input: BuildInput): DeploymentModel {
  const { files, settings } = input;
  const problems: DeploymentModel['problems'] = [];
  const service = extractServiceFacts(files, input.reader, input.root);
  for (const p of service.problems) problems.push(p);
  const allFiles = [...files, ...service.envFiles];
  const environment = extractEnvironment(service);
  const built = buildEmqxView(input, environment, problems);
  const emqx = built && observedView(built.view);
  const version: EmqxVersion = settings.emqxVersion !== 'auto' ? settings.emqxVersion : detectVersion(emqx);
  const vmargs = files.filter((f): f is ParsedVmArgs => f.kind === 'vmargs');
  const { sysctl, ordered } = extractSysctl(files.filter((f): f is ParsedSysctl => f.kind === 'sysctl'));
  const derived: Record<DerivedPart, Reads> | undefined = input.trace ? { listeners: new Reads(), tls: new Reads(), node: new Reads() } : undefined;
  const listeners = recording(derived?.listeners, () => extractListeners(emqx, version, environment));
  // TLS contexts belong to listeners: whatever changes a listener may change its context.
  derived?.tls.derived.add('listeners');
  const model: DeploymentModel = {
    root: input.root,
    version,
    versionSource: settings.emqxVersion !== 'auto' ? 'setting' : 'detected',
    files: allFiles,
    emqx,
    node: recording(derived?.node, () => extractNode(emqx, vmargs, environment)),
    listeners,
    tls: recording(derived?.tls, () => extractTls(emqx, version, listeners)),
    vmargs,
    sysctl,
    sysctlFiles: ordered,
    units: service.units,
    limits: files.filter((f): f is ParsedLimits => f.kind === 'limits'),
    problems,
    environment,
    includedDocuments: built?.resolved && includedOnly(built.resolved, files),
  };
  if (derived) traces.set(model, { resolved: built?.resolved, layers: built?.layers ?? [], derived });
  return model;
}

/** The documents a resolution read that are not files of the deployment: the files only includes read. */
function includedOnly(resolved: ResolveResult, files: ParsedFile[]): Map<string, HoconDocument> | undefined {
  const own = new Set(files.map((f) => f.file));
  const out = new Map<string, HoconDocument>();
  for (const [file, doc] of resolved.documents) if (!own.has(file)) out.set(file, doc);
  return out.size ? out : undefined;
}

function buildEmqxView(input: BuildInput, environment: Map<string, Fact<string>>, problems: DeploymentModel['problems']): { view: EmqxConfigView; resolved?: ResolveResult; layers?: string[] } | undefined {
  const confs = input.files.filter((f): f is ParsedHocon | ParsedEmqx4 => f.kind === 'emqx-conf');
  const flat = confs.find((f): f is ParsedEmqx4 => f.format === 'emqx4' && path.basename(f.file) === 'emqx.conf') ?? confs.find((f): f is ParsedEmqx4 => f.format === 'emqx4');
  const hocons = confs.filter((f): f is ParsedHocon => f.format === 'hocon');
  const layers = LAYER_ORDER.map((name) => hocons.find((f) => path.basename(f.file) === name)).filter((f): f is ParsedHocon => !!f);
  if (layers.length === 0 && hocons.length === 1) layers.push(hocons[0]);
  if (layers.length === 0) return flat ? { view: emqx4ConfigView(flat) } : undefined;
  const documents = new Map<string, HoconDocument>(hocons.map((f) => [f.file, f.doc]));
  const env: Record<string, string> = {};
  const envFacts = new Map<string, Fact<string>>();
  for (const [name, fact] of environment) {
    if (!name.startsWith('EMQX_')) continue;
    env[name] = fact.value;
    envFacts.set(name, fact);
  }
  const entries = layers.map((f) => f.file);
  const options = { env, documents };
  const before = input.previous && modelTrace(input.previous)?.resolved;
  const result = (before && resolveHoconAgain(before, entries, options)) || resolveHocon(entries, input.reader, options);
  for (const p of result.problems) problems.push(p);
  return { view: hoconConfigView(result, layers[layers.length - 1].file, envFacts), resolved: result, layers: entries };
}

/** The EMQX version the files are written for: 4.x flat format, else 5 unless a 6.x marker is present. */
function detectVersion(emqx: EmqxConfigView | undefined): EmqxVersion {
  if (emqx?.format === 'emqx4') return '4';
  // 6.x packages render the Elixir build's default cookie; 5.x rebar builds render emqxsecretcookie.
  if (scalar(emqx, ['node', 'cookie'])?.value === 'emqx50elixir') return '6';
  // Keys that exist only from 6.0 on.
  if (emqx?.get(['durable_storage']) || emqx?.get(['node', 'dist_bind_address'])) return '6';
  return '5';
}
