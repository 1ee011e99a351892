/**
 * The inspection rules (企业宁静生产日, 涉企检查备案, 首次轻微违规不罚: work plan §二.2.二–三),
 * pure: dates are China Standard Time local dates, passed in.
 */
import type { Violation } from '#shared/domain/errors';
import { twoThirdsOf } from '#shared/time/calendar';

export const INSPECTION_CATEGORIES = ['routine', 'major-case', 'safety', 'complaint-follow-up'] as const;
export type InspectionCategory = (typeof INSPECTION_CATEGORIES)[number];
/** Each category as the console and the alerts name it, Chinese first. */
export const INSPECTION_CATEGORY_WORDS: Record<InspectionCategory, readonly [zh: string, en: string]> = {
  routine: ['日常检查', 'Routine'],
  'major-case': ['重大案件查处', 'Major case'],
  safety: ['安全生产检查', 'Safety'],
  'complaint-follow-up': ['投诉核查', 'Complaint follow-up'],
};
/** `lapsed`: the office's approval was not given by the end of the planned day, so the inspection cannot take place. */
export const INSPECTION_STATUSES = ['filed', 'pending-approval', 'approved', 'rejected', 'lapsed', 'completed'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
/** Each status as the console and the alerts say it, Chinese first. */
export const INSPECTION_STATUS_WORDS: Record<InspectionStatus, readonly [zh: string, en: string]> = {
  filed: ['已报备', 'Filed'],
  'pending-approval': ['待审批', 'Awaiting approval'],
  approved: ['已批准', 'Approved'],
  rejected: ['未批准', 'Rejected'],
  lapsed: ['审批逾期失效', 'Lapsed'],
  completed: ['已完成', 'Completed'],
};

/** Days 1 to 25 of every month are quiet production days. */
export const LAST_QUIET_DAY = 25;
export const isQuietProductionDay = (date: string): boolean => Number(date.slice(8, 10)) <= LAST_QUIET_DAY;

/** Major cases and safety may go ahead on quiet days (filed and reported); others may not. */
const QUIET_DAY_EXCEPTIONS: readonly InspectionCategory[] = ['major-case', 'safety'];

export type QuietDayOutcome = { status: 'filed' | 'pending-approval' } | { violation: Violation };

/**
 * The quiet-day rule on the planned local date: on days 1–25 a routine or complaint follow-up
 * inspection is refused, a major case or safety inspection is filed; after the 25th every
 * inspection waits for the soft-environment office's approval.
 */
export function quietDayRule(plannedDate: string, category: InspectionCategory): QuietDayOutcome {
  if (!isQuietProductionDay(plannedDate)) return { status: 'pending-approval' };
  if (QUIET_DAY_EXCEPTIONS.includes(category)) return { status: 'filed' };
  return {
    violation: {
      rule: 'quiet-production-day',
      title: 'Days 1 to 25 are quiet production days',
      detail: `${plannedDate} is a quiet production day: no ${category} inspection of an enterprise may take place on days 1 to 25 of a month. Only major cases and safety inspections may; otherwise plan it after the 25th, with the soft-environment office's approval.`,
    },
  };
}

export function routineCapViolation(cap: number, year: string): Violation {
  return {
    rule: 'routine-inspection-cap',
    title: 'Routine inspection limit reached',
    detail: `Your department has already planned ${cap} routine inspection${cap === 1 ? '' : 's'} of this enterprise in ${year}, the most allowed in a year. Major cases, safety inspections and complaint follow-ups are not counted.`,
  };
}

/** Whether inspectors at the door on `today` may go in, and why (the API's `reason`; `reasonZh` for the alert). */
export function visitVerdict(
  inspection: { status: InspectionStatus; plannedDate: string },
  today: string,
): { allowed: boolean; reason: string; reasonZh: string } {
  const no = (reason: string, reasonZh: string) => ({ allowed: false, reason, reasonZh });
  if (inspection.status === 'pending-approval')
    return no('This inspection has not been approved by the soft-environment office.', '该检查尚未经软环境办批准。');
  if (inspection.status === 'rejected') return no('The soft-environment office rejected this inspection.', '软环境办未批准该检查。');
  if (inspection.status === 'lapsed')
    return no(
      "The soft-environment office's approval was not given by the planned day; this inspection lapsed.",
      '软环境办未在计划日前批准，该检查已失效。',
    );
  if (inspection.status === 'completed') return no('This inspection has already been completed.', '该检查已经完成。');
  if (inspection.plannedDate !== today)
    return no(
      `This inspection is planned for ${inspection.plannedDate}, not today (${today}).`,
      `该检查计划于${inspection.plannedDate}进行，不是今天（${today}）。`,
    );
  return inspection.status === 'approved'
    ? { allowed: true, reason: 'Approved by the soft-environment office for today.', reasonZh: '软环境办已批准今天检查。' }
    : {
        allowed: true,
        reason: 'Filed as a major case or safety inspection for today.',
        reasonZh: '已报备为今天的重大案件查处或安全生产检查。',
      };
}

/**
 * An approval is due no later than the end of the planned day (China time): after it the
 * inspection cannot take place, so its watch escalates, and the approval lapses, then.
 */
export function approvalTimelineWithin<T extends { warnAt: string; deadline: string; escalateAt: string }>(
  timeline: T,
  filedAt: Date,
  plannedDayEnd: Date,
): T {
  const end = plannedDayEnd.getTime();
  const escalateAt = new Date(end).toISOString();
  if (Date.parse(timeline.deadline) <= end) return { ...timeline, escalateAt };
  // Cut short: warned at two thirds of the time that is left.
  const warnAt = Math.min(Date.parse(timeline.warnAt), filedAt.getTime() + twoThirdsOf(end - filedAt.getTime()));
  return { ...timeline, warnAt: new Date(warnAt).toISOString(), deadline: escalateAt, escalateAt };
}

export interface Finding {
  description: string;
  severity: 'minor' | 'serious';
  fine: number;
}

/**
 * First minor violation, no fine (首次轻微违规不罚): a fine on a minor finding is refused unless
 * the enterprise had a minor finding from the same department in the previous 12 months.
 */
export function firstMinorViolationRule(findings: readonly Finding[], hadMinorFindingInPastYear: boolean): Violation | undefined {
  const fined = findings.findIndex((finding) => finding.severity === 'minor' && finding.fine > 0);
  if (fined < 0 || hadMinorFindingInPastYear) return undefined;
  return {
    rule: 'first-minor-violation-no-fine',
    title: 'No fine for a first minor violation',
    detail: `Finding ${fined + 1} is minor and the enterprise had no minor finding from your department in the past 12 months: educate and guide correction instead of fining.`,
  };
}

/** The local date a year before `date` (29 February falls back to the 28th). */
export function oneYearBefore(date: string): string {
  const year = Number(date.slice(0, 4)) - 1;
  const candidate = `${year}${date.slice(4)}`;
  return new Date(`${candidate}T00:00:00Z`).toISOString().startsWith(candidate) ? candidate : `${year}-02-28`;
}
