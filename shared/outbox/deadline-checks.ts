/** What a concern answers when the deadline workflow asks about one of its matters. */
import type { AlertInput } from '../alerts/alerts.ts';
import type { Matter, Stage } from './matters.ts';
import { nextPost, type Assignment, type Handler, type Post } from '../domain/roster.ts';

/** The alert a check asks for: the workflow adds the stage's severity, the concern and the department. */
export type CheckAlert = Omit<AlertInput, 'severity' | 'concern' | 'department'>;

export type CheckResult = { open: false } | { open: true; alert: CheckAlert };

export type MatterCheck = (matter: Matter, stage: Stage, now: Date) => Promise<CheckResult>;

/**
 * What a concern does when a calendar changed under a running watch: time the matter again and,
 * if its instants moved, restart its watch under a new version. True when it was re-timed.
 */
export type MatterRetime = (matter: Matter, now: Date) => Promise<boolean>;

/** The answer for a matter no longer open at its stage (done, or changed meanwhile): nothing to alert. */
export const closed: CheckResult = { open: false };

/** The answer for a matter still open at its stage: the alert its concern sends. */
export const stillOpen = (alert: CheckAlert): CheckResult => ({ open: true, alert });

/**
 * A breach at a post that is not the department head's (AB岗): the matter moves to the next
 * available post after the one holding it today. `move` writes that, and is false when the matter
 * was handled or changed meanwhile (then nothing moved and nothing is alerted); `alert` tells of the move.
 */
export async function passToNextPost(
  today: { roster: readonly Handler[]; on: string; holder: Post },
  move: (next: Assignment) => Promise<boolean>,
  alert: (next: Assignment) => CheckAlert,
): Promise<CheckResult> {
  const next = nextPost(today.roster, { after: today.holder.handlerId, on: today.on });
  return (await move(next)) ? stillOpen(alert(next)) : closed;
}
