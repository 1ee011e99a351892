/**
 * The county's working-day calendar and time-limit arithmetic, in China Standard Time. Pure:
 * the calendar is data (the official State Council calendars, taken from the maintained
 * `chinese-days` package by scripts/official-calendar.mjs, corrected or completed by the
 * soft-environment office), passed in.
 */
import official from './official-calendar.json' with { type: 'json' };
import { addDays, localDate, startOfLocalDate } from './clock.ts';

export interface CalendarYear {
  year: number;
  /** Public holidays (dates off, weekdays included). */
  holidays: string[];
  /** Weekend days made working days (调休). */
  workdays: string[];
  /** office: set by the soft-environment office; official: the published State Council calendar;
   *  fallback-weekends: nothing published yet, so only Saturdays and Sundays are off. */
  source: 'office' | 'official' | 'fallback-weekends';
}

const officialYears = (official as { years: Record<string, { holidays: string[]; workdays: string[] }> }).years;

/** The published calendar of a year, or undefined when it is not published yet. */
export function officialCalendar(year: number): CalendarYear | undefined {
  const published = officialYears[year];
  if (!published || published.holidays.length === 0) return undefined;
  return { year, holidays: [...published.holidays], workdays: [...published.workdays], source: 'official' };
}

export const fallbackCalendar = (year: number): CalendarYear => ({ year, holidays: [], workdays: [], source: 'fallback-weekends' });

export type IsWorkingDay = (date: string) => boolean;

/** A working-day test over the given years' calendars; a year not given counts weekends only. */
export function workingDays(calendars: readonly CalendarYear[]): IsWorkingDay {
  const holidays = new Set(calendars.flatMap((calendar) => calendar.holidays));
  const workdays = new Set(calendars.flatMap((calendar) => calendar.workdays));
  return (date) => {
    if (workdays.has(date)) return true;
    if (holidays.has(date)) return false;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
}

const DAY_MS = 86_400_000;

/**
 * The instant `days` working days after `start`: time on working days counts, time on days off
 * does not. One working day from Friday 10:00 is Monday 10:00; from a holiday, counting starts
 * at 00:00 of the next working day. Fractions count too (two thirds of a day is 16 hours).
 */
export function addWorkingTime(start: Date, days: number, isWorkingDay: IsWorkingDay): Date {
  let remaining = Math.round(days * DAY_MS);
  let cursor = start.getTime();
  for (let guard = 0; guard < 3660; guard += 1) {
    const date = localDate(new Date(cursor));
    const dayEnd = startOfLocalDate(addDays(date, 1)).getTime();
    if (isWorkingDay(date)) {
      const available = dayEnd - cursor;
      if (remaining <= available) return new Date(cursor + remaining);
      remaining -= available;
    }
    cursor = dayEnd;
  }
  throw new Error('No working days in the next ten years: check the calendar.');
}

/** The years a limit starting at `start` may reach (a long holiday can cross a year end). */
export const yearsSpanned = (start: Date, days: number): number[] => {
  const first = Number(localDate(start).slice(0, 4));
  const last = Number(localDate(new Date(start.getTime() + (days * 3 + 30) * DAY_MS)).slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
};

export interface Timeline { warnAt: string; deadline: string; escalateAt: string }

/**
 * When a timed matter warns (two thirds of its limit), breaches (its limit) and escalates
 * (a further `escalationDays` working days of the breach left unhandled).
 */
export function timelineFor(start: Date, limitDays: number, isWorkingDay: IsWorkingDay, escalationDays = 1): Timeline {
  const deadline = addWorkingTime(start, limitDays, isWorkingDay);
  return {
    warnAt: addWorkingTime(start, (limitDays * 2) / 3, isWorkingDay).toISOString(),
    deadline: deadline.toISOString(),
    escalateAt: addWorkingTime(deadline, escalationDays, isWorkingDay).toISOString(),
  };
}

/** Working days (fractional) between two instants: the time on working days, in days. */
export function workingDaysBetween(start: Date, end: Date, isWorkingDay: IsWorkingDay): number {
  let total = 0;
  let cursor = start.getTime();
  const stop = end.getTime();
  while (cursor < stop) {
    const date = localDate(new Date(cursor));
    const dayEnd = Math.min(startOfLocalDate(addDays(date, 1)).getTime(), stop);
    if (isWorkingDay(date)) total += dayEnd - cursor;
    cursor = dayEnd;
  }
  return total / DAY_MS;
}
