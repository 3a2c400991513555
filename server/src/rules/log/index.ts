import type { Rule } from '../types';
import { rule as auditDisabled } from './audit-disabled';

/** The log/* rules (one file per rule id, listed here). */
export const LOG_RULES: Rule[] = [auditDisabled];
