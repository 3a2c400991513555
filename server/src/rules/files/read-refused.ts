import { problemRule } from '../problemRule';

/**
 * Reported from the problems the resolver (includes), the service extractor (EnvironmentFile= targets) and
 * the workspace (files that are links) collect under this id when the read policy (core/sandbox.ts) refuses a file.
 */
export const rule = problemRule('files/read-refused', 'warning', 'A file the deployment refers to is outside the workspace or is not a regular file, and is not read');
