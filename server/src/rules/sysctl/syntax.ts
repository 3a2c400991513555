import { problemRule } from '../problemRule';

/** Reported from the problems the sysctl.conf and sysctl.d parser collects under this id. */
export const rule = problemRule('sysctl/syntax', 'error', 'A line of a sysctl.conf and sysctl.d file cannot be read');
