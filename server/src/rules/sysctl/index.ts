import type { Rule } from '../types';

/** The sysctl/* rules (one file per rule id, listed here). */
export const SYSCTL_RULES: Rule[] = [];
