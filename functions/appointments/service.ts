/** The appointment operations: rules in rules.ts, table access in store.ts, clock and ids injected. */
import { toLocalIso } from '#shared/time/clock';
import { hasRole, seesAll, type Caller, type DepartmentCaller, type EnterpriseCaller } from '#shared/http/auth';
import { Conflict, InvalidInput, NotAllowed, NotFound } from '#shared/domain/errors';
import { raiseAlert } from '#shared/outbox/raise-alert';
import { alertWords, readableTime } from '#shared/alerts/alert-text';
import { appointmentDescribed } from './described.ts';
import type { Matter } from '#shared/outbox/matters';
import { startDeadlineEffect, stopDeadlineEffect } from '#shared/outbox/effects';
import { countIn } from '#shared/domain/evaluation';
import type { Deps } from '#shared/domain/deps';
import { appointmentTimeErrors, confirmationTimeline, confirmationTiming } from './rules.ts';
import * as store from './store.ts';
import { requireNamedDepartment, requireOwnDepartment } from '../registry/service.ts';

export const confirmationMatter = (appointment: Pick<store.Appointment, 'id' | 'dept'>): Matter => ({
  concern: 'appointments',
  kind: 'confirmation',
  id: appointment.id,
  version: 1,
  department: appointment.dept,
});

/** What every reader in scope sees: the record, with `confirmBy` and whether it is overdue now. */
function view(appointment: store.Appointment, now: Date) {
  const { watch, ...rest } = appointment;
  return {
    ...rest,
    confirmBy: toLocalIso(new Date(watch.deadline)),
    overdue: appointment.status === 'requested' && now.getTime() > Date.parse(watch.deadline),
  };
}

/** On a route departments share with other roles: the department a department caller's token names. */
function departmentOf(caller: Caller): string {
  if (!caller.dept) throw new NotAllowed('Your token names no department (claim `dept`).');
  return caller.dept;
}

/** On a route enterprises share with other roles: the enterprise an enterprise caller's token names. */
function enterpriseOf(caller: Caller): string {
  if (!caller.ent) throw new NotAllowed('Your token names no enterprise (claim `ent`).');
  return caller.ent;
}

/** 24小时预约服务: a request at any hour of any day, for a registered department; the 24 hours start now. */
export async function requestAppointment(
  input: { dept: string; topic: string; requestedAt: string; contact?: string },
  caller: EnterpriseCaller,
  { now, newId }: Deps,
) {
  const enterpriseId = caller.ent;
  await requireNamedDepartment(input.dept, 'dept');
  const errors = appointmentTimeErrors(input.requestedAt, now, 'requestedAt');
  if (errors.length) throw new InvalidInput('An appointment is asked for a time from now up to 90 days ahead, at any hour.', errors);
  const appointment: store.Appointment = {
    id: newId(),
    ...input,
    requestedAt: toLocalIso(new Date(input.requestedAt)),
    enterpriseId,
    status: 'requested',
    receivedAt: toLocalIso(now),
    requestedBy: caller.sub,
    watch: confirmationTimeline(now),
    version: 1,
  };
  await store.createAppointment(appointment, [startDeadlineEffect(confirmationMatter(appointment), appointment.watch, newId(), now)]);
  return view(appointment, now);
}

/** An appointment the caller may see: the office and supervisors all; a department or an enterprise its own (else 404). */
async function appointmentInScope(id: string, caller: Caller) {
  const appointment = await store.getAppointment(id);
  if (!appointment) throw new NotFound();
  if (seesAll(caller)) return appointment;
  if (hasRole(caller, 'department') && appointment.dept === departmentOf(caller)) return appointment;
  if (hasRole(caller, 'enterprise') && appointment.enterpriseId === enterpriseOf(caller)) return appointment;
  throw new NotFound();
}

export const viewAppointment = async (id: string, caller: Caller, now: Date) => view(await appointmentInScope(id, caller), now);

export async function listAppointments(
  query: { status?: string; dept?: string; limit: number; cursor?: string },
  caller: Caller,
  now: Date,
) {
  let listing: store.AppointmentListing;
  let filters: { status?: string; dept?: string } = { status: query.status };
  if (seesAll(caller)) {
    listing = query.dept ? { by: 'department', dept: query.dept } : { by: 'all' };
  } else if (hasRole(caller, 'department')) {
    const dept = departmentOf(caller);
    if (query.dept && query.dept !== dept) throw new NotAllowed('A department lists its own appointments only.');
    listing = { by: 'department', dept };
  } else {
    // An enterprise: its own requests, to one department if it asks.
    listing = { by: 'enterprise', enterpriseId: enterpriseOf(caller) };
    filters = { ...filters, dept: query.dept };
  }
  const page = await store.appointmentsPage(listing, { ...filters, limit: query.limit, cursor: query.cursor });
  return { items: page.items.map((appointment) => view(appointment, now)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

const alreadyConfirmed = (appointment: store.Appointment) =>
  new Conflict('already-confirmed', `This appointment was confirmed already, for ${appointment.confirmation?.at}.`);

/**
 * The department confirms a time, a place and its staff: the watch stops. After the 24 hours it
 * is still taken, recorded late with the hours it took; the supervisors, who had the breach
 * alert, are told it was confirmed at last. It counts in the quarter as handled, in time or not.
 */
export async function confirm(
  id: string,
  input: { at: string; place: string; staff: string[] },
  caller: DepartmentCaller,
  { now, newId }: Deps,
) {
  const dept = await requireOwnDepartment(caller);
  const appointment = await store.getAppointment(id);
  if (!appointment || appointment.dept !== dept) throw new NotFound();
  if (appointment.status !== 'requested') throw alreadyConfirmed(appointment);
  const errors = appointmentTimeErrors(input.at, now, 'at');
  if (errors.length) throw new InvalidInput('An appointment is confirmed for a time from now up to 90 days ahead.', errors);
  const timing = confirmationTiming(new Date(appointment.receivedAt), now);
  const confirmation: store.Confirmation = {
    ...input,
    at: toLocalIso(new Date(input.at)),
    confirmedAt: toLocalIso(now),
    confirmedBy: caller.sub,
    ...timing,
  };
  const lateAlert = timing.late ? await lateConfirmationAlert(appointment, confirmation, timing.hoursTaken, { now, newId }) : [];
  const ok = await store.confirmAppointment(appointment, confirmation, [
    stopDeadlineEffect(confirmationMatter(appointment), 'confirmed', newId(), now),
    countIn(dept, now, { handled: 1, handledInTime: timing.late ? 0 : 1 }),
    ...lateAlert,
  ]);
  if (!ok) {
    const current = await store.getAppointment(id);
    if (current?.status === 'confirmed') throw alreadyConfirmed(current);
    throw new Conflict('appointment-changed', 'The appointment changed meanwhile; reload it and try again.');
  }
  return view({ ...appointment, status: 'confirmed', confirmation, version: appointment.version + 1 }, now);
}

/** A 24-hour appointment confirmed after its 24 hours: the supervisors hear of it. */
async function lateConfirmationAlert(appointment: store.Appointment, confirmation: store.Confirmation, hoursTaken: number, deps: Deps) {
  const what = await appointmentDescribed(appointment);
  const when = readableTime(confirmation.at);
  return raiseAlert(
    {
      severity: 'info',
      concern: 'appointments',
      department: appointment.dept,
      kind: 'confirmation-late',
      ...alertWords(
        { zh: `24小时预约服务确认超时：${what.dept}`, en: `A 24-hour appointment was confirmed late by ${what.dept}` },
        {
          zh: `${what.zh}在申请后${hoursTaken}小时才确认，约定${when}在${confirmation.place}。`,
          en: `The ${what.en} was confirmed ${hoursTaken} hours after the request, for ${when} at ${confirmation.place}.`,
        },
      ),
      subject: { type: 'appointment', id: appointment.id },
    },
    deps,
  );
}
