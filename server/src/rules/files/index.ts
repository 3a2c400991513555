import type { Rule } from '../types';
import { rule as secretPermissions } from './secret-permissions';

/** The files/* rules (one file per rule id, listed here). */
export const FILES_RULES: Rule[] = [secretPermissions];
