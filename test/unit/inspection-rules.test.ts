import { describe, expect, it } from 'vitest';
import { localDate } from '#shared/time/clock';
import {
  approvalTimelineWithin,
  firstMinorViolationRule,
  isQuietProductionDay,
  oneYearBefore,
  quietDayRule,
  visitVerdict,
} from '../../functions/inspections/rules.ts';

describe('the quiet-day rule', () => {
  it('turns at midnight China time, not UTC: the 25th at 23:59 is quiet, the 26th at 00:00 is not', () => {
    const lateOn25th = localDate(new Date('2026-11-25T15:59:00Z')); // 23:59 CST, still the 25th in UTC too
    const midnight26th = localDate(new Date('2026-11-25T16:00:00Z')); // 00:00 CST on the 26th, the 25th in UTC
    expect([lateOn25th, midnight26th]).toEqual(['2026-11-25', '2026-11-26']);
    expect(isQuietProductionDay(lateOn25th)).toBe(true);
    expect(isQuietProductionDay(midnight26th)).toBe(false);
    const lateOn26th = localDate(new Date('2026-11-26T15:59:00Z'));
    expect(isQuietProductionDay(lateOn26th)).toBe(false);
    const midnightOn1st = localDate(new Date('2026-11-30T16:00:00Z')); // 00:00 CST on 1 December
    expect(midnightOn1st).toBe('2026-12-01');
    expect(isQuietProductionDay(midnightOn1st)).toBe(true);
  });

  it('holds in February and in 31-day months', () => {
    expect(isQuietProductionDay('2026-02-25')).toBe(true);
    expect(isQuietProductionDay('2026-02-26')).toBe(false);
    expect(isQuietProductionDay('2028-02-29')).toBe(false);
    expect(isQuietProductionDay('2026-01-31')).toBe(false);
    expect(isQuietProductionDay('2026-01-01')).toBe(true);
  });

  it('refuses routine and follow-up inspections on quiet days, files major cases and safety', () => {
    expect(quietDayRule('2026-12-10', 'routine')).toMatchObject({ violation: { rule: 'quiet-production-day' } });
    expect(quietDayRule('2026-12-25', 'complaint-follow-up')).toMatchObject({ violation: { rule: 'quiet-production-day' } });
    expect(quietDayRule('2026-12-25', 'major-case')).toEqual({ status: 'filed' });
    expect(quietDayRule('2026-12-01', 'safety')).toEqual({ status: 'filed' });
  });

  it('sends every inspection after the 25th for approval, exceptions included', () => {
    for (const category of ['routine', 'major-case', 'safety', 'complaint-follow-up'] as const) {
      expect(quietDayRule('2026-12-26', category)).toEqual({ status: 'pending-approval' });
    }
  });
});

describe('inspectors at the door', () => {
  it('are let in on the planned day of an approved or filed inspection only', () => {
    expect(visitVerdict({ status: 'approved', plannedDate: '2026-12-28' }, '2026-12-28').allowed).toBe(true);
    expect(visitVerdict({ status: 'filed', plannedDate: '2026-12-03' }, '2026-12-03').allowed).toBe(true);
    expect(visitVerdict({ status: 'approved', plannedDate: '2026-12-28' }, '2026-12-27')).toEqual({
      allowed: false,
      reason: 'This inspection is planned for 2026-12-28, not today (2026-12-27).',
      reasonZh: '该检查计划于2026-12-28进行，不是今天（2026-12-27）。',
    });
    expect(visitVerdict({ status: 'pending-approval', plannedDate: '2026-12-28' }, '2026-12-28').allowed).toBe(false);
    expect(visitVerdict({ status: 'rejected', plannedDate: '2026-12-28' }, '2026-12-28').allowed).toBe(false);
    expect(visitVerdict({ status: 'completed', plannedDate: '2026-12-28' }, '2026-12-28').allowed).toBe(false);
  });
});

describe('first minor violation, no fine', () => {
  const minorFined = { description: 'Label missing', severity: 'minor' as const, fine: 50000 };
  it('refuses a fine on a first minor violation', () => {
    expect(firstMinorViolationRule([minorFined], false)).toMatchObject({
      rule: 'first-minor-violation-no-fine',
      detail: expect.stringContaining('Finding 1'),
    });
  });
  it('allows it after a minor finding in the past year, and always allows minor findings without a fine and serious ones with one', () => {
    expect(firstMinorViolationRule([minorFined], true)).toBeUndefined();
    expect(firstMinorViolationRule([{ ...minorFined, fine: 0 }], false)).toBeUndefined();
    expect(firstMinorViolationRule([{ ...minorFined, severity: 'serious' }], false)).toBeUndefined();
  });
  it('looks back a year, 29 February included', () => {
    expect(oneYearBefore('2026-11-26')).toBe('2025-11-26');
    expect(oneYearBefore('2028-02-29')).toBe('2027-02-28');
  });
});

describe('an approval is due by the end of the planned day', () => {
  // The case: filed 28 December at 15:00 for the same day; one working day would be 29 December 15:00.
  const filedAt = new Date('2030-12-28T15:00:00+08:00');
  const plannedDayEnd = new Date('2030-12-29T00:00:00+08:00');
  const limit = { warnAt: '2030-12-29T00:20:00.000Z', deadline: '2030-12-29T07:00:00.000Z', escalateAt: '2030-12-30T07:00:00.000Z' };

  it('cuts the deadline to the end of the planned day, warns at two thirds of what is left, and escalates (lapses) then', () => {
    expect(approvalTimelineWithin(limit, filedAt, plannedDayEnd)).toEqual({
      warnAt: '2030-12-28T13:00:00.000Z',
      deadline: '2030-12-28T16:00:00.000Z',
      escalateAt: '2030-12-28T16:00:00.000Z',
    });
  });

  it('keeps a limit that ends before the planned day, escalating when the day ends', () => {
    const early = { warnAt: '2030-12-20T05:00:00.000Z', deadline: '2030-12-20T07:00:00.000Z', escalateAt: '2030-12-21T07:00:00.000Z' };
    expect(approvalTimelineWithin(early, new Date('2030-12-19T15:00:00+08:00'), plannedDayEnd)).toEqual({
      ...early,
      escalateAt: '2030-12-28T16:00:00.000Z',
    });
  });
});
