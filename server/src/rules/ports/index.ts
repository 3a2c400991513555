import type { Rule } from '../types';
import { rule as listenerProtocolMismatch } from './listener-protocol-mismatch';
import { rule as conflict } from './conflict';
import { rule as reserved } from './reserved';
import { rule as distPortMismatch } from './dist-port-mismatch';

/** The ports/* rules (one file per rule id, listed here). */
export const PORTS_RULES: Rule[] = [listenerProtocolMismatch, conflict, reserved, distPortMismatch];
