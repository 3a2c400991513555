/** Parses a deployment file by its kind; the one place that knows which parser reads which file. */
import type { FileKind } from './fileKind';
import type { ParseProblem } from '../core/problems';
import type { HoconDocument } from './hocon/ast';
import type { BlockReplacement } from './hocon/incremental/reparse';
import { parseHocon } from './hocon';
import { looksLikeEmqx4, parseEmqx4, type Emqx4Document } from './emqx4';
import { parseVmArgs, type VmArgsDocument } from './vmargs';
import { parseSysctl, type SysctlDocument } from './sysctl';
import { parseUnit, type UnitDocument } from './systemd';
import { parseLimits, type LimitsDocument } from './limits';
import { parseEnvFile, type EnvFileDocument } from './envfile';

interface ParsedBase {
  file: string;
  text: string;
  problems: ParseProblem[];
}

export interface ParsedHocon extends ParsedBase {
  kind: 'emqx-conf';
  format: 'hocon';
  doc: HoconDocument;
  /** When the language server re-parsed one block of the previous parse to make `doc`: which, and from what. */
  replacement?: BlockReplacement;
}

export interface ParsedEmqx4 extends ParsedBase {
  kind: 'emqx-conf';
  format: 'emqx4';
  doc: Emqx4Document;
}

export interface ParsedVmArgs extends ParsedBase {
  kind: 'vmargs';
  doc: VmArgsDocument;
}

export interface ParsedSysctl extends ParsedBase {
  kind: 'sysctl';
  doc: SysctlDocument;
}

export interface ParsedUnit extends ParsedBase {
  kind: 'systemd';
  doc: UnitDocument;
}

export interface ParsedLimits extends ParsedBase {
  kind: 'limits';
  doc: LimitsDocument;
}

export interface ParsedEnvFile extends ParsedBase {
  kind: 'env';
  doc: EnvFileDocument;
}

export type ParsedFile = ParsedHocon | ParsedEmqx4 | ParsedVmArgs | ParsedSysctl | ParsedUnit | ParsedLimits | ParsedEnvFile;

/**
 * Parses one file; never throws (a parser bug becomes a problem on the file, not a crash). `emqx4` is the
 * format verdict for an emqx-conf file when the caller already knows it (reparse.ts keeps it up to date).
 */
export function parseFile(file: string, text: string, kind: FileKind, emqx4?: boolean): ParsedFile | undefined {
  try {
    return parseByKind(file, text, kind, emqx4);
  } catch (err) {
    const message = `mqtt-harden could not parse this file (${err instanceof Error ? err.message : String(err)}); please report it.`;
    return { file, text, kind: 'emqx-conf', format: 'hocon', doc: { text, root: { type: 'object', braced: false, members: [], start: 0, end: 0 }, problems: [], comments: [] }, problems: [{ start: 0, end: 0, code: 'internal/rule-error', message }] };
  }
}

function parseByKind(file: string, text: string, kind: FileKind, emqx4?: boolean): ParsedFile | undefined {
  switch (kind) {
    case 'emqx-conf': {
      if (!file.endsWith('.hocon') && (emqx4 ?? looksLikeEmqx4(text))) {
        const doc = parseEmqx4(text);
        return { file, text, kind, format: 'emqx4', doc, problems: doc.problems };
      }
      const doc = parseHocon(text);
      return { file, text, kind, format: 'hocon', doc, problems: doc.problems };
    }
    case 'vmargs': {
      const doc = parseVmArgs(text);
      return { file, text, kind, doc, problems: doc.problems };
    }
    case 'sysctl': {
      const doc = parseSysctl(text);
      return { file, text, kind, doc, problems: doc.problems };
    }
    case 'systemd': {
      const doc = parseUnit(text);
      return { file, text, kind, doc, problems: doc.problems };
    }
    case 'limits': {
      const doc = parseLimits(text);
      return { file, text, kind, doc, problems: doc.problems };
    }
    case 'env': {
      const doc = parseEnvFile(text);
      return { file, text, kind, doc, problems: doc.problems };
    }
    default:
      return undefined;
  }
}
