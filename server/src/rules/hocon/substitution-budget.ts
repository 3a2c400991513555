import { problemRule } from '../problemRule';

/** Reported from the resolver's problems: substitutions that expand past the budget, or chain too deep. */
export const rule = problemRule('hocon/substitution-budget', 'warning', 'Substitutions expand beyond what can be checked');
