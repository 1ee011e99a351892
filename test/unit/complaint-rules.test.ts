import { describe, expect, it } from 'vitest';
import { delayNoticeRule, limitsFor, routeComplaint } from '#functions/complaints/rules';
import { notTheDepartmentsLimit } from '#shared/outbox/matters';

describe('routing a complaint', () => {
  it('sends money and integrity matters to the supervisors, the rest to the department', () => {
    for (const category of [
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
    ] as const) {
      expect(routeComplaint(category)).toBe('supervisors');
    }
    for (const category of ['shirking', 'inaction', 'five-difficulties', 'delayed-approval', 'abolished-approval', 'other'] as const) {
      expect(routeComplaint(category)).toBe('department');
    }
  });

  it('gives each category its limits, 1 and 5 working days by default', () => {
    expect(limitsFor('inaction')).toEqual({ acknowledgeDays: 1, resolveDays: 5 });
    expect(limitsFor('five-difficulties')).toEqual({ acknowledgeDays: 1, resolveDays: 3 });
  });
});

describe('the delay notice', () => {
  const deadline = new Date('2026-12-07T09:00:00Z');
  const latestAllowed = new Date('2026-12-14T09:00:00Z');
  const base = {
    now: new Date('2026-12-04T09:00:00Z'),
    deadline,
    latestAllowed,
    expectedByEnd: new Date('2026-12-10T16:00:00Z'),
    alreadyGiven: false,
  };

  it('is accepted before the limit, once, for a later date within the original limit again', () => {
    expect(delayNoticeRule(base)).toBeUndefined();
    expect(delayNoticeRule({ ...base, expectedByEnd: latestAllowed })).toBeUndefined();
  });

  it('is refused after the limit, a second time, too far out, or not later at all', () => {
    expect(delayNoticeRule({ ...base, now: deadline })?.rule).toBe('limit-passed');
    expect(delayNoticeRule({ ...base, alreadyGiven: true })?.rule).toBe('delay-notice-given');
    expect(delayNoticeRule({ ...base, expectedByEnd: new Date(latestAllowed.getTime() + 1) })?.rule).toBe('delay-too-long');
    expect(delayNoticeRule({ ...base, expectedByEnd: deadline })?.rule).toBe('delay-not-later');
  });
});

describe('whose limit a matter is', () => {
  it("leaves the office's approvals and the supervisors' verdicts out of a department's figures", () => {
    const matter = (concern: any, kind: string) => ({ concern, kind, id: 'x', version: 1, department: 'tax' });
    expect(notTheDepartmentsLimit(matter('inspections', 'approval'))).toBe(true);
    expect(notTheDepartmentsLimit(matter('complaints', 'verdict'))).toBe(true);
    expect(notTheDepartmentsLimit(matter('complaints', 'acknowledgement'))).toBe(false);
    expect(notTheDepartmentsLimit(matter('complaints', 'resolution'))).toBe(false);
    expect(notTheDepartmentsLimit(matter('pledges', 'due-date'))).toBe(false);
  });
});
