import type { Rule } from '../types';
import { rule as weakCookie } from './weak-cookie';

/** Erlang distribution and cluster rules. */
export const ERLANG_RULES: Rule[] = [weakCookie];
