/** The appointments concern's table access: conditional on the appointment's version. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, equalityFilter, queryPage, tableName, withoutKeys, writeAll, type TransactItem } from '#shared/db';
import { keys, TABLE } from '#shared/table';
import type { Timeline } from '#shared/calendar';
import type { AppointmentStatus } from './rules.ts';

export interface Confirmation { at: string; place: string; staff: string[]; confirmedAt: string; confirmedBy: string; late: boolean; hoursTaken: number }

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

const clean = (item: Record<string, unknown>) => {
  const { type: _type, ...rest } = withoutKeys(item);
  return rest as unknown as Appointment;
};

export async function createAppointment(appointment: Appointment, alongside: TransactItem[]): Promise<void> {
  const failed = await writeAll([{
    Put: {
      TableName: tableName,
      Item: { ...keys.appointment(appointment.id), ...keys.appointmentIndexes(appointment.dept, appointment.enterpriseId, new Date(appointment.receivedAt).toISOString(), appointment.id), type: 'appointment', ...appointment },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }, ...alongside]);
  if (failed !== undefined) throw new Error(`appointment ${appointment.id} exists already`);
}

export async function getAppointment(id: string): Promise<Appointment | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.appointment(id), ConsistentRead: true }));
  return Item ? clean(Item) : undefined;
}

/** Confirms a requested appointment if it is still at its version; false if someone else changed it first. */
export async function confirmAppointment(appointment: Pick<Appointment, 'id' | 'version'>, confirmation: Confirmation, alongside: TransactItem[]): Promise<boolean> {
  const failed = await writeAll([{
    Update: {
      TableName: tableName, Key: keys.appointment(appointment.id),
      UpdateExpression: 'SET #status = :confirmed, confirmation = :confirmation, #version = :next',
      ConditionExpression: '#version = :version AND #status = :requested',
      ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
      ExpressionAttributeValues: { ':confirmed': 'confirmed', ':requested': 'requested', ':confirmation': confirmation, ':version': appointment.version, ':next': appointment.version + 1 },
    },
  }, ...alongside]);
  return failed === undefined;
}

export type AppointmentListing = { by: 'department'; dept: string } | { by: 'enterprise'; enterpriseId: string } | { by: 'all' };

function partitionOf(listing: AppointmentListing) {
  if (listing.by === 'department') return { index: TABLE.indexes.byParent, pk: keys.appointmentsByDept(listing.dept) };
  if (listing.by === 'enterprise') return { index: TABLE.indexes.bySecondParent, pk: keys.appointmentsByEnterprise(listing.enterpriseId) };
  return { index: TABLE.indexes.byThirdParent, pk: keys.allAppointments };
}

/** A page of appointments, newest request first: a Query of one index partition, filtered by status and department. */
export async function appointmentsPage(listing: AppointmentListing, filters: { status?: string; dept?: string }, limit: number, cursor: string | undefined) {
  const { index, pk } = partitionOf(listing);
  const { FilterExpression, names, values } = equalityFilter({ status: filters.status, dept: filters.dept });
  const page = await queryPage({
    TableName: tableName,
    IndexName: index.name,
    KeyConditionExpression: `${index.partitionKey} = :pk`,
    ...(FilterExpression ? { FilterExpression, ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: { ':pk': pk, ...values },
    ScanIndexForward: false,
    Limit: limit,
  }, cursor);
  return { items: page.items.map(clean), nextCursor: page.nextCursor };
}
