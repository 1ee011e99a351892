import { describe, expect, it } from 'vitest';
import { addDays, localDate, startOfLocalDate, toLocalIso } from '#shared/time/clock';
import { appointmentTimeErrors, confirmationTimeline, confirmationTiming } from '../../functions/appointments/rules.ts';

const HOUR = 3_600_000;
/** The next Saturday from today, China time: the 24 hours run through the weekend all the same. */
const nextSaturday = (): string => {
  let date = localDate(new Date());
  while (new Date(`${date}T00:00:00Z`).getUTCDay() !== 6) date = addDays(date, 1);
  return date;
};

describe('24-hour appointments (24小时预约服务)', () => {
  it('watches calendar hours from the request: warning at 16, breach at 24, escalation at 48, weekend or not', () => {
    const saturday = nextSaturday();
    const lateSaturday = new Date(startOfLocalDate(saturday).getTime() + 23 * HOUR);
    const watch = confirmationTimeline(lateSaturday);
    expect(toLocalIso(new Date(watch.warnAt))).toBe(`${addDays(saturday, 1)}T15:00:00.000+08:00`);
    expect(toLocalIso(new Date(watch.deadline))).toBe(`${addDays(saturday, 1)}T23:00:00.000+08:00`);
    expect(toLocalIso(new Date(watch.escalateAt))).toBe(`${addDays(saturday, 2)}T23:00:00.000+08:00`);
    expect(watch.timing).toBeUndefined(); // not working time: a calendar change never re-times it
  });

  it('records a confirmation after exactly 24 hours as in time, a moment later as late, with the hours taken', () => {
    const received = new Date();
    expect(confirmationTiming(received, new Date(received.getTime() + 24 * HOUR))).toEqual({ late: false, hoursTaken: 24 });
    expect(confirmationTiming(received, new Date(received.getTime() + 24 * HOUR + 1000))).toMatchObject({ late: true });
    expect(confirmationTiming(received, new Date(received.getTime() + 30.25 * HOUR))).toEqual({ late: true, hoursTaken: 30.3 });
  });

  it("takes a time at any hour from now (15 minutes' leeway) up to 90 days ahead", () => {
    const now = new Date();
    const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
    expect(appointmentTimeErrors(at(3 * HOUR), now, 'at')).toEqual([]);
    expect(appointmentTimeErrors(at(-10 * 60_000), now, 'at')).toEqual([]);
    expect(appointmentTimeErrors(at(-20 * 60_000), now, 'at')).toEqual([{ field: 'at', message: 'In the past' }]);
    expect(appointmentTimeErrors(at(90 * 24 * HOUR), now, 'requestedAt')).toEqual([]);
    expect(appointmentTimeErrors(at(90 * 24 * HOUR + 1000), now, 'requestedAt')).toEqual([
      { field: 'requestedAt', message: 'More than 90 days ahead' },
    ]);
  });
});
