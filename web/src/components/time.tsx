/** Time limits shown as people count them: working days left on the county calendar. */
import { api, call } from '../api/client.ts';
import type { CalendarYear } from '../api/views.ts';
import { dateTime, today, workingDaysLeft } from '../format.ts';
import { t, W } from '../i18n.ts';
import { useLoad } from './data.tsx';

/** The calendars of this year and the next, for working days left. */
export const useCalendars = () =>
  useLoad(async () => {
    const year = Number(today().slice(0, 4));
    return Promise.all(
      [year, year + 1].map((y) => call<CalendarYear>(api.GET('/calendar/{year}', { params: { path: { year: String(y) } } }))),
    );
  });

export function TimeLeft({ deadline, calendars }: { deadline: string; calendars?: CalendarYear[] }) {
  if (!calendars) return <>{dateTime(deadline)}</>;
  const left = workingDaysLeft(deadline, calendars);
  const days = Math.abs(left).toFixed(1);
  return (
    <span class={left < 0 ? 'late' : left < 1 ? 'soon' : undefined}>
      {left < 0 ? `${t(W.overdueBy)} ${days}` : `${t(W.timeLeft)} ${days}`} {t(W.workingDays)}{' '}
      <span class="muted">({dateTime(deadline)})</span>
    </span>
  );
}
