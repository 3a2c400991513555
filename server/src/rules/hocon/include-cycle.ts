import { problemRule } from '../problemRule';

/** Reported from the problems the HOCON parser and resolver collect under this id. */
export const rule = problemRule('hocon/include-cycle', 'error', "Includes form a cycle");
