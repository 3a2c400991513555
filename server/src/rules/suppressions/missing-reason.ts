import { engineRule } from '../engineRule';

/** Reported by engine/suppressions.ts for a suppression comment without a reason after ` -- `. */
export const rule = engineRule('suppressions/missing-reason', 'hint', 'A suppression comment gives no reason');
