/** The appointments concern's table access: conditional on the appointment's version. */
import * as z from 'zod/mini';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { put, db, queryPage, refused, tableName, tryWriteAll, writeAll, type Write } from '#shared/data/db';
import { keys, patterns, type Scope } from '#shared/data/table';
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
  await writeAll([
    put(
      {
        ...keys.appointment(appointment.id),
        ...keys.appointmentIndexes(
          appointment.dept,
          appointment.enterpriseId,
          new Date(appointment.receivedAt).toISOString(),
          appointment.id,
        ),
        type: 'appointment',
        ...appointment,
      },
      { ifNew: true, ifFailed: () => new Error(`appointment ${appointment.id} exists already`) },
    ),
    ...alongside,
  ]);
}

export async function getAppointment(id: string): Promise<Appointment | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.appointment(id), ConsistentRead: true }));
  return Item ? clean(Item) : undefined;
}

/** Confirms a requested appointment if it is still at its version; false if someone else changed it first. */
export async function confirmAppointment(
  appointment: Pick<Appointment, 'id' | 'version'>,
  confirmation: Confirmation,
  alongside: Write[],
): Promise<boolean> {
  const outcome = await tryWriteAll<'moved-on'>([
    {
      Update: {
        TableName: tableName,
        Key: keys.appointment(appointment.id),
        UpdateExpression: 'SET #status = :confirmed, confirmation = :confirmation, #version = :next',
        ConditionExpression: '#version = :version AND #status = :requested',
        ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
        ExpressionAttributeValues: {
          ':confirmed': 'confirmed',
          ':requested': 'requested',
          ':confirmation': confirmation,
          ':version': appointment.version,
          ':next': appointment.version + 1,
        },
      },
      ifFailed: refused('moved-on'),
    },
    ...alongside,
  ]);
  return outcome === undefined;
}

export type AppointmentListing = Scope;

/** A page of appointments, newest request first: a Query of one index partition, filtered by status and department. */
export async function appointmentsPage(
  listing: AppointmentListing,
  filters: { status?: string; dept?: string },
  limit: number,
  cursor: string | undefined,
) {
  return queryPage(patterns.appointments(listing), { limit, cursor, filter: { status: filters.status, dept: filters.dept } }, clean);
}
