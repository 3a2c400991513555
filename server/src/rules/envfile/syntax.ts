import { problemRule } from '../problemRule';

/** Reported from the problems the EnvironmentFile parser collects under this id. */
export const rule = problemRule('envfile/syntax', 'error', 'A line of a EnvironmentFile file cannot be read');
