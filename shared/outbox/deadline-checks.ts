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
