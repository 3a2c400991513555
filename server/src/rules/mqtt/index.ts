import type { Rule } from '../types';
import { rule as cleartextListenerExposed } from './cleartext-listener-exposed';
import { rule as anonymousAccess } from './anonymous-access';
import { rule as authzAllowByDefault } from './authz-allow-by-default';
import { rule as authzDenyActionIgnore } from './authz-deny-action-ignore';
import { rule as weakPasswordHash } from './weak-password-hash';
import { rule as peerCertIdentityUnverified } from './peer-cert-identity-unverified';
import { rule as maxPacketSize } from './max-packet-size';
import { rule as maxTopicLevels } from './max-topic-levels';
import { rule as noConnectionLimit } from './no-connection-limit';
import { rule as noRateLimit } from './no-rate-limit';
import { rule as proxyProtocolUnrestricted } from './proxy-protocol-unrestricted';
import { rule as flappingDetectDisabled } from './flapping-detect-disabled';
import { rule as forceShutdownDisabled } from './force-shutdown-disabled';
import { rule as overloadProtectionDisabled } from './overload-protection-disabled';

/** The mqtt/* rules (one file per rule id, listed here). */
export const MQTT_RULES: Rule[] = [
  cleartextListenerExposed, anonymousAccess, authzAllowByDefault, authzDenyActionIgnore, weakPasswordHash,
  peerCertIdentityUnverified, maxPacketSize, maxTopicLevels, noConnectionLimit, noRateLimit,
  proxyProtocolUnrestricted, flappingDetectDisabled, forceShutdownDisabled, overloadProtectionDisabled,
];
