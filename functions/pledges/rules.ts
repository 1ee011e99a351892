/**
 * Pledge rules (公开承诺, 回头看: work plan §二.3.四, §二.4.二), pure.
 */
import type { Violation } from '#shared/domain/errors';

/** `excused`: made impossible by force majeure (不可抗力, §三.1.(5)); only the office judges it, with its reason. */
export const PLEDGE_VERDICTS = ['in-progress', 'kept', 'broken', 'excused'] as const;
export type PledgeVerdict = (typeof PLEDGE_VERDICTS)[number];
export const PLEDGE_STATUSES = ['open', 'in-progress', 'kept', 'broken', 'excused'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];
/** Each status as the console and the alerts say it, Chinese first. */
export const PLEDGE_STATUS_WORDS: Record<PledgeStatus, readonly [zh: string, en: string]> = {
  open: ['进行中', 'Open'],
  'in-progress': ['审核中', 'Under review'],
  kept: ['已兑现', 'Kept'],
  broken: ['未兑现', 'Broken'],
  excused: ['不可抗力免责', 'Excused (force majeure)'],
};

/** The share of cases handled within the pledged limit that makes a measured pledge "kept". */
export const KEPT_SHARE = 0.9;

export interface Measured {
  cases: number;
  withinLimit: number;
  share: number | null;
  proposal: 'kept' | 'broken' | null;
}

/** Judges a measured pledge from the real cases: the share within the limit, and a proposed verdict. */
export function measure(workingDaysPerCase: readonly number[], pledgedLimitDays: number): Measured {
  const withinLimit = workingDaysPerCase.filter((days) => days <= pledgedLimitDays + 1e-9).length;
  const cases = workingDaysPerCase.length;
  const share = cases ? withinLimit / cases : null;
  return { cases, withinLimit, share, proposal: share === null ? null : share >= KEPT_SHARE ? 'kept' : 'broken' };
}

/** Force majeure excuses a pledge only by the office's judgment: a department cannot excuse itself. */
export function excuseRule(verdict: PledgeVerdict, byOffice: boolean): Violation | undefined {
  if (verdict !== 'excused' || byOffice) return undefined;
  return {
    rule: 'excused-by-office-only',
    title: 'Only the office excuses a pledge',
    detail:
      'A pledge made impossible by force majeure (不可抗力) is excused by the soft-environment office, with its reason; report it as in progress with the evidence.',
  };
}

/** The status after a review: the office's kept, broken or excused is final; a department's is not. */
export function afterReview(verdict: PledgeVerdict, byOffice: boolean): { status: PledgeStatus; final: boolean } {
  return { status: verdict, final: byOffice && verdict !== 'in-progress' };
}

/**
 * How a review changes the broken-pledge counts: a pledge newly broken counts once, in the
 * quarter it is judged broken (recorded on the pledge); a broken pledge judged otherwise later
 * takes that count back from the quarter it was counted in, so no quarter goes below zero.
 */
export function brokenCount(
  pledge: { status: PledgeStatus; brokenCountedIn?: string | null },
  status: PledgeStatus,
  quarter: string,
): { writes: { quarter: string; delta: number }[]; set?: { quarter: string | null } } {
  if (status === 'broken' && pledge.status !== 'broken') return { writes: [{ quarter, delta: 1 }], set: { quarter } };
  if (status !== 'broken' && pledge.status === 'broken') {
    // A pledge broken before the quarter was recorded cannot be traced to its count: the count stands.
    return { writes: pledge.brokenCountedIn ? [{ quarter: pledge.brokenCountedIn, delta: -1 }] : [], set: { quarter: null } };
  }
  return { writes: [] };
}
