/**
 * The calendar as stored: the office's version of a year when it set one, else the official
 * calendar, else weekends only (and the office is alerted once that a year is missing).
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName, writeAll } from './db.ts';
import { keys } from './table.ts';
import { addWorkingTime, fallbackCalendar, officialCalendar, workingDays, workingDaysBetween, yearsSpanned, timelineFor, type CalendarYear, type Timeline } from './calendar.ts';
import { alertWrites, newAlert, type Concern } from './alerts.ts';
import { newId } from './ids.ts';
import { localDate } from './clock.ts';

export async function putCalendarYear(calendar: Omit<CalendarYear, 'source'>, updatedBy: string, now: Date): Promise<CalendarYear> {
  const stored: CalendarYear = { ...calendar, source: 'office' };
  await db.send(new PutCommand({
    TableName: tableName,
    Item: { ...keys.calendar(calendar.year), type: 'calendar', ...stored, updatedBy, updatedAt: now.toISOString() },
  }));
  cache.delete(calendar.year);
  return stored;
}

// Calendars change a few times a year: a container keeps what it read for a few minutes.
const cache = new Map<number, { calendar: CalendarYear; readAt: number }>();
const CACHE_MS = 5 * 60_000;

export async function calendarYear(year: number): Promise<CalendarYear> {
  const cached = cache.get(year);
  if (cached && Date.now() - cached.readAt < CACHE_MS) return cached.calendar;
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.calendar(year) }));
  const calendar: CalendarYear = Item
    ? { year, holidays: Item.holidays as string[], workdays: Item.workdays as string[], source: 'office' }
    : officialCalendar(year) ?? fallbackCalendar(year);
  cache.set(year, { calendar, readAt: Date.now() });
  return calendar;
}

/** Tells the soft-environment office, once per year, that deadlines in it count weekends only. */
async function alertFallbackOnce(year: number, concern: Concern, now: Date): Promise<void> {
  const alert = newAlert({
    severity: 'warning', concern, department: 'none', kind: 'calendar-missing',
    title: `No ${year} working-day calendar: deadlines count weekends only`,
    detail: `The official ${year} holiday calendar is not published here yet. Time limits reaching into ${year} count only Saturdays and Sundays as days off until the soft-environment office sets the year with PUT /calendar/${year}.`,
    subject: { type: 'calendar', id: String(year) },
  }, now, newId());
  // Once: a second attempt finds the marker (its condition fails) and writes nothing.
  await writeAll([
    { Put: { TableName: tableName, Item: { ...keys.calendarFallbackAlerted(year), alertedAt: now.toISOString() }, ConditionExpression: 'attribute_not_exists(pk)' } },
    ...alertWrites(alert, now, newId),
  ]);
}

/** The timeline of a matter with a limit in working days, on the county calendar. */
export async function deadlineTimeline(start: Date, limitDays: number, concern: Concern, escalationDays = 1): Promise<Timeline> {
  const calendars = await Promise.all(yearsSpanned(start, limitDays + escalationDays).map(calendarYear));
  const timeline = timelineFor(start, limitDays, workingDays(calendars), escalationDays);
  const lastYear = Number(localDate(new Date(timeline.escalateAt)).slice(0, 4));
  for (const calendar of calendars) {
    if (calendar.source === 'fallback-weekends' && calendar.year <= lastYear) await alertFallbackOnce(calendar.year, concern, start);
  }
  return timeline;
}

/** The instant `days` working days after `start`, on the county calendar. */
export async function workingTimeAfter(start: Date, days: number): Promise<Date> {
  const calendars = await Promise.all(yearsSpanned(start, days).map(calendarYear));
  return addWorkingTime(start, days, workingDays(calendars));
}

/** Working days elapsed between two instants, on the county calendar. */
export async function workingDaysElapsed(start: Date, end: Date): Promise<number> {
  const first = Number(localDate(start).slice(0, 4));
  const last = Number(localDate(end).slice(0, 4));
  const calendars = await Promise.all(Array.from({ length: Math.max(1, last - first + 1) }, (_, index) => calendarYear(first + index)));
  return workingDaysBetween(start, end, workingDays(calendars));
}
