import { problemRule } from '../problemRule';

/** Reported from the problems the HOCON parser and resolver collect under this id. */
export const rule = problemRule('hocon/emqx-dialect', 'error', "Valid HOCON that EMQX's parser rejects", true);
