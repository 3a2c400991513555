import type { Rule } from '../types';

/** The emqx/* rules (one file per rule id, listed here). */
export const EMQX_RULES: Rule[] = [];
