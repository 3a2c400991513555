import { problemRule } from '../problemRule';

/** A parser that failed is reported under this id; a rule that throws is reported by the engine under it too. */
export const rule = problemRule('internal/rule-error', 'error', "One of mqtt-harden's own checks failed");
