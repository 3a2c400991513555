import type { Rule } from '../types';

/** The limits/* rules (one file per rule id, listed here). */
export const LIMITS_RULES: Rule[] = [];
