/** 滞后反馈告知: a delay notice, the same for a complaint's answer and an application's decision (pure; its writes are in shared/outbox/delay-notice-store.ts). */
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
 * How late the new date may be: never past the statutory limit (an application's decision), or
 * moving the limit by at most the original limit (a complaint's answer).
 */
export interface LatestDate {
  by: Date;
  because: 'statutory-limit' | 'original-limit-again';
}

const TOO_LATE: Record<LatestDate['because'], (by: string) => Violation> = {
  'statutory-limit': (by) => ({
    rule: 'past-statutory-limit',
    title: 'The new date is past the statutory limit',
    detail: `Decide by ${by} at the latest.`,
  }),
  'original-limit-again': (by) => ({
    rule: 'delay-too-long',
    title: 'The delay is longer than allowed',
    detail: `The new date may move the limit by at most the original limit: answer by ${by} at the latest.`,
  }),
};

/**
 * What every delay notice keeps to: it is given once, before the limit passes, and names a date
 * after that limit but not after the latest date. `limit` names the limit in the details (e.g. "pledged deadline").
 */
export function delayNoticeTiming(
  input: { alreadyGiven: boolean; now: Date; deadline: Date; newDeadline: Date },
  limit: string,
  latest: LatestDate,
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
  if (input.newDeadline.getTime() > latest.by.getTime()) return TOO_LATE[latest.because](latest.by.toISOString());
  return undefined;
}
