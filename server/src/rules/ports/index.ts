import type { Rule } from '../types';

/** The ports/* rules (one file per rule id, listed here). */
export const PORTS_RULES: Rule[] = [];
