import { problemRule } from '../problemRule';

/** Reported from the problems the systemd unit parser collects under this id. */
export const rule = problemRule('systemd/syntax', 'error', 'A line of a systemd unit file cannot be read');
