/** 滞后反馈告知: a delay notice, the same for a complaint's answer and an application's decision. */
import type { TransactItem } from '../data/db.ts';
import { restartDeadlineEffects } from '../outbox/effects.ts';
import type { Matter } from '../outbox/matters.ts';
import type { Timeline } from '../time/calendar.ts';
import type { Deps } from './deps.ts';
import { countIn } from './evaluation.ts';
import type { Violation } from './errors.ts';

/** What the department gives: why it will be late, and the date it expects to be done by. */
export interface DelayNoticeInput {
  reason: string;
  /** A China date (YYYY-MM-DD). */
  expectedBy: string;
}

/** The notice as kept on the matter: when it was given too. */
export type DelayNotice = DelayNoticeInput & { at: string };

/**
 * What a delay notice writes beside the matter: it counts in the department's quarter, and the
 * matter's watch restarts on the new timeline (`from` stopped, `to` started).
 */
export const delayNoticeWrites = (dept: string, from: Matter, to: Matter, timeline: Timeline, { now, newId }: Deps): TransactItem[] => [
  countIn(dept, now, { delayNotices: 1 }),
  ...restartDeadlineEffects(from, to, timeline, 'delay notice given', newId, now),
];

/**
 * What every delay notice keeps to: it is given once, before the limit passes, and names a date
 * after that limit. `limit` names the limit in the details (e.g. "pledged deadline").
 */
export function delayNoticeTiming(
  input: { alreadyGiven: boolean; now: Date; deadline: Date; newDeadline: Date },
  limit: string,
): Violation | undefined {
  if (input.alreadyGiven)
    return { rule: 'delay-notice-given', title: 'A delay notice was already given', detail: `The ${limit} can be moved only once.` };
  if (input.now.getTime() >= input.deadline.getTime())
    return { rule: 'limit-passed', title: 'The limit has already passed', detail: `A delay notice must come before the ${limit} passes.` };
  if (input.newDeadline.getTime() <= input.deadline.getTime())
    return {
      rule: 'delay-not-later',
      title: 'The new date is not later than the limit',
      detail: `A delay notice names a date after the ${limit}.`,
    };
  return undefined;
}
