import { problemRule } from '../problemRule';

/** Reported from the resolver's problems: includes read more often, or more text, than the budget allows. */
export const rule = problemRule('hocon/include-budget', 'warning', 'Includes read more than can be checked');
