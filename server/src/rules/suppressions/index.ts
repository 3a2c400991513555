import type { Rule } from '../types';
import { rule as missingReason } from './missing-reason';
import { rule as unused } from './unused';

/** Findings about suppression comments, reported by the engine once the other rules ran. */
export const SUPPRESSIONS_RULES: Rule[] = [missingReason, unused];
