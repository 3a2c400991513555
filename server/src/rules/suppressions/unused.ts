import { engineRule } from '../engineRule';

/** Reported by engine/suppressions.ts for a suppression comment that suppresses no finding. */
export const rule = engineRule('suppressions/unused', 'hint', 'A suppression comment suppresses nothing', true);
