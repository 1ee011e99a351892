/** The appointments concern's table access: conditional on the appointment's version. */
import * as z from 'zod/mini';
import { getRecord, newRecord, queryPage, updateVersioned, writeAll, type PageRequest, type Write } from '#shared/data/db';
import { keys, lists, patterns, type Scope } from '#shared/data/table';
import { decoderOf, stored, timelineCodec } from '#shared/data/codecs';
import type { Timeline } from '#shared/time/calendar';
import type { AppointmentStatus } from './rules.ts';
import { appointmentFields } from './records.ts';

export interface Confirmation {
  at: string;
  place: string;
  staff: string[];
  confirmedAt: string;
  confirmedBy: string;
  late: boolean;
  hoursTaken: number;
}

export interface Appointment {
  id: string;
  dept: string;
  enterpriseId: string;
  topic: string;
  /** The time the enterprise asks for (any hour of any day). */
  requestedAt: string;
  contact?: string;
  status: AppointmentStatus;
  /** When the request came in: the 24 hours run from here. */
  receivedAt: string;
  requestedBy: string;
  /** The confirmation watch: warning, breach (the 24 hours) and escalation. */
  watch: Timeline;
  confirmation?: Confirmation;
  version: number;
}

const confirmationCodec = z.object({
  at: z.string(),
  place: z.string(),
  staff: z.array(z.string()),
  confirmedAt: z.string(),
  confirmedBy: z.string(),
  late: z.boolean(),
  hoursTaken: z.number(),
});
const appointmentCodec: z.ZodMiniType<Appointment> = z.object({
  ...appointmentFields(stored),
  watch: timelineCodec,
  confirmation: z.optional(confirmationCodec),
  version: z.number(),
});
const clean = decoderOf(appointmentCodec);

export async function createAppointment(appointment: Appointment, alongside: Write[]): Promise<void> {
  const { id, dept, enterpriseId, receivedAt } = appointment;
  const indexes = lists.appointments.entries({ dept, enterpriseId, at: new Date(receivedAt).toISOString(), id });
  await writeAll([newRecord('appointment', { ...keys.appointment(id), ...indexes }, appointment), ...alongside]);
}

export const getAppointment = (id: string): Promise<Appointment | undefined> => getRecord(keys.appointment(id), clean);

/** Confirms a requested appointment if it is still at its version; false if someone else changed it first. */
export async function confirmAppointment(
  appointment: Pick<Appointment, 'id' | 'version'>,
  confirmation: Confirmation,
  alongside: Write[],
): Promise<boolean> {
  const change = { set: { status: 'confirmed', confirmation }, onlyIf: { status: ['requested'] } };
  return updateVersioned(keys.appointment(appointment.id), appointment.version, change, alongside);
}

export type AppointmentListing = Scope;

/** A page of appointments, newest request first: a Query of one index partition, filtered by status and department. */
export async function appointmentsPage(listing: AppointmentListing, query: { status?: string; dept?: string } & PageRequest) {
  const { status, dept, limit, cursor } = query;
  return queryPage(patterns.appointments(listing), { limit, cursor, filter: { status, dept } }, clean);
}
