/**
 * Complaint rules (责任追究, work plan §三; 限时办结制, 滞后反馈告知制, AB岗, 首问负责制), pure:
 * categories and their routing, time limits, the delay-notice rule (the A/B/C roster: roster.ts).
 */
import { delayNoticeTiming } from '#shared/domain/delay-notice';
import type { Violation } from '#shared/domain/errors';

export const COMPLAINT_CATEGORIES = [
  'shirking',
  'inaction',
  'five-difficulties',
  'broken-pledge',
  'open-government',
  'abolished-approval',
  'delayed-approval',
  'fee-without-service',
  'tie-in-charge',
  'forced-intermediary',
  'abusive-enforcement',
  'seized-property',
  'petty-corruption',
  'arbitrary-fine',
  'quiet-day-violation',
  'unregistered-fee',
  'levy',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
/** Each category in the work plan's words, Chinese first: the console's labels and the alerts' texts. */
export const COMPLAINT_CATEGORY_WORDS: Record<ComplaintCategory, readonly [zh: string, en: string]> = {
  shirking: ['推诿扯皮、敷衍塞责', 'Shirking and buck-passing'],
  inaction: ['不作为、慢作为', 'Inaction or slowness'],
  'five-difficulties': ['“五难”(门难进、脸难看、话难听、人难找、事难办)', 'The “five difficulties”'],
  'broken-pledge': ['承诺不兑现', 'A broken pledge'],
  'open-government': ['违反政务公开规定', 'Open-government rules ignored'],
  'abolished-approval': ['执行已取消的或变相增设审批', 'An abolished approval still required'],
  'delayed-approval': ['符合条件的审批拖延不办', 'An approval delayed'],
  'fee-without-service': ['只收费不服务', 'A fee without service'],
  'tie-in-charge': ['强行推销、搭车收费', 'Tie-in charges'],
  'forced-intermediary': ['强制中介、指定中介机构', 'A forced intermediary'],
  'abusive-enforcement': ['执法简单粗暴、刁难训斥', 'Abusive enforcement'],
  'seized-property': ['擅自使用被扣押财物', 'Seized property used'],
  'petty-corruption': ['吃、拿、卡、要、报', 'Petty corruption'],
  'arbitrary-fine': ['乱罚款、以罚代管', 'Arbitrary fines'],
  'quiet-day-violation': ['宁静生产日违规检查', 'An inspection on a quiet production day'],
  'unregistered-fee': ['未登记收费', 'A fee not on the card'],
  levy: ['摊派、集资、拉赞助', 'Levies and forced donations'],
  other: ['其他', 'Other'],
};
export const COMPLAINT_STATUSES = ['received', 'acknowledged', 'resolved', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/**
 * Money and integrity matters go to the supervisors and the office, never to the department
 * complained about (it would judge its own officers): money taken or demanded (§三.2, §三.3:
 * fees without service, tie-in charges, levies, unregistered fees, arbitrary fines, 吃拿卡要报),
 * seized property used, intermediaries forced on clients, abusive enforcement, and inspections
 * on the quiet production days against the county's rule.
 */
const SUPERVISOR_CATEGORIES: readonly ComplaintCategory[] = [
  'petty-corruption',
  'tie-in-charge',
  'levy',
  'fee-without-service',
  'arbitrary-fine',
  'unregistered-fee',
  'seized-property',
  'forced-intermediary',
  'abusive-enforcement',
  'quiet-day-violation',
];

export type ComplaintRoute = 'supervisors' | 'department';
export const routeComplaint = (category: ComplaintCategory): ComplaintRoute =>
  SUPERVISOR_CATEGORIES.includes(category) ? 'supervisors' : 'department';

export interface ComplaintLimits {
  acknowledgeDays: number;
  resolveDays: number;
}

/** Working days to acknowledge and to resolve (or, for the supervisors' matters, to give a verdict). */
const DEFAULT_LIMITS: ComplaintLimits = { acknowledgeDays: 1, resolveDays: 5 };
const LIMITS_BY_CATEGORY: Partial<Record<ComplaintCategory, Partial<ComplaintLimits>>> = {
  // Being turned away at the door is answered fastest.
  'five-difficulties': { resolveDays: 3 },
  'quiet-day-violation': { resolveDays: 3 },
  // Investigations of money and integrity take longer.
  'petty-corruption': { resolveDays: 10 },
  levy: { resolveDays: 10 },
};
export const limitsFor = (category: ComplaintCategory): ComplaintLimits => ({ ...DEFAULT_LIMITS, ...LIMITS_BY_CATEGORY[category] });

/**
 * A delay notice (滞后反馈告知制) is given before the resolution limit passes, once, and moves the
 * limit by at most the original limit.
 */
export function delayNoticeRule(input: {
  now: Date;
  deadline: Date;
  latestAllowed: Date;
  expectedByEnd: Date;
  alreadyGiven: boolean;
}): Violation | undefined {
  return delayNoticeTiming({ ...input, newDeadline: input.expectedByEnd }, 'resolution limit', {
    by: input.latestAllowed,
    because: 'original-limit-again',
  });
}
