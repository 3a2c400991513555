import type { Rule } from '../types';
import { rule as syntax } from './syntax';
import { rule as fileMaxLow } from './file-max-low';
import { rule as nrOpenLow } from './nr-open-low';
import { rule as syncookiesDisabled } from './syncookies-disabled';
import { rule as conntrackMaxLow } from './conntrack-max-low';
import { rule as conntrackEstablishedTimeout } from './conntrack-established-timeout';
import { rule as synBacklogLow } from './syn-backlog-low';
import { rule as twRecycle } from './tw-recycle';

/** The sysctl/* rules (one file per rule id, listed here). */
export const SYSCTL_RULES: Rule[] = [fileMaxLow, nrOpenLow, syncookiesDisabled, conntrackMaxLow, conntrackEstablishedTimeout, synBacklogLow, twRecycle, syntax];
