import type { Rule } from '../types';

/** The systemd/* rules (one file per rule id, listed here). */
export const SYSTEMD_RULES: Rule[] = [];
