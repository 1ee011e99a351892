/** What a concern answers when the deadline workflow asks about one of its matters. */
import type { AlertInput } from '../alerts/alerts.ts';
import type { Matter, Stage } from './matters.ts';

export type CheckResult = { open: false } | { open: true; alert: Omit<AlertInput, 'severity' | 'concern' | 'department'> };

export type MatterCheck = (matter: Matter, stage: Stage, now: Date) => Promise<CheckResult>;

/**
 * What a concern does when a calendar changed under a running watch: time the matter again and,
 * if its instants moved, restart its watch under a new version. True when it was re-timed.
 */
export type MatterRetime = (matter: Matter, now: Date) => Promise<boolean>;

/** The answer for a matter no longer open at its stage (done, or changed meanwhile): nothing to alert. */
export const closed: CheckResult = { open: false };

/** The answer for a matter still open at its stage: the alert its concern sends. */
export const stillOpen = (alert: Extract<CheckResult, { open: true }>['alert']): CheckResult => ({ open: true, alert });
