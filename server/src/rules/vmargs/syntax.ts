import { problemRule } from '../problemRule';

/** Reported from the problems the Erlang vm.args parser collects under this id. */
export const rule = problemRule('vmargs/syntax', 'error', 'A line of a Erlang vm.args file cannot be read');
