import type { Rule } from '../types';

/** The cross/* rules (one file per rule id, listed here). */
export const CROSS_RULES: Rule[] = [];
