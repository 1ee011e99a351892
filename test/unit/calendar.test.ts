import { describe, expect, it } from 'vitest';
import { addWorkingTime, fallbackCalendar, officialCalendar, timelineFor, workingDays, yearsSpanned } from '#shared/calendar';

const cst = (local: string) => new Date(`${local}+08:00`);
const official2026 = officialCalendar(2026)!;

describe('the official calendars', () => {
  it('carry 2026 with its 调休 working days and holidays', () => {
    expect(official2026.source).toBe('official');
    expect(official2026.workdays).toEqual(expect.arrayContaining(['2026-01-04', '2026-02-14', '2026-10-10']));
    expect(official2026.holidays).toEqual(expect.arrayContaining(['2026-10-01', '2026-10-07', '2026-02-17']));
  });

  it('know no year that is not published yet', () => {
    expect(officialCalendar(2031)).toBeUndefined();
  });
});

describe('working-day arithmetic in China Standard Time', () => {
  const isWorkingDay = workingDays([official2026]);

  it('counts weekends, holidays and 调休 days as the calendar says', () => {
    expect(isWorkingDay('2026-10-05')).toBe(false); // National Day, a Monday
    expect(isWorkingDay('2026-10-10')).toBe(true); // a Saturday made a working day
    expect(isWorkingDay('2026-01-04')).toBe(true); // a Sunday made a working day
    expect(isWorkingDay('2026-11-28')).toBe(false); // an ordinary Saturday
  });

  it('jumps a holiday week: two working days from the eve of National Day end on the 9th', () => {
    expect(addWorkingTime(cst('2026-09-30T10:00:00'), 2, isWorkingDay).toISOString()).toBe(cst('2026-10-09T10:00:00').toISOString());
  });

  it('counts a 调休 Saturday', () => {
    expect(addWorkingTime(cst('2026-10-09T10:00:00'), 1, isWorkingDay).toISOString()).toBe(cst('2026-10-10T10:00:00').toISOString());
    expect(addWorkingTime(cst('2026-02-13T10:00:00'), 1, isWorkingDay).toISOString()).toBe(cst('2026-02-14T10:00:00').toISOString());
  });

  it('skips an ordinary weekend', () => {
    expect(addWorkingTime(cst('2026-11-27T10:00:00'), 1, isWorkingDay).toISOString()).toBe(cst('2026-11-30T10:00:00').toISOString());
  });

  it('starts counting on the next working day when a limit is set on a holiday', () => {
    expect(addWorkingTime(cst('2026-10-03T15:00:00'), 1, isWorkingDay).toISOString()).toBe(cst('2026-10-09T00:00:00').toISOString());
  });

  it('crosses the year end: weekends only for an unpublished year, the office\'s days once it sets them', () => {
    const fallback = workingDays([official2026, fallbackCalendar(2027)]);
    expect(addWorkingTime(cst('2026-12-31T10:00:00'), 2, fallback).toISOString()).toBe(cst('2027-01-04T10:00:00').toISOString());
    const set = workingDays([official2026, { year: 2027, holidays: ['2027-01-01'], workdays: [], source: 'office' }]);
    expect(addWorkingTime(cst('2026-12-31T10:00:00'), 2, set).toISOString()).toBe(cst('2027-01-05T10:00:00').toISOString());
    expect(yearsSpanned(cst('2026-12-31T10:00:00'), 3)).toEqual([2026, 2027]);
  });

  it('warns at two thirds of the working time, breaches at the limit, escalates a working day later', () => {
    expect(timelineFor(cst('2026-11-27T03:45:00'), 1, isWorkingDay)).toEqual({
      warnAt: cst('2026-11-27T19:45:00').toISOString(),
      deadline: cst('2026-11-30T03:45:00').toISOString(),
      escalateAt: cst('2026-12-01T03:45:00').toISOString(),
    });
  });
});

describe('the shipped official calendar data', () => {
  it('is exactly what the maintained chinese-days package says (run npm run calendar:update after updating it)', async () => {
    const { readFileSync } = await import('node:fs');
    // @ts-expect-error: a plain JavaScript build script
    const { officialCalendarData } = await import('../../scripts/official-calendar.mjs');
    const shipped = JSON.parse(readFileSync(new URL('../../shared/official-calendar.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(officialCalendarData());
  });
});
