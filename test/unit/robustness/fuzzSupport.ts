/**
 * Shared by the robustness tests (fixed seed, small) and bench/fuzz.mjs (100,000+ cases): corpus seeds per
 * file kind, fast-check arbitraries that mutate them, and property checks that return violations as
 * strings (empty = the case holds) so a bench can count failures without stopping at the first.
 *
 * "Print back", as defined here for every parser: take the parser's structural pieces (entries, section
 * headers, includes, comments; for HOCON the leaves of the tree: keys, separators, scalar values, includes,
 * brackets and comments), sort them by offset, and require that they never overlap; then the pieces and
 * the gaps between them concatenate to the input. A gap may hold only blanks, line ends, a BOM (HOCON: also
 * commas and Unicode spaces), or text that error recovery skipped: such a stretch (from the end of the last
 * non-comment piece to the next piece) must touch a line on which the parser reported a problem. So nothing
 * is read twice and nothing is dropped silently. A literal re-printer is not used because the parsers keep
 * spans into the source rather than tokens, which makes the span partition the natural form of the
 * property; it is stronger than "every non-blank character is in some node span", since it also rules out
 * overlapping and out-of-order nodes.
 */
import fc from 'fast-check';
import type { Span, TextEdit } from '../../../server/src/core/text';
import { applyEdits } from '../../../server/src/core/text';
import type { ParseProblem } from '../../../server/src/core/problems';
import { parseHocon } from '../../../server/src/parsers/hocon';
import type { HoconDocument, HoconValue } from '../../../server/src/parsers/hocon/ast';
import { parseEmqx4 } from '../../../server/src/parsers/emqx4';
import { parseVmArgs } from '../../../server/src/parsers/vmargs';
import { parseSysctl } from '../../../server/src/parsers/sysctl';
import { parseUnit } from '../../../server/src/parsers/systemd';
import { parseLimits } from '../../../server/src/parsers/limits';
import { parseEnvFile } from '../../../server/src/parsers/envfile';
import { parseFile } from '../../../server/src/parsers';
import type { FileKind } from '../../../server/src/parsers/fileKind';
import { Workspace } from '../../../server/src/workspace/workspace';
import { analyzeWorkspace } from '../../../server/src/engine/engine';
import { DEFAULT_SETTINGS, type Settings } from '../../../server/src/core/settings';
import type { Finding } from '../../../server/src/rules/types';
import { selectSafeEdits } from '../../../server/src/engine/safeFixes';
import { fillSecrets } from '../../../server/src/core/secrets';
import { textArb, type ParserName } from './fuzzInputs';

export { CORPUS, PARSER_NAMES, seeds, NASTY, mutate, textArb } from './fuzzInputs';
export type { ParserName, Mutation } from './fuzzInputs';

// ------------------------------------------------------------------------------------ parser properties

/** What the checks need from any parser: its problems, its structural pieces, and parent/child span pairs. */
interface Parsed {
  problems: ParseProblem[];
  /** Pieces of the print-back partition (must not overlap; a `soft` piece that would is dropped instead). */
  pieces: Array<Span & { what: string; soft?: boolean }>;
  /** Spans that must lie inside another (child, parent). */
  nested: Array<[Span & { what: string }, Span]>;
}

const tag = (s: Span, what: string) => ({ start: s.start, end: s.end, what });

function hoconPieces(doc: HoconDocument): Parsed {
  const pieces: Parsed['pieces'] = doc.comments.map((c) => tag(c, 'comment'));
  const nested: Parsed['nested'] = [];
  const text = doc.text;
  // Iterative walk: fuzzed documents may nest deeply.
  const stack: Array<{ v: HoconValue; parent: Span }> = [{ v: doc.root, parent: { start: 0, end: text.length } }];
  while (stack.length) {
    const { v, parent } = stack.pop()!;
    nested.push([tag(v, v.type), parent]);
    switch (v.type) {
      case 'object':
        if (v.braced) brackets(v, '{', '}');
        for (const m of v.members) {
          nested.push([tag(m, m.type), v]);
          if (m.type === 'include') {
            // Its tokens, not the whole node: EMQX skips line breaks and comments between `include`,
            // `required(` and the file name, so a comment may lie inside an include.
            pieces.push({ start: m.start, end: m.start + 'include'.length, what: 'include' });
            if (m.form !== 'plain') {
              const formStart = afterTrivia(text, m.start + 'include'.length);
              pieces.push({ start: formStart, end: formStart + m.form.length + 1, what: `${m.form}(` });
            }
            pieces.push(tag(m.targetSpan, 'include target'));
            if (m.end > m.targetSpan.end) pieces.push({ start: m.targetSpan.end, end: m.end, what: ')' });
            nested.push([tag(m.targetSpan, 'include target'), m]);
            continue;
          }
          pieces.push(tag(m.key, 'key'));
          nested.push([tag(m.key, 'key'), m]);
          for (const s of m.key.segments) nested.push([tag(s, 'key segment'), m.key]);
          if (m.separator) {
            pieces.push(tag(m.separator, 'separator'));
            nested.push([tag(m.separator, 'separator'), m]);
          }
          if (m.value) stack.push({ v: m.value, parent: m });
        }
        break;
      case 'array':
        brackets(v, '[', ']');
        for (const item of v.items) stack.push({ v: item, parent: v });
        break;
      case 'concat':
        for (const p of v.parts) stack.push({ v: p, parent: v });
        break;
      default:
        pieces.push(tag(v, v.type));
    }
  }
  return { problems: doc.problems, pieces, nested };

  function brackets(v: Span, open: string, close: string): void {
    if (text[v.start] === open) pieces.push({ start: v.start, end: v.start + 1, what: open });
    // The CST does not say whether a container was closed: a final bracket may belong to an unterminated inner token.
    if (v.end - 1 > v.start && text[v.end - 1] === close) pieces.push({ start: v.end - 1, end: v.end, what: close, soft: true });
  }
}

/** The offset of the first character from `i` that is not a blank, a line break or part of a comment. */
function afterTrivia(text: string, i: number): number {
  while (i < text.length) {
    if (/\s|\uFEFF/.test(text[i])) i++;
    else if (text[i] === '#' || text.startsWith('//', i)) while (i < text.length && !/[\n\r\u2028\u2029]/.test(text[i])) i++;
    else break;
  }
  return i;
}

function lineParsed(
  problems: ParseProblem[],
  comments: Span[],
  entries: Array<Span & { what?: string; children?: Span[] }>,
): Parsed {
  const pieces = [...comments.map((c) => tag(c, 'comment')), ...entries.map((e) => tag(e, e.what ?? 'entry'))];
  const nested: Parsed['nested'] = [];
  for (const e of entries) for (const c of e.children ?? []) nested.push([tag(c, `part of ${e.what ?? 'entry'}`), e]);
  return { problems, pieces, nested };
}

/** Parses `text` with `parser` and returns the generic view the checks use. Throws only if the parser does. */
/** The parser alone, with no walk of its result: what the bench's linearity check times. */
export function parseOnly(parser: ParserName, text: string): unknown {
  const parsers: Record<ParserName, (text: string) => unknown> = { hocon: parseHocon, emqx4: parseEmqx4, vmargs: parseVmArgs, sysctl: parseSysctl, systemd: parseUnit, limits: parseLimits, envfile: parseEnvFile };
  return parsers[parser](text);
}

export function parseFor(parser: ParserName, text: string): Parsed {
  switch (parser) {
    case 'hocon':
      return hoconPieces(parseHocon(text));
    case 'emqx4': {
      const d = parseEmqx4(text);
      return lineParsed(d.problems, d.comments, [
        ...d.entries.map((e) => ({ ...e, children: [e.keySpan, e.valueSpan] })),
        ...d.includes.map((i) => ({ ...i, what: 'include', children: [i.pathSpan] })),
      ]);
    }
    case 'vmargs': {
      const d = parseVmArgs(text);
      return lineParsed(d.problems, d.comments, d.entries.map((e) => ({ ...e, children: [e.flagSpan, ...e.args] })));
    }
    case 'sysctl': {
      const d = parseSysctl(text);
      return lineParsed(d.problems, d.comments, d.entries.map((e) => ({ ...e, children: [e.keySpan, e.valueSpan] })));
    }
    case 'systemd': {
      const d = parseUnit(text);
      const headers = d.sections.map((s) => ({ start: s.start, end: s.nameSpan.end + 1, what: 'section header', children: [s.nameSpan] }));
      const entries = d.sections.flatMap((s) => s.entries.map((e) => ({ ...e, children: [e.keySpan, e.valueSpan] })));
      const parsed = lineParsed(d.problems, d.comments, [...headers, ...entries]);
      for (const s of d.sections) for (const e of s.entries) parsed.nested.push([tag(e, 'entry in section'), s]);
      return parsed;
    }
    case 'limits': {
      const d = parseLimits(text);
      return lineParsed(d.problems, d.comments, d.entries.map((e) => ({ ...e, children: [e.domain, e.type, e.item, e.value] })));
    }
    case 'envfile': {
      const d = parseEnvFile(text);
      return lineParsed(d.problems, d.comments, d.entries.map((e) => ({ ...e, children: [e.nameSpan, e.valueSpan] })));
    }
  }
}

const show = (text: string, s: Span) => JSON.stringify(text.slice(Math.max(0, s.start - 10), s.end + 10).slice(0, 60));

/** Every way a span can be wrong for a document of `length` characters. */
export function badSpan(s: Span, length: number): boolean {
  return !(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= length);
}

/** Edits must lie in the text and apply cleanly (applyEdits throws on overlap). */
export function checkEdits(text: string, edits: readonly TextEdit[], what: string): string[] {
  const out: string[] = [];
  for (const e of edits) if (badSpan({ start: e.offset, end: e.offset + e.length }, text.length)) out.push(`${what}: edit out of range ${e.offset}+${e.length} (length ${text.length})`);
  if (out.length === 0) {
    try {
      applyEdits(text, edits);
    } catch (err) {
      out.push(`${what}: edits do not apply (${(err as Error).message})`);
    }
  }
  return out;
}

function isGapChar(c: number, hocon: boolean): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xfeff || (hocon && (c === 44 /* , */ || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x202f || c === 0x205f));
}

/**
 * Checks one parse of `text`: no exception, problem and fix ranges in the document, nested spans inside
 * their parents, and the print-back partition (see the file comment). Returns the violations.
 */
export function checkParser(parser: ParserName, text: string): string[] {
  let parsed: Parsed;
  try {
    parsed = parseFor(parser, text);
  } catch (err) {
    return [`${parser}: threw ${(err as Error)?.stack ?? String(err)}`];
  }
  const out: string[] = [];
  const n = text.length;
  const syntaxCount = (ps: ParseProblem[]) => ps.filter((p) => p.code.endsWith('/syntax')).length;
  for (const p of parsed.problems) {
    if (badSpan(p, n)) out.push(`${parser}: problem ${p.code} range ${p.start}-${p.end} outside 0-${n}`);
    if (!p.fix) continue;
    const bad = checkEdits(text, p.fix.edits, `${parser}: fix of ${p.code}`);
    out.push(...bad);
    // A parser's own repair must not make the text worse.
    if (bad.length === 0) {
      const after = parseFor(parser, applyEdits(text, p.fix.edits)).problems;
      if (syntaxCount(after) > syntaxCount(parsed.problems)) out.push(`${parser}: the fix "${p.fix.title}" of ${p.code} at ${p.start}-${p.end} ${show(text, p)} adds syntax problems (${syntaxCount(parsed.problems)} -> ${syntaxCount(after)})`);
    }
  }
  for (const p of parsed.pieces) if (badSpan(p, n)) out.push(`${parser}: ${p.what} range ${p.start}-${p.end} outside 0-${n}`);
  for (const [child, parent] of parsed.nested) {
    if (badSpan(child, n)) out.push(`${parser}: ${child.what} range ${child.start}-${child.end} outside 0-${n}`);
    else if (child.start < parent.start || child.end > parent.end) out.push(`${parser}: ${child.what} ${child.start}-${child.end} ${show(text, child)} not inside its parent ${parent.start}-${parent.end}`);
  }
  if (out.length) return out;

  // Print back: pieces in order, no overlap, gaps only blank or on a line with a problem.
  const pieces = [...parsed.pieces].filter((p) => p.end > p.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const problemLines = linesWithProblems(text, parsed.problems);
  let printed = '';
  let cursor = 0;
  // Where the last piece other than a comment ended: text skipped by error recovery may contain comments.
  let stretchStart = 0;
  const hocon = parser === 'hocon';
  for (const p of pieces) {
    if (p.start < cursor) {
      if (p.soft) continue;
      // systemd skips comment lines inside a continued value, so such a comment lies inside its entry.
      if (parser === 'systemd' && p.what === 'comment' && p.end <= cursor) continue;
      out.push(`${parser}: ${p.what} ${p.start}-${p.end} ${show(text, p)} overlaps the previous piece ending at ${cursor}`);
      return out;
    }
    out.push(...checkGap(cursor, p.start));
    printed += text.slice(cursor, p.start) + text.slice(p.start, p.end);
    cursor = p.end;
    if (p.what !== 'comment') stretchStart = p.end;
  }
  out.push(...checkGap(cursor, n));
  printed += text.slice(cursor);
  if (printed !== text) out.push(`${parser}: pieces and gaps do not print back the input`);
  return out.slice(0, 5);

  /** A gap may hold skipped text only when a problem says so: it must touch a line with a problem. */
  function checkGap(from: number, to: number): string[] {
    let firstSolid = -1;
    for (let i = from; i < to; i++) {
      if (!isGapChar(text.charCodeAt(i), hocon)) {
        firstSolid = i;
        break;
      }
    }
    if (firstSolid < 0 || problemLines.intersects(stretchStart, to)) return [];
    return [`${parser}: character ${JSON.stringify(text[firstSolid])} at ${firstSolid} ${show(text, { start: firstSolid, end: firstSolid + 1 })} is in no node and no comment, and no problem is reported on its stretch ${stretchStart}-${to}`];
  }
}

/** The physical lines that problem spans touch, merged. */
function linesWithProblems(text: string, problems: ParseProblem[]): { intersects(from: number, to: number): boolean } {
  const ranges: Span[] = [];
  for (const p of problems) {
    let s = p.start;
    while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
    let e = Math.max(p.end, p.start);
    if (e > 0 && (text[e - 1] === '\n' || text[e - 1] === '\r') && e > p.start) e--;
    while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
    ranges.push({ start: s, end: e });
  }
  ranges.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return {
    /** True when some problem line range overlaps [from, to). */
    intersects(from: number, to: number) {
      let lo = 0;
      let hi = merged.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (merged[mid].end <= from) lo = mid + 1;
        else if (merged[mid].start >= to) hi = mid - 1;
        else return true;
      }
      return false;
    },
  };
}

// ------------------------------------------------------------------------------------ engine properties

export const DEPLOY = '/fuzz/deploy';

/** Which parser seeds feed which deployment file. */
const DEPLOYMENT_FILES: Array<{ rel: string; parser: ParserName }> = [
  { rel: 'etc/emqx.conf', parser: 'hocon' },
  { rel: 'etc/base.hocon', parser: 'hocon' },
  { rel: 'etc/vm.args', parser: 'vmargs' },
  { rel: 'sysctl.d/99-emqx.conf', parser: 'sysctl' },
  { rel: 'emqx.service', parser: 'systemd' },
  { rel: 'limits.d/emqx.conf', parser: 'limits' },
];

/** A fuzzed deployment: a main emqx.conf (HOCON or 4.x) and a random selection of the other files. */
export function deploymentArb(maxLength = 3000): fc.Arbitrary<Record<string, string>> {
  const main = fc.oneof({ weight: 3, arbitrary: textArb('hocon', maxLength) }, { weight: 1, arbitrary: textArb('emqx4', maxLength) });
  const others = DEPLOYMENT_FILES.slice(1).map((f) => fc.option(textArb(f.parser, maxLength), { freq: 2 }));
  // One deployment in ten includes a fan-out: files that each include the next twice (2^depth visits).
  const fanOut = fc.option(fc.integer({ min: 1, max: 18 }), { freq: 9 });
  return fc.tuple(main, fanOut, ...others).map(([m, depth, ...rest]) => {
    const files: Record<string, string> = { 'etc/emqx.conf': m };
    rest.forEach((t, i) => {
      if (t !== null) files[DEPLOYMENT_FILES[i + 1].rel] = t as string;
    });
    if (depth !== null) Object.assign(files, includeFanOut(files['etc/emqx.conf'], depth as number));
    return files;
  });
}

/** `etc/emqx.conf` with an include of the first of `depth` files, each including the next twice. */
export function includeFanOut(main: string, depth: number): Record<string, string> {
  const files: Record<string, string> = { 'etc/emqx.conf': `${main}\ninclude "fan/f0.hocon"\n` };
  for (let i = 0; i < depth; i++) files[`etc/fan/f${i}.hocon`] = `f${i} = ${i}\ninclude "f${i + 1}.hocon"\ninclude "f${i + 1}.hocon"\n`;
  files[`etc/fan/f${depth}.hocon`] = 'end = true\n';
  return files;
}

export const FUZZ_SETTINGS: Settings = { ...DEFAULT_SETTINGS, rules: {}, files: [] };

function workspace(files: Record<string, string>): Workspace {
  const ws = new Workspace();
  for (const [rel, text] of Object.entries(files)) {
    if (!ws.set(`${DEPLOY}/${rel}`, text)) throw new Error(`${rel} is not a deployment file`);
  }
  return ws;
}

function readerFor(files: Record<string, string>) {
  return { read: (file: string) => (file.startsWith(`${DEPLOY}/`) ? files[file.slice(DEPLOY.length + 1)] : undefined) };
}

export function analyze(files: Record<string, string>): Finding[] {
  return analyzeWorkspace(workspace(files), FUZZ_SETTINGS, readerFor(files)).findings;
}

/** Syntax-level problem counts per file (parser codes), to compare before and after a fix. */
function syntaxCounts(files: Record<string, string>): Map<string, number> {
  const counts = new Map<string, number>();
  const ws = workspace(files);
  for (const s of ws.all()) {
    const parsed = parseFile(s.file, s.text, s.kind as FileKind);
    counts.set(s.file, parsed?.problems.filter((p) => /\/syntax$/.test(p.code)).length ?? 0);
  }
  return counts;
}

function applyFileEdits(files: Record<string, string>, edits: Map<string, TextEdit[]>): Record<string, string> {
  const next = { ...files };
  for (const [file, list] of edits) {
    const rel = file.startsWith(`${DEPLOY}/`) ? file.slice(DEPLOY.length + 1) : undefined;
    if (rel === undefined || next[rel] === undefined) continue;
    next[rel] = applyEdits(next[rel], list);
  }
  return next;
}

function groupEdits(edits: readonly { file: string; offset: number; length: number; newText: string }[]): Map<string, TextEdit[]> {
  const by = new Map<string, TextEdit[]>();
  for (const e of edits) (by.get(e.file) ?? by.set(e.file, []).get(e.file)!).push(e);
  return by;
}

function newSyntaxProblems(before: Map<string, number>, after: Map<string, number>, what: string): string[] {
  const out: string[] = [];
  for (const [file, n] of after) if (n > (before.get(file) ?? 0)) out.push(`${what}: ${file} has ${n} syntax problems after the fix, ${before.get(file) ?? 0} before`);
  return out;
}

export interface EngineCheckOptions {
  /** Apply each offered fix alone and re-parse (costly: one parse per fix). */
  eachFix?: boolean;
  /** Per rule: apply its safe fixes, re-analyze, and check that its next fixes do not rewrite what the first wrote. */
  perRule?: boolean;
  /** Repeat "fix all" until nothing is offered; fails when it does not stop (costly: one analysis per round). */
  fixpoint?: boolean;
}

/**
 * The whole engine on one deployment: no exception; every finding, related location and fix edit inside
 * its file; every offered fix applies and re-parses without new syntax problems; "fix all" leaves no new
 * syntax problems and reaches a fixed point; a rule whose fix removed its finding does not rewrite the
 * same text again on the next analysis.
 */
export function checkEngine(files: Record<string, string>, options: EngineCheckOptions = { eachFix: true, perRule: true, fixpoint: true }): string[] {
  let findings: Finding[];
  try {
    findings = analyze(files);
  } catch (err) {
    return [`engine threw ${(err as Error)?.stack ?? String(err)}`];
  }
  const out: string[] = [];
  const textOf = (file: string) => (file.startsWith(`${DEPLOY}/`) ? files[file.slice(DEPLOY.length + 1)] : undefined);
  for (const f of findings) {
    const text = textOf(f.file);
    if (text === undefined) {
      if (f.span.start !== 0 || f.span.end !== 0) out.push(`${f.ruleId}: finding in unknown file ${f.file} with a non-empty range`);
    } else if (badSpan(f.span, text.length)) out.push(`${f.ruleId}: finding range ${f.span.start}-${f.span.end} outside ${f.file} (length ${text.length})`);
    for (const r of f.related ?? []) {
      const t = textOf(r.file);
      if (t !== undefined && badSpan(r.span, t.length)) out.push(`${f.ruleId}: related range ${r.span.start}-${r.span.end} outside ${r.file}`);
    }
    for (const fix of f.fixes) {
      for (const [file, edits] of groupEdits(fix.edits)) {
        const t = textOf(file);
        if (t === undefined) out.push(`${f.ruleId}: fix "${fix.title}" edits ${file}, which is not in the deployment`);
        else out.push(...checkEdits(t, edits, `${f.ruleId}: fix "${fix.title}"`));
      }
    }
  }
  if (out.length) return out.slice(0, 5);

  const before = syntaxCounts(files);
  try {
    if (options.eachFix) {
      for (const f of findings) {
        for (const fix of f.fixes) {
          const after = applyFileEdits(files, groupEdits(fillSecrets(fix.edits)));
          out.push(...newSyntaxProblems(before, syntaxCounts(after), `${f.ruleId}: fix "${fix.title}"`));
        }
      }
    }
    // Fix all, repeated: no new syntax problems; with `fixpoint`, it stops within one round per fix first offered
    // (overlapping fixes, such as several insertions at the end of a file, wait for the next round).
    const offered = findings.filter((f) => f.fixes.some((x) => x.safe)).length;
    const rounds = options.fixpoint ? offered + 1 : 1;
    let current = files;
    for (let round = 1; round <= rounds; round++) {
      const edits = selectSafeEdits(round === 1 ? findings : analyze(current));
      if (edits.size === 0) break;
      const next = applyFileEdits(current, edits);
      if (JSON.stringify(next) === JSON.stringify(current)) break;
      out.push(...newSyntaxProblems(before, syntaxCounts(next), `fix all, round ${round}`));
      current = next;
      if (options.fixpoint && round === rounds) {
        const left = analyze(current).filter((f) => f.fixes.some((x) => x.safe)).map((f) => f.ruleId);
        if (left.length) out.push(`fix all still offers fixes after ${rounds} rounds (${offered} offered at first): ${[...new Set(left)].join(', ')}`);
      }
    }
    if (options.perRule) out.push(...checkRuleIdempotence(files, findings));
  } catch (err) {
    out.push(`applying fixes threw ${(err as Error)?.stack ?? String(err)}`);
  }
  return out.slice(0, 5);
}

/** For each rule with safe fixes: apply them, re-analyze; its next safe fixes must not rewrite the text its first fixes wrote. */
function checkRuleIdempotence(files: Record<string, string>, findings: Finding[]): string[] {
  const out: string[] = [];
  const rules = [...new Set(findings.filter((f) => f.fixes.some((x) => x.safe)).map((f) => f.ruleId))];
  for (const ruleId of rules) {
    const mine = findings.filter((f) => f.ruleId === ruleId);
    const edits = selectSafeEdits(mine);
    const written = writtenRegions(files, edits);
    const next = applyFileEdits(files, edits);
    const again = analyze(next).filter((f) => f.ruleId === ruleId);
    if (again.length >= mine.length) continue; // the first fix removed nothing: nothing to compare
    for (const f of again) {
      const fix = f.fixes.find((x) => x.safe);
      if (!fix) continue;
      for (const e of fix.edits) {
        const regions = written.get(e.file) ?? [];
        const hit = regions.find((r) => e.offset < r.end && r.start < e.offset + Math.max(e.length, 1) && e.length > 0);
        if (hit) out.push(`${ruleId}: after its fix removed a finding, the next analysis offers "${fix.title}" rewriting the text the first fix wrote (${hit.start}-${hit.end} in ${e.file})`);
      }
    }
  }
  return out;
}

/** Where each file's new text landed after applying `edits` (offsets in the new text). */
function writtenRegions(files: Record<string, string>, edits: Map<string, TextEdit[]>): Map<string, Span[]> {
  const out = new Map<string, Span[]>();
  for (const [file, list] of edits) {
    const sorted = [...list].sort((a, b) => a.offset - b.offset);
    let shift = 0;
    const regions: Span[] = [];
    for (const e of sorted) {
      const start = e.offset + shift;
      regions.push({ start, end: start + e.newText.length });
      shift += e.newText.length - e.length;
    }
    out.set(file, regions);
  }
  return out;
}

// ------------------------------------------------------------------------------------------ known bugs

/**
 * Parser bugs found by this fuzzing and reported, not yet fixed. A case whose violations come with a
 * known bug's signature is counted apart instead of failing the run; known-bugs.test.ts states each
 * one as a `todo` test with a minimal reproducer. Empty while every found bug is fixed.
 */
export const KNOWN_BUGS: Record<string, { summary: string; reproducer: string; matches(parser: ParserName, text: string): boolean }> = {};

/** Bugs this fuzzing found that are fixed: their reproducers stay as regression tests (known-bugs.test.ts). */
export const FIXED_BUGS: { id: string; parser: ParserName; summary: string; reproducer: string }[] = [
  { id: 'hocon-root-reopened', parser: 'hocon', summary: 'text after the `}` that closes a braced root: one problem, covering that `}`', reproducer: '{\n}\n\nx = 1\n' },
  { id: 'hocon-quote-fix-adds-problem', parser: 'hocon', summary: 'no "Quote X" fix for a stray separator read as a value during recovery', reproducer: '"i"{{ x }} : {\n}\n' },
  { id: 'hocon-quote-fix-glued', parser: 'hocon', summary: 'no "Quote X" fix next to a quote it would merge with', reproducer: 'x "e" : {}\n' },
  { id: 'hocon-include-comment', parser: 'hocon', summary: 'a comment between `include` and its file name lies inside the include, between its tokens', reproducer: 'include#\n"' },
  { id: 'hocon-include-required-comment', parser: 'hocon', summary: 'a comment after `include required(` lies between the include\'s tokens', reproducer: 'include required( # c\n"a.conf")\n' },
  { id: 'hocon-quote-fix-before-separator', parser: 'hocon', summary: 'no "Quote X" fix for a value followed by a separator: it is the start of a field, and quoting it makes a key whose value fails', reproducer: 'node {\n  name = "x"\n :node.cookie =  cookie = "e"\n}\n' },
  { id: 'systemd-dangling-continuation', parser: 'systemd', summary: 'a `\\` continuation followed only by comments ends its assignment, backslash inside the entry', reproducer: '[Service]\nExecStart=/bin/true \\\n# comment\n' },
];

/** checkParser, with violations explained by a known bug reported apart. */
export function classifyParserCase(parser: ParserName, text: string): { violations: string[]; knownBug?: string } {
  const violations = checkParser(parser, text);
  if (violations.length === 0) return { violations };
  for (const [id, bug] of Object.entries(KNOWN_BUGS)) {
    try {
      if (bug.matches(parser, text)) return { violations: [], knownBug: id };
    } catch {
      // a parser that throws is not explained by any known bug
    }
  }
  return { violations };
}

/** checkEngine, with violations explained by a known parser bug counted apart. */
export function classifyEngineCase(files: Record<string, string>, options?: EngineCheckOptions): { violations: string[]; knownBug?: string } {
  const violations = checkEngine(files, options);
  if (violations.length === 0 || violations.some((v) => /threw/.test(v))) return { violations };
  return { violations };
}

/**
 * Runs a property with fast-check (fixed seed, shrinking on failure) and returns a readable report of the
 * shrunk counterexample's violations, or undefined when every case held.
 */
export function runProperty<T>(arb: fc.Arbitrary<T>, violationsOf: (value: T) => string[], seed: number, numRuns: number): string | undefined {
  const result = fc.check(fc.property(arb, (v) => violationsOf(v).length === 0), { seed, numRuns });
  if (!result.failed) return undefined;
  const example = result.counterexample?.[0] as T;
  return `${violationsOf(example).join('\n')}\ninput (shrunk, seed ${seed}): ${JSON.stringify(example).slice(0, 1500)}`;
}
