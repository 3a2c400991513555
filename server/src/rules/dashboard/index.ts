import type { Rule } from '../types';
import { rule as defaultPassword } from './default-password';
import { rule as exposedHttp } from './exposed-http';
import { rule as noHttps } from './no-https';

/** The dashboard/* rules (one file per rule id, listed here). */
export const DASHBOARD_RULES: Rule[] = [defaultPassword, exposedHttp, noHttps];
