import type { Rule } from '../types';

/** The files/* rules (one file per rule id, listed here). */
export const FILES_RULES: Rule[] = [];
