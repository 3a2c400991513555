/**
 * Every EMQX 5.x/6.x HOCON key the product knows, as one table. The sections live in ./emqx/*.ts;
 * facts come from EMQX's schema modules (emqx_schema, emqx_conf_schema, emqx_dashboard_schema,
 * emqx_authz_schema, emqx_limiter_schema) and /work/shared/design/facts.md.
 */
import type { KeyInfo } from './types';
import { ACCESS_KEYS } from './emqx/access';
import { DASHBOARD_KEYS } from './emqx/dashboard';
import { LISTENER_KEYS } from './emqx/listeners';
import { LOG_KEYS } from './emqx/log';
import { MQTT_KEYS } from './emqx/mqtt';
import { NODE_KEYS } from './emqx/node';
import { PROTECTION_KEYS } from './emqx/protection';
import { OTHER_ROOT_KEYS } from './emqx/roots';

export const EMQX_KEYS: readonly KeyInfo[] = [
  ...NODE_KEYS,
  ...LISTENER_KEYS,
  ...MQTT_KEYS,
  ...ACCESS_KEYS,
  ...DASHBOARD_KEYS,
  ...PROTECTION_KEYS,
  ...LOG_KEYS,
  ...OTHER_ROOT_KEYS,
];
