import { problemRule } from '../problemRule';

/** Reported from the problems the EMQX 4.x flat emqx.conf parser collects under this id. */
export const rule = problemRule('emqx4/syntax', 'error', 'A line of a EMQX 4.x flat emqx.conf file cannot be read');
