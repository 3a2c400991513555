import type { Rule } from '../types';
import { rule as legacyVersion } from './legacy-version';
import { rule as versionGap } from './version-gap';
import { rule as weakCipher } from './weak-cipher';
import { rule as peerCertNotRequired } from './peer-cert-not-required';
import { rule as failIfNoPeerCertWithoutVerify } from './fail-if-no-peer-cert-without-verify';
import { rule as crlWithoutVerify } from './crl-without-verify';
import { rule as crlDisabled } from './crl-disabled';
import { rule as ocspIncomplete } from './ocsp-incomplete';
import { rule as ocspDisabled } from './ocsp-disabled';
import { rule as defaultCertificate } from './default-certificate';
import { rule as insecureRenegotiation } from './insecure-renegotiation';
import { rule as clientVerifyNone } from './client-verify-none';

/** The tls/* rules (one file per rule id, listed here). */
export const TLS_RULES: Rule[] = [
  legacyVersion, versionGap, weakCipher, peerCertNotRequired, failIfNoPeerCertWithoutVerify, crlWithoutVerify,
  crlDisabled, ocspIncomplete, ocspDisabled, defaultCertificate, insecureRenegotiation, clientVerifyNone,
];
