/**
 * The inspections concern's table access. Filing, deciding and recording outcomes are
 * transactions with their conditions, so two clerks cannot both decide and a capped count
 * cannot be passed.
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { db, queryPage, equalityFilter, tableName, withoutKeys, writeAll, type TransactItem } from '#shared/db';
import { keys, TABLE } from '#shared/table';
import { logHandled } from '#shared/evaluation';
import type { Timeline } from '#shared/calendar';
import type { Finding, InspectionCategory, InspectionStatus } from './rules.ts';

/** Approvals are the soft-environment office's matters: their handling is logged under its id. */
export const APPROVING_OFFICE = 'soft-env-office';

export interface Decision { decision: 'approve' | 'reject'; comment: string; decidedAt: string; decidedBy: string }

export interface Inspection {
  id: string;
  enterpriseId: string;
  department: string;
  plannedDate: string;
  category: InspectionCategory;
  reason: string;
  legalBasis: string;
  inspectors: string[];
  status: InspectionStatus;
  filedAt: string;
  filedBy: string;
  version: number;
  approval?: { limitDays: number; timeline: Timeline };
  decision?: Decision;
  outcome?: { findings: Finding[]; recordedAt: string; recordedBy: string };
}

export interface Visit { visitId: string; inspectionId: string; at: string; allowed: boolean; reason: string; recordedBy: string; inspectorsPresent?: string[]; note?: string; complaintId?: string }

const clean = (item: Record<string, unknown>) => {
  const { type: _type, ...rest } = withoutKeys(item);
  return rest;
};

/**
 * Stores a new inspection; a routine one also takes one of the year's routine places, and the
 * write fails with 'cap-reached' when none is left.
 */
export async function createInspection(inspection: Inspection, routineCap: number | undefined, alongside: TransactItem[] = []): Promise<'created' | 'cap-reached'> {
  const year = inspection.plannedDate.slice(0, 4);
  const failed = await writeAll([
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.inspection(inspection.id),
          ...keys.inspectionIndexes(inspection.department, inspection.enterpriseId, inspection.plannedDate, inspection.id),
          type: 'inspection', ...inspection,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...(routineCap === undefined ? [] : [{
      Update: {
        TableName: tableName,
        Key: keys.routineCount(inspection.enterpriseId, inspection.department, year),
        UpdateExpression: 'ADD #count :one',
        ConditionExpression: 'attribute_not_exists(#count) OR #count < :cap',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':one': 1, ':cap': routineCap },
      },
    }]),
    ...alongside,
  ]);
  // Item 1 is the year's routine count: its condition failing means no place is left.
  if (failed === 1) return 'cap-reached';
  if (failed !== undefined) throw new Error(`inspection ${inspection.id} exists already`);
  return 'created';
}

export async function getInspection(id: string): Promise<Inspection | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.inspection(id), ConsistentRead: true }));
  return Item ? (clean(Item) as unknown as Inspection) : undefined;
}

export async function inspectionVisits(id: string): Promise<Visit[]> {
  const { Items = [] } = await db.send(new QueryCommand({
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :visit)',
    ExpressionAttributeValues: { ':pk': keys.inspectionPartition(id), ':visit': keys.visitSkPrefix },
  }));
  return Items.map((item) => clean(item) as unknown as Visit);
}

/** Records the decision; exactly one decision wins, and only on a pending inspection. */
export async function recordDecision(inspection: Inspection, decision: Decision, workingDaysTaken: number, decidedAt: Date, alongside: TransactItem[]): Promise<'decided' | 'not-pending'> {
  const status: InspectionStatus = decision.decision === 'approve' ? 'approved' : 'rejected';
  const failed = await writeAll([
    {
      Update: {
        TableName: tableName,
        Key: keys.inspection(inspection.id),
        UpdateExpression: 'SET #status = :status, decision = :decision, version = :next',
        ConditionExpression: '#status = :pending AND version = :version',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': status, ':decision': decision, ':next': inspection.version + 1, ':pending': 'pending-approval', ':version': inspection.version },
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.decision(inspection.id), type: 'inspection-decision', inspectionId: inspection.id, ...decision },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    // The office's own handling time, for a pledge it makes about approvals.
    logHandled(APPROVING_OFFICE, 'inspection-approval', inspection.id, decidedAt, workingDaysTaken),
    ...alongside,
    ...(status === 'rejected' && inspection.category === 'routine' ? [releaseRoutinePlace(inspection)] : []),
  ]);
  // Items 0 and 1: the inspection was no longer pending, or a decision was already recorded.
  if (failed === 0 || failed === 1) return 'not-pending';
  if (failed !== undefined) throw new Error(`routine count of inspection ${inspection.id} is inconsistent`);
  return 'decided';
}

/** A visit, with what it sets off in the same transaction (when not allowed: the complaint, which counts it, and the alert). */
export async function recordVisit(visit: Visit, alongside: TransactItem[] = []): Promise<void> {
  const instant = new Date(visit.at).toISOString();
  const failed = await writeAll([
    { Put: { TableName: tableName, Item: { ...keys.visit(visit.inspectionId, instant, visit.visitId), type: 'inspection-visit', ...visit }, ConditionExpression: 'attribute_not_exists(pk)' } },
    ...alongside,
  ]);
  if (failed !== undefined) throw new Error(`visit ${visit.visitId} exists already`);
}

/**
 * An unlawful visit, reported: the first report of the China day writes the day's event with its
 * complaint and alert (`alongside`); a repeat that day is recorded as a visit and counted on the
 * day's event, and makes no second complaint, alert or evaluation count.
 */
export async function recordUnlawfulVisit(visit: Visit, date: string, alongside: TransactItem[]): Promise<{ first: true } | { first: false; complaintId: string; reports: number }> {
  const instant = new Date(visit.at).toISOString();
  const visitItem = { Put: { TableName: tableName, Item: { ...keys.visit(visit.inspectionId, instant, visit.visitId), type: 'inspection-visit', ...visit }, ConditionExpression: 'attribute_not_exists(pk)' } };
  const failed = await writeAll([
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.unlawfulVisitDay(visit.inspectionId, date), type: 'unlawful-visit-day', complaintId: visit.complaintId, firstReportedAt: visit.at, reports: 1 },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    visitItem,
    ...alongside,
  ]);
  if (failed === undefined) return { first: true };
  if (failed !== 0) throw new Error(`visit ${visit.visitId} exists already`);
  // Reported already today: this report is evidence on the same event.
  const { Attributes } = await db.send(new UpdateCommand({
    TableName: tableName,
    Key: keys.unlawfulVisitDay(visit.inspectionId, date),
    UpdateExpression: 'ADD reports :one SET lastReportedAt = :at',
    ExpressionAttributeValues: { ':one': 1, ':at': visit.at },
    ReturnValues: 'ALL_NEW',
  }));
  const complaintId = String(Attributes?.complaintId);
  await db.send(new PutCommand({ ...visitItem.Put, Item: { ...visitItem.Put.Item, complaintId, repeatOf: complaintId } }));
  return { first: false, complaintId, reports: Number(Attributes?.reports) };
}

/**
 * The approval was not given by the end of the planned day: the inspection lapses (if still
 * pending, at this version) and a routine one gives its place under the yearly cap back.
 */
export async function lapseApproval(inspection: Inspection, at: string): Promise<'lapsed' | 'not-pending'> {
  const failed = await writeAll([
    {
      Update: {
        TableName: tableName,
        Key: keys.inspection(inspection.id),
        UpdateExpression: 'SET #status = :lapsed, lapsedAt = :at, version = :next',
        ConditionExpression: '#status = :pending AND version = :version',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':lapsed': 'lapsed', ':at': at, ':next': inspection.version + 1, ':pending': 'pending-approval', ':version': inspection.version },
      },
    },
    ...(inspection.category === 'routine' ? [releaseRoutinePlace(inspection)] : []),
  ]);
  if (failed === 0) return 'not-pending';
  if (failed !== undefined) throw new Error(`routine count of inspection ${inspection.id} is inconsistent`);
  return 'lapsed';
}

/** Gives a routine inspection's place under the yearly cap back (rejected or lapsed). */
const releaseRoutinePlace = (inspection: Inspection): TransactItem => ({
  Update: {
    TableName: tableName,
    Key: keys.routineCount(inspection.enterpriseId, inspection.department, inspection.plannedDate.slice(0, 4)),
    UpdateExpression: 'ADD #count :minusOne',
    ConditionExpression: '#count > :zero',
    ExpressionAttributeNames: { '#count': 'count' },
    ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
  },
});

/** Did the enterprise have a minor finding from this department between `from` and `to`? */
export async function hadMinorFinding(enterpriseId: string, department: string, from: string, to: string): Promise<boolean> {
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      FilterExpression: 'department = :dept AND severity = :minor',
      ExpressionAttributeValues: { ':pk': keys.findingsPartition(enterpriseId), ':from': from, ':to': `${to}~`, ':dept': department, ':minor': 'minor' },
      ExclusiveStartKey,
    }));
    if ((page.Items ?? []).length > 0) return true;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return false;
}

/** The outcome, once, on an inspection that may take place; each finding into the register. */
export async function recordOutcome(inspection: Inspection, outcome: NonNullable<Inspection['outcome']>, date: string): Promise<'recorded' | 'conflict'> {
  const failed = await writeAll([
    {
      Update: {
        TableName: tableName,
        Key: keys.inspection(inspection.id),
        UpdateExpression: 'SET #status = :completed, outcome = :outcome, version = :next',
        ConditionExpression: '#status IN (:approved, :filed) AND attribute_not_exists(outcome) AND version = :version',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':completed': 'completed', ':outcome': outcome, ':next': inspection.version + 1, ':approved': 'approved', ':filed': 'filed', ':version': inspection.version,
        },
      },
    },
    ...outcome.findings.map((finding, index) => ({
      Put: {
        TableName: tableName,
        Item: {
          ...keys.finding(inspection.enterpriseId, date, inspection.id, index + 1), type: 'finding',
          enterpriseId: inspection.enterpriseId, department: inspection.department, inspectionId: inspection.id, date, ...finding,
        },
      },
    })),
  ]);
  if (failed === 0) return 'conflict';
  if (failed !== undefined) throw new Error(`findings of inspection ${inspection.id} exist already`);
  return 'recorded';
}

export async function findingsPage(enterpriseId: string, department: string | undefined, limit: number, cursor: string | undefined) {
  const { items: Items, nextCursor } = await queryPage({
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk',
    ...(department ? { FilterExpression: 'department = :dept' } : {}),
    ExpressionAttributeValues: { ':pk': keys.findingsPartition(enterpriseId), ...(department ? { ':dept': department } : {}) },
    ScanIndexForward: false,
    Limit: limit,
  }, cursor);
  return { items: Items.map(clean), nextCursor };
}

export type InspectionListing =
  | { by: 'department'; dept: string }
  | { by: 'enterprise'; enterpriseId: string }
  | { by: 'all' };

/** A page of inspections from the index that fits the listing; month and status narrow it. */
export async function inspectionsPage(listing: InspectionListing, filters: { month?: string; status?: string; dept?: string; enterpriseId?: string }, limit: number, cursor: string | undefined) {
  const index = listing.by === 'department' ? TABLE.indexes.byParent : listing.by === 'enterprise' ? TABLE.indexes.bySecondParent : TABLE.indexes.byThirdParent;
  const partition = listing.by === 'department' ? keys.inspectionsByDept(listing.dept) : listing.by === 'enterprise' ? keys.inspectionsByEnterprise(listing.enterpriseId) : keys.allInspections;
  // What the chosen index does not already select by its key is filtered.
  const { FilterExpression, names, values } = equalityFilter({
    status: filters.status,
    department: listing.by === 'department' ? undefined : filters.dept,
    enterpriseId: listing.by === 'enterprise' ? undefined : filters.enterpriseId,
  });
  const input: QueryCommandInput & { Limit: number } = {
    TableName: tableName,
    IndexName: index.name,
    KeyConditionExpression: `${index.partitionKey} = :pk${filters.month ? ` AND begins_with(${index.sortKey}, :month)` : ''}`,
    ...(FilterExpression ? { FilterExpression, ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: { ':pk': partition, ...(filters.month ? { ':month': filters.month } : {}), ...values },
    Limit: limit,
  };
  const { items, nextCursor } = await queryPage(input, cursor);
  return { items: items.map((item) => clean(item) as unknown as Inspection), nextCursor };
}
