/** The registry: every rule of the catalogue, by id. */
import type { Rule } from './types';
import { rule as erlangWeakCookie } from './erlang/weak-cookie';
import { rule as hoconSyntax } from './hocon/syntax';
import { rule as hoconEmqxDialect } from './hocon/emqx-dialect';
import { rule as hoconIncludeMissing } from './hocon/include-missing';
import { rule as hoconIncludeCycle } from './hocon/include-cycle';
import { rule as hoconUnresolvedSubstitution } from './hocon/unresolved-substitution';

export const RULES: readonly Rule[] = [
  erlangWeakCookie,
  hoconSyntax,
  hoconEmqxDialect,
  hoconIncludeMissing,
  hoconIncludeCycle,
  hoconUnresolvedSubstitution,
];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
