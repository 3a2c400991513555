import type { Rule } from '../types';
import { rule as plaintext } from './plaintext';

/** The secrets/* rules (one file per rule id, listed here). */
export const SECRETS_RULES: Rule[] = [plaintext];
