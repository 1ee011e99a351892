/** Money, dates and time left, as a clerk reads them. */
import { workingDays, workingDaysBetween, type CalendarYear } from '#shared/time/calendar';
import { localDate } from '#shared/time/clock';
import type { Standard } from './api/views.ts';
import { lang } from './i18n.ts';

export const yuan = (fen: number): string => `¥${(fen / 100).toFixed(2)}`;
export const standardText = (standard: Standard): string =>
  standard.kind === 'fixed' ? yuan(standard.amount) : `${yuan(standard.min)} – ${yuan(standard.max)}`;

/** An instant shown in China Standard Time, whatever the browser's zone. */
export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString(lang.get() === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}
export const today = (): string => localDate(new Date());

/** The current quarter (2026-Q4) in China Standard Time. */
export function currentQuarter(now = new Date()): string {
  const date = localDate(now);
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}
export function previousQuarter(quarter: string): string {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(-1))];
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** Working days from now to a deadline (negative once past), on the county calendar (the same arithmetic as the deadlines). */
export function workingDaysLeft(deadline: string, calendars: readonly CalendarYear[], now = new Date()): number {
  const isWorkingDay = workingDays(calendars);
  const end = new Date(deadline);
  return end > now ? workingDaysBetween(now, end, isWorkingDay) : -workingDaysBetween(end, now, isWorkingDay);
}
