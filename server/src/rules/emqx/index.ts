import type { Rule } from '../types';
import { rule as unknownKey } from './unknown-key';
import { rule as invalidValue } from './invalid-value';
import { rule as deprecatedKey } from './deprecated-key';
import { rule as unrenderedTemplate } from './unrendered-template';

/** The emqx/* rules (one file per rule id, listed here). */
export const EMQX_RULES: Rule[] = [unknownKey, invalidValue, deprecatedKey, unrenderedTemplate];
