import type { Rule } from '../types';
import { rule as syntax } from './syntax';
import { rule as limitNofileLow } from './limit-nofile-low';
import { rule as runsAsRoot } from './runs-as-root';
import { rule as noSandboxing } from './no-sandboxing';
import { rule as secretInEnvironment } from './secret-in-environment';

/** The systemd/* rules (one file per rule id, listed here). */
export const SYSTEMD_RULES: Rule[] = [limitNofileLow, runsAsRoot, noSandboxing, secretInEnvironment, syntax];
