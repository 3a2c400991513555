import type { Rule } from '../types';

/** The dashboard/* rules (one file per rule id, listed here). */
export const DASHBOARD_RULES: Rule[] = [];
