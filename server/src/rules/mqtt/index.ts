import type { Rule } from '../types';

/** The mqtt/* rules (one file per rule id, listed here). */
export const MQTT_RULES: Rule[] = [];
