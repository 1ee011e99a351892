/**
 * Investment service centre rules (投资服务中心, work plan §二.1.二, §二.3, §二.4), pure: the
 * catalogue's two-thirds cap, the time limits of an application (限时办结), the one-time notice
 * (一次性告知), the delay notice (滞后反馈告知), the on-time record of a decision and the rating
 * (好差评). Working days are the county's calendar (`IsWorkingDay`).
 */
import { delayNoticeTiming } from '#shared/domain/delay-notice';
import { addWorkingTime, timelineOf, workingDaysBetween, type IsWorkingDay, type Timeline, type Timing } from '#shared/time/calendar';
import type { Violation } from '#shared/domain/errors';

export const APPLICATION_DECISIONS = ['approved', 'refused'] as const;
export type ApplicationDecision = (typeof APPLICATION_DECISIONS)[number];
/** Each decision as the console and the alerts say it, Chinese first. */
export const APPLICATION_DECISION_WORDS: Record<ApplicationDecision, readonly [zh: string, en: string]> = {
  approved: ['准予许可', 'Approved'],
  refused: ['不予许可', 'Refused'],
};

export const APPLICATION_STATUSES = ['received', 'incomplete', 'accepted', 'decided'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export interface ItemLimits {
  statutoryDays: number;
  pledgedDays: number;
}

/**
 * The watch of an accepted application: warning at two thirds of the pledged limit, breach at the
 * pledged deadline, escalation at the statutory limit. The clock starts at acceptance (受理).
 */
export const applicationTimeline = (acceptedAt: Date, limits: ItemLimits, isWorkingDay: IsWorkingDay): Timeline =>
  timelineOf(applicationTiming(acceptedAt, limits), isWorkingDay);

/** What the watch is timed from (the calendar store times it on the county's stored calendar). */
export const applicationTiming = (acceptedAt: Date, limits: ItemLimits): Timing => ({
  start: acceptedAt.toISOString(),
  limitDays: limits.pledgedDays,
  escalationDays: limits.statutoryDays - limits.pledgedDays,
});

/** The statutory end, which a delay notice may not pass. */
export const statutoryDeadline = (acceptedAt: Date, limits: ItemLimits, isWorkingDay: IsWorkingDay): Date =>
  addWorkingTime(acceptedAt, limits.statutoryDays, isWorkingDay);

/** Everything missing is told in one notice, before acceptance; there is no second one (409). */
export function oneTimeNoticeRule(input: {
  status: ApplicationStatus;
  noticeGiven: boolean;
  missing: readonly string[];
}): Violation | undefined {
  if (input.noticeGiven) {
    return {
      state: true,
      rule: 'one-time-notice-given',
      title: 'The one-time notice was already given',
      detail: 'Everything missing must be told in one notice; the department may not ask again.',
    };
  }
  if (input.status !== 'received') {
    return {
      state: true,
      rule: 'not-awaiting-acceptance',
      title: 'The application is no longer awaiting acceptance',
      detail: `Its status is ${input.status}.`,
    };
  }
  if (input.missing.length === 0) {
    return {
      rule: 'nothing-missing',
      title: 'A notice names the missing materials',
      detail: 'List at least one missing material, or accept the application.',
    };
  }
  return undefined;
}

/** A delay notice: once, while the application is accepted, before its deadline, not past the statutory limit. */
export function applicationDelayRule(input: {
  status: ApplicationStatus;
  now: Date;
  deadline: Date;
  statutoryEnd: Date;
  expectedBy: Date;
  alreadyGiven: boolean;
}): Violation | undefined {
  if (input.status !== 'accepted' && !input.alreadyGiven)
    return { state: true, rule: 'not-accepted', title: 'The application is not being processed', detail: `Its status is ${input.status}.` };
  return delayNoticeTiming({ ...input, newDeadline: input.expectedBy }, 'pledged deadline', {
    by: input.statutoryEnd,
    because: 'statutory-limit',
  });
}

/** What a decision records: on time when at or before the deadline in force, and the working days it took. */
export const decisionRecord = (acceptedAt: Date, decidedAt: Date, deadline: Date, isWorkingDay: IsWorkingDay) => ({
  onTime: decidedAt.getTime() <= deadline.getTime(),
  workingDays: Math.round(workingDaysBetween(acceptedAt, decidedAt, isWorkingDay) * 100) / 100,
});

/** A rating (好差评): once, after the decision, 1 to 5. */
export function ratingRule(input: { status: ApplicationStatus; alreadyRated: boolean; score: number }): Violation | undefined {
  if (input.status !== 'decided')
    return { state: true, rule: 'not-decided', title: 'Only a decided application can be rated', detail: `Its status is ${input.status}.` };
  if (input.alreadyRated)
    return { state: true, rule: 'already-rated', title: 'The application was already rated', detail: 'An application is rated once.' };
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5)
    return { rule: 'score-out-of-range', title: 'A rating is 1 to 5', detail: `Got ${input.score}.` };
  return undefined;
}

/** A poor rating (差评, 1 or 2) alerts the soft-environment office. */
export const ratingAlertsOffice = (score: number): boolean => score <= 2;
