import { describe, expect, it } from 'vitest';
import {
  addWorkingTime,
  bundledCalendar,
  fallbackCalendar,
  officialCalendar,
  timelineFor,
  timelineOf,
  workingDays,
  workingDaysBetween,
  yearsOf,
} from '#shared/time/calendar';
import { addDays, localDate, startOfLocalDate } from '#shared/time/clock';
// @ts-expect-error: a plain JavaScript build script
import { statutoryHolidays } from '../../scripts/official-calendar.mjs';

const cst = (local: string) => new Date(`${local}+08:00`);
const official2026 = officialCalendar(2026)!;
const thisYear = Number(localDate(new Date()).slice(0, 4));

describe('the official calendars', () => {
  it('carry 2026 with its 调休 working days and holidays', () => {
    expect(official2026.source).toBe('official');
    expect(official2026.workdays).toEqual(expect.arrayContaining(['2026-01-04', '2026-02-14', '2026-10-10']));
    expect(official2026.holidays).toEqual(expect.arrayContaining(['2026-10-01', '2026-10-07', '2026-02-17']));
  });

  it('know no year that is not published yet', () => {
    // The State Council publishes a year's calendar in the autumn before it, never two years ahead.
    expect(officialCalendar(thisYear + 2)).toBeUndefined();
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

  it("crosses the year end: weekends only for an unpublished year, the office's days once it sets them", () => {
    const fallback = workingDays([official2026, fallbackCalendar(2027)]);
    expect(addWorkingTime(cst('2026-12-31T10:00:00'), 2, fallback).toISOString()).toBe(cst('2027-01-04T10:00:00').toISOString());
    const set = workingDays([official2026, { year: 2027, holidays: ['2027-01-01'], workdays: [], source: 'office' }]);
    expect(addWorkingTime(cst('2026-12-31T10:00:00'), 2, set).toISOString()).toBe(cst('2027-01-05T10:00:00').toISOString());
    expect(yearsOf({ start: cst('2026-12-31T10:00:00').toISOString(), limitDays: 3 })).toEqual([2026, 2027]);
  });

  it('warns at two thirds of the working time, breaches at the limit, escalates a working day later', () => {
    expect(timelineFor(cst('2026-11-27T03:45:00'), 1, isWorkingDay)).toEqual({
      warnAt: cst('2026-11-27T19:45:00').toISOString(),
      deadline: cst('2026-11-30T03:45:00').toISOString(),
      escalateAt: cst('2026-12-01T03:45:00').toISOString(),
      timing: { start: cst('2026-11-27T03:45:00').toISOString(), limitDays: 1 },
    });
  });
});

describe('the shipped official calendar data', () => {
  it('is exactly what the maintained chinese-days package says (run npm run calendar:update after updating it)', async () => {
    const { readFileSync } = await import('node:fs');
    // @ts-expect-error: a plain JavaScript build script
    const { officialCalendarData } = await import('../../scripts/official-calendar.mjs');
    const shipped = JSON.parse(readFileSync(new URL('../../shared/time/official-calendar.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(officialCalendarData());
  });
});

/** The latest year the State Council has published here (this year or an earlier one). */
const lastPublished = (() => {
  let year = thisYear + 1;
  while (!officialCalendar(year)) year -= 1;
  return year;
})();

describe('a year the State Council has not published yet (provisional)', () => {
  const year = lastPublished + 1;
  const provisional = bundledCalendar(year);

  it('stands on the statutory holidays, the lunar ones computed, and says it is provisional', () => {
    expect(provisional.source).toBe('provisional');
    expect(provisional.workdays).toEqual([]);
    expect(provisional.holidays).toEqual(
      expect.arrayContaining([`${year}-01-01`, `${year}-05-01`, `${year}-05-02`, `${year}-10-01`, `${year}-10-02`, `${year}-10-03`]),
    );
    // The Spring Festival: four consecutive days between 20 January and 21 February.
    const spring = provisional.holidays.filter((date) => date >= `${year}-01-20` && date <= `${year}-02-24`);
    expect(spring.length).toBeGreaterThanOrEqual(4);
    expect(addDays(spring[0]!, 3)).toBe(spring[3]);
    // Qingming, the solar term, falls on 4, 5 or 6 April.
    expect(provisional.holidays.filter((date) => date.startsWith(`${year}-04-0`)).length).toBeGreaterThanOrEqual(1);
  });

  it('computes the statutory holidays by the rule in force since 2025: every one is a holiday in each published calendar since', () => {
    for (let published = 2025; published <= lastPublished; published += 1) {
      const official = new Set(officialCalendar(published)!.holidays);
      expect((statutoryHolidays(published) as string[]).filter((date) => !official.has(date))).toEqual([]);
    }
  });

  it("gives New Year's Day off: a limit from 31 December does not end on 1 January", () => {
    const isWorkingDay = workingDays([officialCalendar(lastPublished)!, provisional]);
    const deadline = addWorkingTime(cst(`${lastPublished}-12-31T10:00:00`), 1, isWorkingDay);
    expect(localDate(deadline) > `${year}-01-01`).toBe(true);
  });

  it('weekends only beyond the generated years', () => {
    expect(bundledCalendar(thisYear + 70).source).toBe('fallback-weekends');
  });
});

describe('one rule for every limit and warning, in working time', () => {
  // A year, relative to now, whose National Day holiday is published.
  const year = lastPublished;
  const isWorkingDay = workingDays([officialCalendar(year)!]);

  it('warns a delay notice of 24 September moving the answer to 9 October on a working day, not in the National Day holiday', () => {
    const start = cst(`${year}-09-24T10:00:00`);
    const until = startOfLocalDate(`${year}-10-10`);
    expect(isWorkingDay(`${year}-10-09`)).toBe(true);
    const timeline = timelineOf({ start: start.toISOString(), dueDate: `${year}-10-09` }, isWorkingDay);
    expect(timeline.deadline).toBe(until.toISOString());
    const warnDay = localDate(new Date(timeline.warnAt));
    expect(warnDay).not.toBe(`${year}-10-04`);
    expect(isWorkingDay(warnDay)).toBe(true);
    // Two thirds of the working time, not of the calendar time.
    expect(workingDaysBetween(start, new Date(timeline.warnAt), isWorkingDay)).toBeCloseTo(
      (workingDaysBetween(start, until, isWorkingDay) * 2) / 3,
      6,
    );
    expect(isWorkingDay(localDate(new Date(new Date(timeline.escalateAt).getTime() - 1)))).toBe(true);
  });

  it('moves a due date that falls on a day off to the end of the next working day (a pledge, a delay notice)', () => {
    const start = cst(`${year}-09-01T10:00:00`);
    const holiday = `${year}-10-03`;
    expect(isWorkingDay(holiday)).toBe(false);
    const timeline = timelineOf({ start: start.toISOString(), dueDate: holiday }, isWorkingDay);
    let firstWorkingDay = holiday;
    while (!isWorkingDay(firstWorkingDay)) firstWorkingDay = addDays(firstWorkingDay, 1);
    expect(timeline.deadline).toBe(startOfLocalDate(addDays(firstWorkingDay, 1)).toISOString());
    const onWorkingDay = timelineOf({ start: start.toISOString(), dueDate: firstWorkingDay }, isWorkingDay);
    expect(onWorkingDay.deadline).toBe(timeline.deadline);
  });

  it('times a limit in days and a due date alike: the same deadline gives the same warning', () => {
    // From the start of a working day, a limit of 4 working days ends with the 4th of them.
    let day = `${year}-09-01`;
    while (!isWorkingDay(day)) day = addDays(day, 1);
    const start = startOfLocalDate(day);
    const byLimit = timelineFor(start, 4, isWorkingDay);
    const byEnd = timelineOf({ start: start.toISOString(), dueDate: addDays(localDate(new Date(byLimit.deadline)), -1) }, isWorkingDay);
    expect(byEnd.deadline).toBe(byLimit.deadline);
    expect(Math.abs(Date.parse(byEnd.warnAt) - Date.parse(byLimit.warnAt))).toBeLessThan(1000);
    expect(byEnd.escalateAt).toBe(byLimit.escalateAt);
  });
});
