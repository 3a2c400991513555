import { problemRule } from '../problemRule';

/** Reported from the problems the limits.conf parser collects under this id. */
export const rule = problemRule('limits/syntax', 'error', 'A line of a limits.conf file cannot be read');
