/** Builds the DeploymentModel of one deployment from its parsed files. */
import * as path from 'node:path';
import type { DeploymentModel, EmqxVersion, Fact } from './deploymentModel';
import type { Settings } from '../core/settings';
import type { ParsedEmqx4, ParsedFile, ParsedHocon, ParsedLimits, ParsedSysctl, ParsedVmArgs } from '../parsers';
import type { HoconDocument } from '../parsers/hocon/ast';
import type { FileReader } from '../parsers/hocon/resolved';
import { resolveHocon } from '../parsers/hocon';
import { resolveHoconAgain } from '../parsers/hocon/incremental/reresolve';
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
import { recordingView, Reads, type DerivedPart } from './observe';
import { modelEdits } from './edits';
import { extractFileModes } from './extract/keyFiles';

/**
 * What building a model saw, for re-using rule results after an edit (engine/reuse.ts). It is kept in
 * place of the model for the next edit: the next re-parse moves the model's tree nodes in place, while
 * everything here but `resolved` is plain data taken at build time, and of `resolved` the next edit reads
 * only values and structure (see parsers/hocon/incremental/diff.ts), which moving nodes leaves alone.
 */
export interface ModelTrace {
  /** The merged HOCON configuration, when the deployment has HOCON layers. */
  resolved?: ResolveResult;
  /** The HOCON layer files, lowest precedence first: their roots are the configuration's root. */
  layers: string[];
  /** The config reads behind each derived part of the model. */
  derived: Record<DerivedPart, Reads>;
  /** The model's facts an edit must leave alone for rule results to be re-used. */
  version: EmqxVersion;
  versionSource: DeploymentModel['versionSource'];
  root: string;
  format?: EmqxConfigView['format'];
  mainFile?: string;
  environment: DeploymentModel['environment'];
  problems: DeploymentModel['problems'];
  fileModes: DeploymentModel['fileModes'];
  /** A HOCON file of the deployment has a syntax error. */
  syntaxErrors: boolean;
}

/** A model, and with `trace` what building it saw. */
export interface Built {
  model: DeploymentModel;
  trace?: ModelTrace;
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
  /** The trace of the deployment's previous model: its resolution is updated instead of redone when only one block changed. */
  previous?: ModelTrace;
}

export function buildModel(input: BuildInput): Built {
  const { files, settings } = input;
  const problems: DeploymentModel['problems'] = [];
  const service = extractServiceFacts(files, input.reader, input.root);
  for (const p of service.problems) problems.push(p);
  const allFiles = [...files, ...service.envFiles];
  const environment = extractEnvironment(service);
  const built = buildEmqxView(input, environment, problems);
  const emqx = built?.view;
  const version: EmqxVersion = settings.emqxVersion !== 'auto' ? settings.emqxVersion : detectVersion(emqx);
  const vmargs = files.filter((f): f is ParsedVmArgs => f.kind === 'vmargs');
  const { sysctl, ordered } = extractSysctl(files.filter((f): f is ParsedSysctl => f.kind === 'sysctl'));
  const derived: Record<DerivedPart, Reads> | undefined = input.trace ? { listeners: new Reads(), tls: new Reads(), node: new Reads() } : undefined;
  // With a trace, each extractor reads through a view that records into its own part's reads.
  const viewFor = (part: DerivedPart) => (emqx && derived ? recordingView(emqx, derived[part]) : emqx);
  const listeners = extractListeners(viewFor('listeners'), version, environment);
  // TLS contexts belong to listeners: whatever changes a listener may change its context.
  derived?.tls.derived.add('listeners');
  const tlsRecorded = extractTls(viewFor('tls'), version, listeners);
  // Key files are found through the contexts' keyfile settings: recorded with the TLS reads.
  const modeFiles = [...allFiles.map((f) => f.file), ...(built?.resolved?.documents.keys() ?? [])];
  const { fileModes, keyFiles } = extractFileModes(input.root, modeFiles.map((file) => ({ file })), tlsRecorded, input.reader);
  const model: DeploymentModel = {
    root: input.root,
    version,
    versionSource: settings.emqxVersion !== 'auto' ? 'setting' : 'detected',
    files: allFiles,
    emqx,
    node: extractNode(viewFor('node'), vmargs, environment),
    listeners,
    // The model's own contexts read unrecorded: a rule gets contexts over its recording view (observe.ts).
    tls: emqx && derived ? tlsRecorded.map((c) => c.reading(emqx)) : tlsRecorded,
    vmargs,
    sysctl,
    sysctlFiles: ordered,
    units: service.units,
    limits: files.filter((f): f is ParsedLimits => f.kind === 'limits'),
    problems,
    environment,
    fileModes,
    keyFiles,
    edits: modelEdits(allFiles, emqx),
    includedDocuments: built?.resolved && includedOnly(built.resolved, files),
  };
  if (!derived) return { model };
  const trace: ModelTrace = {
    resolved: built?.resolved,
    layers: built?.layers ?? [],
    derived,
    version,
    versionSource: model.versionSource,
    root: model.root,
    format: emqx?.format,
    mainFile: emqx?.mainFile,
    environment,
    problems,
    fileModes,
    syntaxErrors: files.some((f) => f.problems.some((p) => p.code === 'hocon/syntax')),
  };
  return { model, trace };
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
  const before = input.previous?.resolved;
  const replacements = new Map(hocons.filter((f) => f.replacement).map((f) => [f.file, f.replacement!]));
  const result = (before && resolveHoconAgain(before, entries, options, replacements)) || resolveHocon(entries, input.reader, options);
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
