/**
 * The 24-hour appointment service (24小时预约服务), pure: an enterprise asks at any hour of any
 * day, and the department confirms a time, a place and its staff within 24 hours of the request.
 * Calendar hours, not working days: the service exists for requests that come at night, at the
 * weekend or on a holiday, so the county calendar plays no part.
 */
import { twoThirdsOf, type Timeline } from '#shared/time/calendar';
import type { InvalidField } from '#shared/domain/errors';

const HOUR_MS = 3_600_000;
const CONFIRM_HOURS = 24;

export const APPOINTMENT_HOURS = {
  /** The department confirms within this many hours of the request. */
  confirm: CONFIRM_HOURS,
  /** Warned at two thirds of the time (16 h), as every limit of the programme is (限时办结制). */
  warn: twoThirdsOf(CONFIRM_HOURS),
  /** Still unconfirmed a further day after the breach: escalated to the supervisors. */
  escalate: 48,
  /** An appointment is asked for, and confirmed, for a time at most this far ahead (90 days). */
  furthestAhead: 90 * 24,
} as const;

/** How far in the past a requested or confirmed time may be, for clocks that differ by a few minutes. */
const LEEWAY_MS = 15 * 60_000;

export const APPOINTMENT_STATUSES = ['requested', 'confirmed'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** The watch on a request received at `receivedAt`: warning at 16 h, breach at 24 h, escalation at 48 h. */
export function confirmationTimeline(receivedAt: Date): Timeline {
  const after = (hours: number) => new Date(receivedAt.getTime() + hours * HOUR_MS).toISOString();
  return {
    warnAt: after(APPOINTMENT_HOURS.warn),
    deadline: after(APPOINTMENT_HOURS.confirm),
    escalateAt: after(APPOINTMENT_HOURS.escalate),
  };
}

/**
 * What is wrong with a time asked for or confirmed (`field` names it), at `now`: none in the past
 * (beyond a few minutes' leeway), none more than 90 days ahead. Any hour of any day is fine.
 */
export function appointmentTimeErrors(at: string, now: Date, field: string): InvalidField[] {
  const time = Date.parse(at);
  if (time < now.getTime() - LEEWAY_MS) return [{ field, message: 'In the past' }];
  if (time > now.getTime() + APPOINTMENT_HOURS.furthestAhead * HOUR_MS)
    return [{ field, message: `More than ${APPOINTMENT_HOURS.furthestAhead / 24} days ahead` }];
  return [];
}

/**
 * A confirmation is taken even after the 24 hours (the enterprise still needs the service and
 * the breach alert has gone out already); it is recorded as late, with the hours it took, so the
 * record and the quarter's evaluation show it.
 */
export function confirmationTiming(receivedAt: Date, confirmedAt: Date): { late: boolean; hoursTaken: number } {
  const hours = (confirmedAt.getTime() - receivedAt.getTime()) / HOUR_MS;
  return { late: hours > APPOINTMENT_HOURS.confirm, hoursTaken: Math.round(hours * 10) / 10 };
}
