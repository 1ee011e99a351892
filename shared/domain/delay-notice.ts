/** 滞后反馈告知: a delay notice, the same for a complaint's answer and an application's decision (pure; its writes are in delay-notice-store.ts). */
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
