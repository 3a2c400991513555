import type { Rule } from '../types';

/** The tls/* rules (one file per rule id, listed here). */
export const TLS_RULES: Rule[] = [];
