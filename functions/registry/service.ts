/** The registry's operations: departments, the county calendar; rules in rules.ts, table access in store.ts. */
import { calendarYear, putCalendarYear } from '#shared/outbox/calendar-store';
import type { DepartmentCaller } from '#shared/http/auth';
import { InvalidInput, NotAllowed } from '#shared/domain/errors';
import { calendarNote, calendarYearProblems } from './rules.ts';
import { getDepartment, type Department } from './store.ts';

// The registry's surface for the handler and the other concerns: its table reads as they are.
export { departmentsPage, getDepartment, putDepartment } from './store.ts';

/**
 * The caller's own department, which must be registered: a department token for a department
 * the county has not registered acts for nobody (403).
 */
export async function requireOwnDepartment(caller: DepartmentCaller): Promise<string> {
  const deptId = caller.dept;
  if (!(await getDepartment(deptId))) {
    throw new NotAllowed(
      `Your token names department ${deptId}, which is not registered; the soft-environment office registers departments (PUT /departments/{deptId}).`,
    );
  }
  return deptId;
}

/** A department the request names must be registered: a lookup, so a 400 naming the field, not a rule's 422. */
export async function requireNamedDepartment(deptId: string, field: string): Promise<Department> {
  const department = await getDepartment(deptId);
  if (!department)
    throw new InvalidInput(`No department ${deptId} is registered; see GET /departments.`, [
      { field, message: 'Not a registered department' },
    ]);
  return department;
}

/** The office sets a year's holidays and the weekend days made working days (调休). */
export async function setCalendarYear(year: number, input: { holidays: string[]; workdays: string[] }, by: string, now: Date) {
  const problems = calendarYearProblems(year, input.holidays, input.workdays);
  if (problems.length) throw new InvalidInput('Every date must be in the year, and no date both a holiday and a working day.', problems);
  return putCalendarYear({ year, holidays: [...new Set(input.holidays)].sort(), workdays: [...new Set(input.workdays)].sort() }, by, now);
}

/** A year's calendar, with a note saying where it comes from. */
export async function viewCalendarYear(year: number, now: Date) {
  const calendar = await calendarYear(year, now);
  return { ...calendar, note: calendarNote(calendar.source, year) };
}
