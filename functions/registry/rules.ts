/** The registry's rules, pure: what a county calendar year may hold, and how each source of a year is explained. */
import type { CalendarYear } from '#shared/time/calendar';
import type { InvalidField } from '#shared/domain/errors';

/** Every date lies in its year, and no date is both a holiday and a working day. */
export function calendarYearProblems(year: number, holidays: string[], workdays: string[]): InvalidField[] {
  const outside = [...holidays, ...workdays].filter((date) => !date.startsWith(`${year}-`));
  const both = holidays.filter((date) => workdays.includes(date));
  return [
    ...outside.map((date) => ({ message: `${date} is not in ${year}` })),
    ...both.map((date) => ({ message: `${date} is both a holiday and a working day` })),
  ];
}

/** Where a year's calendar comes from, in a sentence for whoever reads it. */
export function calendarNote(source: CalendarYear['source'], year: number): string {
  return {
    office: 'Set by the soft-environment office.',
    official: 'The State Council holiday calendar as published.',
    provisional: `The State Council has not published ${year} yet: the statutory public holidays stand in (without the published bridges and 调休 working days) until the soft-environment office sets the year.`,
    'fallback-weekends': `No calendar for ${year} is published yet: only Saturdays and Sundays count as days off until the soft-environment office sets the year.`,
  }[source];
}
