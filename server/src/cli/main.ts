/** mqtt-harden: the engine as a command for terminals and CI. Exit codes: 0 clean, 1 findings, 2 usage/I/O error. */
import * as path from 'node:path';
import { parseArgs, USAGE, type CliOptions } from './args';
import { loadSettings } from './config';
import { scan } from './scan';
import { resolveCommand } from './resolve';
import { explainRule, listRules } from './explain';
import { PRODUCT_NAME, PRODUCT_VERSION } from '../core/product';
import type { Io } from './io';

export const EXIT_OK = 0;
export const EXIT_ERROR = 2;

export function main(argv: string[], io: Io): number {
  const parsed = parseArgs(argv);
  if (!parsed.options) {
    io.err(`${PRODUCT_NAME}: ${parsed.error}\n`);
    return EXIT_ERROR;
  }
  const options: CliOptions = parsed.options;
  switch (options.command) {
    case 'help':
      io.out(USAGE);
      return EXIT_OK;
    case 'version':
      io.out(`${PRODUCT_VERSION}\n`);
      return EXIT_OK;
    case 'list-rules':
      io.out(listRules());
      return EXIT_OK;
    case 'explain': {
      const text = explainRule(options.explain!);
      if (text === undefined) {
        io.err(`${PRODUCT_NAME}: no rule "${options.explain}" (see --list-rules)\n`);
        return EXIT_ERROR;
      }
      io.out(text);
      return EXIT_OK;
    }
    case 'resolve':
      return resolveCommand(path.resolve(io.cwd, options.paths[0]), io);
    case 'scan': {
      const settings = loadSettings(options, io.cwd);
      if (settings.error) {
        io.err(`${PRODUCT_NAME}: ${settings.error}\n`);
        return EXIT_ERROR;
      }
      for (const w of settings.warnings) io.err(`${PRODUCT_NAME}: warning: ${w}\n`);
      return scan(options, settings.settings!, io);
    }
  }
}
