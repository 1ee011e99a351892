/**
 * The calendar as stored: the office's version of a year when it set one, else the calendar this
 * code ships (official, else provisional, else weekends only). Read through on every use, with a
 * consistent read: a change the office makes is seen by every function at once.
 *
 * The office is told once when time limits reach into a year that is not published (the
 * statutory holidays stand in). When the year is set by the office, or the shipped data comes to
 * publish it, the running matters with deadlines in that year are timed again (an outbox effect
 * the effects worker does: functions/deadlines/retime.ts).
 */
import { alertWords } from '../alerts/alert-text.ts';
import * as z from 'zod/mini';
import { put, queryAll, refused, tableName, tryWriteAll, writeAll, type TransactItem } from '../data/db.ts';
import { keys, patterns } from '../data/table.ts';
import {
  bundledCalendar,
  isUnpublished,
  sameInstants,
  timelineOf,
  workingDays,
  workingDaysBetween,
  yearsOf,
  type CalendarYear,
  type IsWorkingDay,
  type Timeline,
  type Timing,
} from '../time/calendar.ts';
import { newAlert, type Concern } from '../alerts/alerts.ts';
import { effectWrite } from './effects.ts';
import { alertWrites } from './raise-alert.ts';
import { newId } from '../data/ids.ts';
import { localDate } from '../time/clock.ts';

/** The effect that times a year's running matters again (the effects worker does it). */
const retimeEffect = (year: number, now: Date): TransactItem => effectWrite({ type: 'retime-deadlines', year }, newId(), now);

export async function putCalendarYear(calendar: Omit<CalendarYear, 'source'>, updatedBy: string, now: Date): Promise<CalendarYear> {
  const stored: CalendarYear = { ...calendar, source: 'office' };
  await writeAll([
    put({ ...keys.calendar(calendar.year), type: 'calendar', ...stored, updatedBy, updatedAt: now.toISOString() }),
    retimeEffect(calendar.year, now),
  ]);
  return stored;
}

export async function calendarYear(year: number, now = new Date()): Promise<CalendarYear> {
  return (await readYear(year, now)).calendar;
}

/** The records of a year's partition: the office's calendar, and the marker of the year once used unpublished. */
const calendarRecordCodec = z.union([
  z.object({ type: z.literal('calendar'), holidays: z.array(z.string()), workdays: z.array(z.string()) }),
  z.object({ alertedAt: z.string(), publishedAs: z.optional(z.string()) }),
]);
const decodeCalendarRecord = (item: Record<string, unknown>) => calendarRecordCodec.parse(item);

/** A year's calendar, and whether the office was already told it is unpublished. */
async function readYear(year: number, now: Date): Promise<{ calendar: CalendarYear; alerted: boolean }> {
  // One Query gives the office's calendar and the marker of a year once used unpublished.
  const records = await queryAll(patterns.calendarYear(year), decodeCalendarRecord, { consistentRead: true });
  const office = records.find((record) => 'holidays' in record);
  const marker = records.find((record) => 'alertedAt' in record);
  const calendar: CalendarYear = office
    ? { year, holidays: office.holidays, workdays: office.workdays, source: 'office' }
    : bundledCalendar(year);
  // Deadlines were set on the unpublished year and the shipped data now publishes it: time them again, once.
  if (marker && !marker.publishedAs && calendar.source === 'official') await retimeOnPublication(year, now);
  return { calendar, alerted: !!marker };
}

async function retimeOnPublication(year: number, now: Date): Promise<void> {
  await tryWriteAll<'seen-already'>([
    {
      Update: {
        TableName: tableName,
        Key: keys.calendarUnpublishedAlerted(year),
        UpdateExpression: 'SET publishedAs = :official, publishedSeenAt = :now',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(publishedAs)',
        ExpressionAttributeValues: { ':official': 'official', ':now': now.toISOString() },
      },
      // Another function saw the publication first and asked for the re-timing.
      ifFailed: refused('seen-already'),
    },
    retimeEffect(year, now),
  ]);
}

/** Tells the soft-environment office, once per year, that deadlines in it stand on an unpublished calendar. */
async function alertUnpublishedOnce(calendar: CalendarYear, concern: Concern, now: Date): Promise<void> {
  const { year } = calendar;
  const alert = newAlert(
    calendar.source === 'provisional'
      ? {
          severity: 'warning',
          concern,
          department: 'none',
          kind: 'calendar-provisional',
          ...alertWords(
            {
              zh: `${year}年节假日安排尚未发布：时限暂按法定节假日计算`,
              en: `The ${year} holiday calendar is provisional: deadlines count the statutory holidays`,
            },
            {
              zh: `本系统尚无国务院${year}年节假日安排。跨入${year}年的时限暂只扣除法定节假日（元旦、春节、清明、劳动节、端午、中秋、国庆），不含调休和补班，直到软环境办设置${year}年日历（PUT /calendar/${year}）；届时在办事项将重新计时。`,
              en: `The State Council's ${year} holiday calendar is not published here yet. Time limits reaching into ${year} count the statutory public holidays (New Year's Day, the Spring Festival, Qingming, Labour Day, the Dragon Boat and Mid-Autumn festivals, National Day), without the published bridges and 调休 working days, until the soft-environment office sets the year with PUT /calendar/${year}; then running matters are timed again.`,
            },
          ),
          subject: { type: 'calendar', id: String(year) },
        }
      : {
          severity: 'warning',
          concern,
          department: 'none',
          kind: 'calendar-missing',
          ...alertWords(
            { zh: `尚无${year}年工作日历：时限只扣除周末`, en: `No ${year} working-day calendar: deadlines count weekends only` },
            {
              zh: `本系统尚无${year}年节假日安排。跨入${year}年的时限只把周六、周日算作休息日，直到软环境办设置${year}年日历（PUT /calendar/${year}）。`,
              en: `No ${year} holiday calendar is known here. Time limits reaching into ${year} count only Saturdays and Sundays as days off until the soft-environment office sets the year with PUT /calendar/${year}.`,
            },
          ),
          subject: { type: 'calendar', id: String(year) },
        },
    now,
    newId(),
  );
  // Once: a second attempt finds the marker (its condition fails) and writes nothing.
  await tryWriteAll<'alerted-already'>([
    put(
      { ...keys.calendarUnpublishedAlerted(year), source: calendar.source, alertedAt: now.toISOString() },
      { ifNew: true, ifFailed: refused('alerted-already') },
    ),
    ...alertWrites(alert, { now, newId }),
  ]);
}

async function calendarsFor(years: readonly number[], now: Date): Promise<CalendarYear[]> {
  return Promise.all(years.map((year) => calendarYear(year, now)));
}

/**
 * The timeline of a timed matter on the county calendar (the one rule: calendar.ts timelineOf).
 * `now` is when it is computed, for the office's alert about an unpublished year.
 */
export async function timelineAt(timing: Timing, concern: Concern, now: Date): Promise<Timeline> {
  const years = await Promise.all(yearsOf(timing).map((year) => readYear(year, now)));
  const timeline = timelineOf(timing, workingDays(years.map(({ calendar }) => calendar)));
  const lastYear = Number(localDate(new Date(timeline.escalateAt)).slice(0, 4));
  for (const { calendar, alerted } of years) {
    if (!alerted && isUnpublished(calendar) && calendar.year <= lastYear) await alertUnpublishedOnce(calendar, concern, now);
  }
  return timeline;
}

/** The timeline of a limit of `limitDays` working days from `start`. */
export const deadlineTimeline = (start: Date, limitDays: number, concern: Concern, escalationDays = 1): Promise<Timeline> =>
  timelineAt({ start: start.toISOString(), limitDays, ...(escalationDays === 1 ? {} : { escalationDays }) }, concern, start);

/** The timeline of a matter started at `start` and due by the end of `dueDate` (or of the next working day). */
export const timelineToDueDate = (start: Date, dueDate: string, concern: Concern): Promise<Timeline> =>
  timelineAt({ start: start.toISOString(), dueDate }, concern, start);

/**
 * The timeline computed again on today's calendar, or undefined when it has not changed (or cannot be).
 * `within` bounds it as the matter's own rule bounded it when it started (an inspection's approval ends with its planned day).
 */
export async function retimed(
  timeline: Timeline,
  concern: Concern,
  now: Date,
  within: (timeline: Timeline) => Timeline = (again) => again,
): Promise<Timeline | undefined> {
  if (!timeline.timing) return undefined;
  const again = within(await timelineAt(timeline.timing, concern, now));
  return sameInstants(again, timeline) ? undefined : again;
}

/** The instant `days` working days after `start`, on the county calendar. */
export async function workingTimeAfter(start: Date, days: number): Promise<Date> {
  const calendars = await calendarsFor(yearsOf({ start: start.toISOString(), limitDays: days }), start);
  return new Date(timelineOf({ start: start.toISOString(), limitDays: days }, workingDays(calendars)).deadline);
}

/** The county's working-day test for the years from `start` to `end`. */
export async function workingDaysFor(start: Date, end: Date): Promise<IsWorkingDay> {
  const first = Number(localDate(start).slice(0, 4));
  const last = Number(localDate(end).slice(0, 4));
  return workingDays(
    await calendarsFor(
      Array.from({ length: Math.max(1, last - first + 1) }, (_, index) => first + index),
      end,
    ),
  );
}

/** Working days elapsed between two instants, on the county calendar. */
export async function workingDaysElapsed(start: Date, end: Date): Promise<number> {
  return workingDaysBetween(start, end, await workingDaysFor(start, end));
}
