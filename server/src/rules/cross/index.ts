import type { Rule } from '../types';
import { rule as nofileExceedsNrOpen } from './nofile-exceeds-nr-open';
import { rule as connectionsExceedNofile } from './connections-exceed-nofile';

/** The cross/* rules (one file per rule id, listed here). */
export const CROSS_RULES: Rule[] = [nofileExceedsNrOpen, connectionsExceedNofile];
