import type { Rule } from '../types';
import { rule as secretPermissions } from './secret-permissions';
import { rule as readRefused } from './read-refused';

/** The files/* rules (one file per rule id, listed here). */
export const FILES_RULES: Rule[] = [secretPermissions, readRefused];
