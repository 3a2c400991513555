import type { Rule } from '../types';

/** The secrets/* rules (one file per rule id, listed here). */
export const SECRETS_RULES: Rule[] = [];
