import type { Rule } from '../types';

/** The log/* rules (one file per rule id, listed here). */
export const LOG_RULES: Rule[] = [];
