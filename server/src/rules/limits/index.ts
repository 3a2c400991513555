import type { Rule } from '../types';
import { rule as syntax } from './syntax';
import { rule as nofileLow } from './nofile-low';

/** The limits/* rules (one file per rule id, listed here). */
export const LIMITS_RULES: Rule[] = [nofileLow, syntax];
