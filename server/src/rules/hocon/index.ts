import type { Rule } from '../types';
import { rule as syntax } from './syntax';
import { rule as emqxDialect } from './emqx-dialect';
import { rule as includeMissing } from './include-missing';
import { rule as includeCycle } from './include-cycle';
import { rule as unresolvedSubstitution } from './unresolved-substitution';
import { rule as substitutionBudget } from './substitution-budget';
import { rule as includeBudget } from './include-budget';

/** HOCON syntax and resolution rules (reported from the parser's and resolver's problems). */
export const HOCON_RULES: Rule[] = [syntax, emqxDialect, includeMissing, includeCycle, unresolvedSubstitution, substitutionBudget, includeBudget];
